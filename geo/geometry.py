"""Geometry, shared by the gazetteer, the geocoders and the layer (GeoJSON, RFC 7946).

Two halves. For the layer, :func:`normalise_geometry` rounds coordinates to 6 decimals
(about 0.1 m: more would be false precision and bloat the file) and winds polygon rings as
RFC 7946 §3.1.6 asks — exterior rings counter-clockwise, holes clockwise — whatever the
gazetteer source did; :func:`is_rfc7946_wound` checks it. For the gazetteer, shapely
helpers: every polygon it stores passes through :func:`to_geojson` (valid, oriented, rounded,
within the size budget), plus the distances and point-in-region tests place resolution needs.

Why one module beside :mod:`geo.model` and not inside a stage: the gazetteer (stage 3), the
geocoders (stage 5) and the layer (stage 6) all use it, and an earlier stage must not
import a later one.
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


def _rounded(value: Any) -> Any:
    if isinstance(value, (list, tuple)):
        return [_rounded(v) for v in value]
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
    return {"type": data["type"], "coordinates": _rounded(data["coordinates"])}


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


def area_km2(geometry: dict) -> float:
    """A polygon's area, each part's degree area scaled at its own latitude (a few per cent
    from an equal-area projection for regions of a few degrees; 0 for a point)."""
    shape_ = from_geojson(geometry)
    return sum(part.area * 111.32 ** 2 * math.cos(math.radians(part.centroid.y))
               for part in getattr(shape_, "geoms", [shape_]) if part.area)


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
