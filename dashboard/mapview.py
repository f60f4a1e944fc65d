"""Building the map for a :class:`~dashboard.layerdata.View` (pure: no Streamlit).

The map is split in two, as streamlit-folium needs to keep zoom across slider moves:

* :func:`base_map` — the same folium Map on every rerun for a given tiles setting (offline
  assets, bundled base map fetched from the app, optional OSM tiles). A different map script
  would give the component a new key and re-mount it, losing zoom and the clicked object.
* :func:`place_layers` — the feature groups for what is in view, passed to ``st_folium`` as
  ``feature_group_to_add``: regions as lightly filled polygons (a region-level claim never
  looks like a point), settlements as clustered markers, countries (hidden by default).
  Each group is data (:class:`~dashboard.placelayer.PlaceGroup`): one JSON document that the
  browser turns into Leaflet layers, not one folium object and template per place.

Their cost grows with the places and popup claims in view, not with the whole layer.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import folium

from .assets import make_offline
from .basemap import BaseMap
from .disputes import DISPUTED_STYLES, Legend, disputed_style, notes_html, popup_rows
from .legend import PrecisionLegend
from .layerdata import LayerData, PlaceClaims, View
from .placelayer import PlaceGroup, Shape
from .popups import POPUP_CLAIMS, place_html, tooltip_html

MAX_ZOOM = 18
DEFAULT_CENTER = (50.0, 35.0)
DEFAULT_ZOOM = 5
STYLES = {
    "district": {"color": "#009E73", "weight": 2.0, "fillColor": "#009E73", "fillOpacity": 0.12},
    "region": {"color": "#D55E00", "weight": 1.5, "fillColor": "#E69F00", "fillOpacity": 0.15},
    "country": {"color": "#0072B2", "weight": 1.0, "dashArray": "4 4", "fillColor": "#56B4E9",
                "fillOpacity": 0.05},
}
STYLES["hromada"] = STYLES["district"]
STYLES |= {f"point-{name}": style | {"dashArray": "6 6"} for name, style in STYLES.items()}
STYLES |= DISPUTED_STYLES
"""Leaflet path options by :attr:`Shape.style`."""
CLUSTER = {"showCoverageOnHover": False, "maxClusterRadius": 40, "disableClusteringAtZoom": 11}
POINT_REGION_RADIUS_M = {"country": 300_000, "region": 60_000, "district": 20_000, "hromada": 10_000}
"""A region known only by a point is drawn as a dashed circle this wide, never as a pin."""
LAYER_NAMES = ("Regions", "Settlements", "Countries")


@dataclass(frozen=True)
class MapOptions:
    show_countries: bool = False
    tiles: bool = False
    popup_claims: int = POPUP_CLAIMS
    focus: str | None = None
    """Place id of the selected place: panned to, its popup opened."""


@dataclass
class MapParts:
    """What ``st_folium`` gets: the constant base map and the view's feature groups."""

    map: folium.Map
    layers: list[PlaceGroup]


def _latlon(coordinates):
    """GeoJSON [lon, lat] (nested) → Leaflet [lat, lon]."""
    if coordinates and isinstance(coordinates[0], (int, float)):
        return [coordinates[1], coordinates[0]]
    return [_latlon(c) for c in coordinates]


def _bounds(data: LayerData) -> tuple[float, float, float, float] | None:
    """(south, west, north, east) of the non-country places, or of all if only countries."""
    places = [p for p in data.places if p.kind != "country"] or list(data.places)
    points = []
    for place in places:
        stack = [place.geometry["coordinates"]]
        while stack:
            item = stack.pop()
            if item and isinstance(item[0], (int, float)):
                points.append(item)
            else:
                stack.extend(item)
    if not points:
        return None
    lons, lats = [p[0] for p in points], [p[1] for p in points]
    return min(lats), min(lons), max(lats), max(lons)


def initial_view(data: LayerData) -> tuple[tuple[float, float], int]:
    """Centre and zoom that frame the layer's places (constant for a layer)."""
    bounds = _bounds(data)
    if bounds is None:
        return DEFAULT_CENTER, DEFAULT_ZOOM
    south, west, north, east = bounds
    span = max(north - south, east - west, 0.05)
    zoom = max(2, min(10, int(math.log2(360 / span))))
    return ((south + north) / 2, (west + east) / 2), zoom


def base_map(center: tuple[float, float] = DEFAULT_CENTER, zoom: int = DEFAULT_ZOOM,
             tiles: bool = False) -> folium.Map:
    """The map every view is drawn on; identical for identical arguments."""
    m = folium.Map(location=list(center), zoom_start=zoom, tiles=None, control_scale=True,
                   maxZoom=MAX_ZOOM, minZoom=2)  # on the map itself: MarkerCluster needs it
    make_offline(m)
    BaseMap().add_to(m)
    Legend().add_to(m)
    PrecisionLegend(STYLES).add_to(m)
    if tiles:
        folium.TileLayer("OpenStreetMap", max_zoom=MAX_ZOOM).add_to(m)
    return m


def _shape(entry: PlaceClaims, view: View, options: MapOptions) -> Shape:
    place = entry.place
    shown = [view.data.claims[r] for r in popup_rows(view.data.analysis, view.data.claims,
                                                      entry.rows, options.popup_claims)]
    text = {"name": place.name, "locations": _latlon(place.geometry["coordinates"]),
            "tooltip": tooltip_html(place, entry.count),
            "popup": place_html(place, shown, entry.count, notes_html(view.data.analysis)),
            "count": entry.count, "place_id": place.place_id}
    kind = place.geometry["type"]
    disputed = disputed_style(view.data.analysis, place.feature_id,
                              "marker" if kind == "Point" and place.precision not in
                              POINT_REGION_RADIUS_M else "shape")
    precision = place.precision if place.precision in POINT_REGION_RADIUS_M else "region"
    if kind == "Point" and place.precision in POINT_REGION_RADIUS_M:
        return Shape("circle", style=disputed or f"point-{precision}",
                     radius=POINT_REGION_RADIUS_M[place.precision], **text)
    if kind == "Point":
        return Shape("marker", style=disputed or "", **text)
    return Shape("polygon", style=disputed or ("country" if place.kind == "country"
                                               else precision), **text)


def place_layers(view: View, options: MapOptions = MapOptions()) -> list[PlaceGroup]:
    """Groups for the places in ``view``: regions, settlements (clustered), countries.

    Always three groups in that order (countries empty unless shown), so toggling a group
    changes only its content.
    """
    shapes: dict[str, list[Shape]] = {name: [] for name in LAYER_NAMES}
    for entry in view.places:
        kind = entry.place.kind
        if kind == "country" and not options.show_countries:
            continue
        shape = _shape(entry, view, options)
        group = ("Settlements" if shape.kind == "marker"
                 else "Countries" if kind == "country" else "Regions")
        shapes[group].append(shape)
    return [PlaceGroup(name, shapes[name], STYLES,
                       cluster=CLUSTER if name == "Settlements" else None, focus=options.focus)
            for name in LAYER_NAMES]


def build_map(view: View, options: MapOptions = MapOptions()) -> MapParts:
    """Base map (framing the whole layer) plus the view's feature groups."""
    center, zoom = initial_view(view.data)
    return MapParts(base_map(center, zoom, options.tiles), place_layers(view, options))
