"""Geometry helpers for the gazetteer: RFC 7946 output and point-in-region tests.

Every geometry the project ships passes through :func:`to_geojson`, so orientation
(exterior rings counter-clockwise, holes clockwise), rounding (<= 6 decimals) and the size
budget are enforced in one place.
"""

from __future__ import annotations

import math
from typing import Any

import shapely
import shapely.affinity
from shapely.geometry import MultiPolygon, Point, Polygon, box, mapping, shape
from shapely.geometry.polygon import orient

DECIMALS = 6
MAX_VERTICES = 2500
"""Polygons with more vertices are simplified (topology-preserving) until under this budget."""


def _round(value: Any) -> Any:
    if isinstance(value, (list, tuple)):
        return [_round(v) for v in value]
    return round(float(value), DECIMALS)


def oriented(geom):
    """Return the geometry with RFC 7946 ring orientation."""
    if isinstance(geom, Polygon):
        return orient(geom, sign=1.0)
    if isinstance(geom, MultiPolygon):
        return MultiPolygon([orient(p, sign=1.0) for p in geom.geoms])
    return geom


def simplify_to_budget(geom, budget: int = MAX_VERTICES):
    """Simplify with growing tolerance until the vertex count fits ``budget``.

    Returns (geometry, tolerance in degrees); tolerance 0 means untouched.
    """
    tolerance = 0.0
    while shapely.get_num_coordinates(geom) > budget:
        tolerance = tolerance * 2 if tolerance else 0.002
        geom = geom.simplify(tolerance, preserve_topology=True)
    return geom, tolerance


def split_antimeridian(geom):
    """Split polygons that cross the 180th meridian. world-atlas rings are drawn for a sphere
    (Chukotka runs from 170 E to -170 W in one ring); on the plane that self-intersects, so
    the ring is unwrapped to 0..360 and cut at 180 into two valid polygons."""
    polygons = list(getattr(geom, "geoms", [geom]))
    out = []
    for polygon in polygons:
        if polygon.bounds[2] - polygon.bounds[0] <= 180:
            out.append(polygon)
            continue
        unwrapped = shapely.transform(polygon, lambda xy: xy + [[360.0, 0.0]] * (xy[:, :1] < 0))
        unwrapped = shapely.make_valid(unwrapped)
        west = unwrapped.intersection(box(-180.0, -90.0, 180.0, 90.0))
        east = shapely.affinity.translate(unwrapped.intersection(box(180.0, -90.0, 540.0, 90.0)), -360.0)
        for part in (west, east):
            out += [g for g in getattr(part, "geoms", [part]) if isinstance(g, Polygon) and not g.is_empty]
    return out[0] if len(out) == 1 else MultiPolygon(out)


def polygonal(geom):
    """Repair an invalid polygon (world-atlas Russia self-touches at the antimeridian) and
    keep only its polygonal parts."""
    if geom.is_valid:
        return geom
    fixed = shapely.make_valid(geom)
    parts = [g for g in getattr(fixed, "geoms", [fixed]) if isinstance(g, (Polygon, MultiPolygon))]
    polygons = [p for part in parts for p in getattr(part, "geoms", [part])]
    return polygons[0] if len(polygons) == 1 else MultiPolygon(polygons)


def to_geojson(geom) -> dict:
    """A shapely geometry as a GeoJSON dict: valid, oriented, rounded (Polygon/MultiPolygon/Point)."""
    if not isinstance(geom, Point):
        geom = polygonal(split_antimeridian(geom))
    data = mapping(oriented(geom))
    return {"type": data["type"], "coordinates": _round(data["coordinates"])}


def point(lon: float, lat: float) -> dict:
    """A GeoJSON Point, [lon, lat] rounded to 6 decimals."""
    return {"type": "Point", "coordinates": [round(lon, DECIMALS), round(lat, DECIMALS)]}


def from_geojson(geometry: dict):
    """A shapely geometry from a GeoJSON dict."""
    return shape(geometry)


def representative_lonlat(geometry: dict) -> tuple[float, float]:
    """A point inside the geometry (the point itself for a Point): used for distances."""
    if geometry["type"] == "Point":
        lon, lat = geometry["coordinates"]
        return float(lon), float(lat)
    rep = shape(geometry).representative_point()
    return rep.x, rep.y


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance between two (lon, lat) pairs, haversine on a 6371 km sphere."""
    lon1, lat1, lon2, lat2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin(
        (lon2 - lon1) / 2
    ) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))


def prepare_points(points) -> tuple[tuple[float, float, float], ...]:
    """(lon, lat) pairs as (lon rad, lat rad, cos lat), sorted, for :func:`nearest_km`."""
    out = []
    for lon, lat in sorted(points):
        lat_r = math.radians(lat)
        out.append((math.radians(lon), lat_r, math.cos(lat_r)))
    return tuple(out)


def nearest_km(here: tuple[float, float], prepared: tuple[tuple[float, float, float], ...]) -> float:
    """``min(distance_km(here, p) for p in points)`` over :func:`prepare_points` output,
    1e9 when there are none: the same arithmetic as :func:`distance_km` (the same floats),
    with every conversion done once. Place resolution asks this for every candidate."""
    lon1, lat1 = math.radians(here[0]), math.radians(here[1])
    cos1 = math.cos(lat1)
    best = 1e9
    for lon2, lat2, cos2 in prepared:
        h = math.sin((lat2 - lat1) / 2) ** 2 + cos1 * cos2 * math.sin((lon2 - lon1) / 2) ** 2
        km = 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))
        if km < best:
            best = km
    return best


def contains(geometry: dict, lon: float, lat: float) -> bool:
    """Whether a region geometry contains the point (False for point geometries)."""
    if geometry["type"] == "Point":
        return False
    return bool(shape(geometry).contains(Point(lon, lat)))


def locate_points(regions: list[tuple[str, Any]], lonlats: list[tuple[float, float]]) -> list[str | None]:
    """For each (lon, lat), the code of the first region polygon containing it (or None).

    ``regions`` are (code, shapely geometry); vectorised so building the index stays fast.
    """
    result: list[str | None] = [None] * len(lonlats)
    if not lonlats:
        return result
    xs = [p[0] for p in lonlats]
    ys = [p[1] for p in lonlats]
    for code, geom in regions:
        shapely.prepare(geom)
        inside = shapely.contains_xy(geom, xs, ys)
        for i, flag in enumerate(inside):
            if flag and result[i] is None:
                result[i] = code
    return result
