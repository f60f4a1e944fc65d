"""GeoJSON geometry normalisation for the layer (RFC 7946).

Coordinates are rounded to 6 decimals (about 0.1 m: more would be false precision and
bloat the file) and polygon rings are wound as RFC 7946 §3.1.6 asks — exterior rings
counter-clockwise, holes clockwise — whatever the gazetteer source did.
"""

from __future__ import annotations

DECIMALS = 6


def _round_position(position) -> list[float]:
    return [round(float(position[0]), DECIMALS) + 0.0, round(float(position[1]), DECIMALS) + 0.0]


def _signed_area(ring: list[list[float]]) -> float:
    """Twice the signed area (shoelace): positive for a counter-clockwise ring."""
    return sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:]))


def _ring(ring, exterior: bool) -> list[list[float]]:
    points = [_round_position(p) for p in ring]
    if points and points[0] != points[-1]:
        points.append(list(points[0]))
    area = _signed_area(points)
    if (exterior and area < 0) or (not exterior and area > 0):
        points.reverse()
    return points


def _polygon(rings) -> list[list[list[float]]]:
    return [_ring(ring, index == 0) for index, ring in enumerate(rings)]


def normalise_geometry(geometry: dict) -> dict:
    """Return a new Point / Polygon / MultiPolygon dict, rounded and correctly wound."""
    kind = geometry["type"]
    coords = geometry["coordinates"]
    if kind == "Point":
        return {"type": "Point", "coordinates": _round_position(coords)}
    if kind == "Polygon":
        return {"type": "Polygon", "coordinates": _polygon(coords)}
    if kind == "MultiPolygon":
        return {"type": "MultiPolygon", "coordinates": [_polygon(p) for p in coords]}
    raise ValueError(f"unsupported geometry type {kind!r}")


def is_rfc7946_wound(geometry: dict) -> bool:
    """True when every exterior ring is counter-clockwise and every hole clockwise."""
    if geometry["type"] == "Point":
        return True
    polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    return all(
        (_signed_area(ring) > 0) == (index == 0)
        for polygon in polygons
        for index, ring in enumerate(polygon)
    )
