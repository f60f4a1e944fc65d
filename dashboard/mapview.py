"""Building the map for a :class:`~dashboard.layerdata.View` (pure: no Streamlit).

The map is split in two, as streamlit-folium needs to keep zoom across slider moves:

* :func:`base_map` — the same folium Map on every rerun for a given tiles setting (offline
  assets, bundled base map fetched from the app, optional OSM tiles). A different map script
  would give the component a new key and re-mount it, losing zoom and the clicked object.
* :func:`place_layers` — the feature groups for what is in view, passed to ``st_folium`` as
  ``feature_group_to_add``: regions as lightly filled polygons (a region-level claim never
  looks like a point), settlements as clustered markers, countries (hidden by default).

Their cost grows with the places and popup claims in view, not with the whole layer.
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass

import folium

from .assets import make_offline, offline_cluster
from .basemap import BaseMap
from .layerdata import LayerData, PlaceClaims, View
from .popups import POPUP_CLAIMS, place_html, tooltip_html

MAX_ZOOM = 18
DEFAULT_CENTER = (50.0, 35.0)
DEFAULT_ZOOM = 5
REGION_STYLE = {"color": "#c2410c", "weight": 1.5, "fill_color": "#f97316", "fill_opacity": 0.15}
COUNTRY_STYLE = {"color": "#1d4ed8", "weight": 1.0, "dash_array": "4 4", "fill_color": "#3b82f6",
                 "fill_opacity": 0.05}
POINT_REGION_RADIUS_M = {"country": 300_000, "region": 60_000, "district": 20_000}
"""A region known only by a point is drawn as a dashed circle this wide, never as a pin."""
LAYER_NAMES = ("Regions", "Settlements", "Countries")


@dataclass(frozen=True)
class MapOptions:
    show_countries: bool = False
    tiles: bool = False
    popup_claims: int = POPUP_CLAIMS


@dataclass
class MapParts:
    """What ``st_folium`` gets: the constant base map and the view's feature groups."""

    map: folium.Map
    layers: list[folium.FeatureGroup]


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
    if tiles:
        folium.TileLayer("OpenStreetMap", max_zoom=MAX_ZOOM).add_to(m)
    return m


class _MultiPolygon(folium.Polygon):
    """Leaflet's ``L.polygon`` draws MultiPolygon nesting; folium validates only one polygon."""

    def __init__(self, locations: list, **kwargs):
        super().__init__(locations[0], **kwargs)
        self.locations = [folium.Polygon(part).locations for part in locations]


def _popup(html: str, place_id: str) -> folium.Popup:
    """A popup whose HTML element id derives from the place, not from a random uuid: an
    unchanged view must give the same script, or the component redraws the layers and the
    popup the user just opened closes."""
    popup = folium.Popup(html, max_width=460)
    stable = hashlib.sha1(place_id.encode("utf-8")).hexdigest()[:24]
    children = list(popup.html._children.values())
    popup.html._children.clear()
    for child in children:
        child._id = stable
        popup.html._children[child.get_name()] = child
    return popup


def _place_element(entry: PlaceClaims, view: View, options: MapOptions):
    place = entry.place
    shown = [view.data.claims[r] for r in entry.rows[:options.popup_claims]]
    popup = _popup(place_html(place, shown, entry.count), place.place_id)
    tooltip = folium.Tooltip(tooltip_html(place, entry.count), sticky=True)
    geometry = place.geometry
    if geometry["type"] == "Point" and place.precision in POINT_REGION_RADIUS_M:
        return folium.Circle(_latlon(geometry["coordinates"]),
                             radius=POINT_REGION_RADIUS_M[place.precision], dash_array="6 6",
                             popup=popup, tooltip=tooltip, **REGION_STYLE)
    if geometry["type"] == "Point":
        return folium.Marker(_latlon(geometry["coordinates"]), popup=popup, tooltip=tooltip,
                             alt=place.name)
    style = COUNTRY_STYLE if place.kind == "country" else REGION_STYLE
    shape = _MultiPolygon if geometry["type"] == "MultiPolygon" else folium.Polygon
    return shape(_latlon(geometry["coordinates"]), popup=popup, tooltip=tooltip, **style)


def place_layers(view: View, options: MapOptions = MapOptions()) -> list[folium.FeatureGroup]:
    """Feature groups for the places in ``view``: regions, settlements (clustered), countries.

    Always three groups in that order (countries empty unless shown), so toggling a group
    changes only its content.
    """
    regions, settlements, countries = (folium.FeatureGroup(name=n) for n in LAYER_NAMES)
    cluster = offline_cluster(show_coverage_on_hover=False, max_cluster_radius=40,
                              disable_clustering_at_zoom=11)
    cluster.add_to(settlements)
    for entry in view.places:
        kind = entry.place.kind
        if kind == "country" and not options.show_countries:
            continue
        element = _place_element(entry, view, options)
        if type(element) is folium.Marker:  # folium.Circle subclasses Marker: not clustered
            element.add_to(cluster)
        else:
            element.add_to(countries if kind == "country" else regions)
    return [regions, settlements, countries]


def build_map(view: View, options: MapOptions = MapOptions()) -> MapParts:
    """Base map (framing the whole layer) plus the view's feature groups."""
    center, zoom = initial_view(view.data)
    return MapParts(base_map(center, zoom, options.tiles), place_layers(view, options))
