"""The bundled vector base map: countries and the Russian/Ukrainian admin-1 regions.

Without internet there are no tiles, so the map is drawn over the gazetteer's own outlines
(``data/gazetteer``, :data:`geo.config.GAZETTEER_DIR`). They are simplified and written once, by ``python -m dashboard.basemap``,
to ``dashboard/static/basemap/*.geojson`` (committed; a test checks they are current), and
the browser fetches them from the app. The map's script therefore stays a few kilobytes
and identical on every rerun, which keeps streamlit-folium from re-mounting the map.
"""

from __future__ import annotations

import json
from pathlib import Path

from branca.element import MacroElement
from folium.template import Template

from geo import config

from .assets import BASEMAP_PANE, STATIC_DIR, STATIC_URL

BASEMAP_DIR = STATIC_DIR / "basemap"
SOURCES = {
    # file name: (source file, read options, simplify tolerance in degrees, decimals)
    "countries.geojson": (config.COUNTRIES_FILE, {"layer": "countries"}, 0.0, 3),
    "admin1.geojson": (config.ADMIN1_FILE, {}, 0.02, 3),
}
STYLES = {
    "countries.geojson": {"color": "#8a8a8a", "weight": 0.8, "fillColor": "#f2efe9",
                          "fillOpacity": 1.0},
    "admin1.geojson": {"color": "#b0b0b0", "weight": 0.5, "dashArray": "2 3", "fill": False},
}


def _rounded(value, decimals: int):
    if isinstance(value, (list, tuple)):
        return [_rounded(v, decimals) for v in value]
    return round(float(value), decimals) + 0.0


def basemap_geojson(name: str, gazetteer: Path = config.GAZETTEER_DIR) -> str:
    """One base-map file's text: geometry only, simplified and rounded, in source order."""
    import geopandas
    from shapely.geometry import mapping

    source, options, tolerance, decimals = SOURCES[name]
    frame = geopandas.read_file(gazetteer / source, **options)
    features = []
    for geometry in frame.geometry:
        if tolerance:
            geometry = geometry.simplify(tolerance, preserve_topology=True)
        shape = mapping(geometry)
        features.append({"type": "Feature", "properties": {}, "geometry": {
            "type": shape["type"], "coordinates": _rounded(shape["coordinates"], decimals)}})
    collection = {"type": "FeatureCollection", "features": features}
    return json.dumps(collection, separators=(",", ":")) + "\n"


def write_basemap(dest: Path = BASEMAP_DIR) -> list[Path]:
    dest.mkdir(parents=True, exist_ok=True)
    written = []
    for name in sorted(SOURCES):
        path = dest / name
        path.write_text(basemap_geojson(name), "utf-8")
        written.append(path)
    return written


class BaseMap(MacroElement):
    """The bundled outlines as non-interactive GeoJSON layers the browser fetches from the
    app (not embedded in the map script), added bottom first once all have arrived."""

    _template = Template("""
        {% macro script(this, kwargs) %}
            Promise.all({{ this.urls|tojson }}.map(function (url) {
                return fetch(url).then(function (response) { return response.json(); });
            })).then(function (layers) {
                var styles = {{ this.styles|tojson }};
                layers.forEach(function (data, i) {
                    L.geoJSON(data, {style: styles[i], interactive: false,
                                     pane: {{ this.pane|tojson }}})
                        .addTo({{ this._parent.get_name() }});
                });
            });
        {% endmacro %}
    """)

    def __init__(self, names: tuple[str, ...] = ("countries.geojson", "admin1.geojson")):
        super().__init__()
        self._name = "BaseMap"
        self.urls = [f"{STATIC_URL}/basemap/{name}" for name in names]
        self.styles = [STYLES[name] for name in names]
        self.pane = BASEMAP_PANE


if __name__ == "__main__":
    for written in write_basemap():
        print(f"{written} ({written.stat().st_size:,} bytes)")
