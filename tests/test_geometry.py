"""Geometry is rounded to 6 decimals and wound as RFC 7946 asks."""

from __future__ import annotations

import pytest

from geo.geometry import is_rfc7946_wound, normalise_geometry

CLOCKWISE = [[35.0, 51.0], [35.0, 52.0], [36.0, 52.0], [36.0, 51.0], [35.0, 51.0]]
HOLE_CCW = [[35.2, 51.2], [35.8, 51.2], [35.8, 51.8], [35.2, 51.8], [35.2, 51.2]]


def test_point_is_rounded_to_six_decimals():
    point = normalise_geometry({"type": "Point", "coordinates": [35.25111111111, 51.2400004]})
    assert point == {"type": "Point", "coordinates": [35.251111, 51.24]}


def test_clockwise_exterior_and_counter_clockwise_hole_are_rewound():
    raw = {"type": "Polygon", "coordinates": [CLOCKWISE, HOLE_CCW]}
    assert not is_rfc7946_wound(raw)
    fixed = normalise_geometry(raw)
    assert is_rfc7946_wound(fixed)
    assert fixed["coordinates"][0] == CLOCKWISE[::-1]
    assert fixed["coordinates"][1] == HOLE_CCW[::-1]


def test_open_ring_is_closed():
    fixed = normalise_geometry({"type": "Polygon", "coordinates": [CLOCKWISE[:-1]]})
    ring = fixed["coordinates"][0]
    assert ring[0] == ring[-1] and len(ring) == 5


def test_multipolygon_parts_are_each_rewound():
    fixed = normalise_geometry({"type": "MultiPolygon", "coordinates": [[CLOCKWISE], [CLOCKWISE]]})
    assert is_rfc7946_wound(fixed) and len(fixed["coordinates"]) == 2


def test_unsupported_geometry_is_refused():
    with pytest.raises(ValueError, match="LineString"):
        normalise_geometry({"type": "LineString", "coordinates": [[0, 0], [1, 1]]})
