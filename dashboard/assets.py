"""Serving Leaflet and its plugins from the app itself, so the map works offline.

folium points ``<script>``/``<link>`` tags at CDNs. streamlit-folium loads every
``default_js`` of the map in order inside its iframe, so one unreachable CDN means a blank
map. The vendored npm dist files (``dashboard/static/vendor``, licences alongside) are served
by Streamlit's static serving (``enableStaticServing`` in ``.streamlit/config.toml``) at
``/app/static/…``; the URLs must be absolute because the iframe lives at another path.
Bootstrap, awesome-markers and Font Awesome are not needed (default markers only), nor is
jQuery: only folium's own Popup uses it, and the app's ``claimmap/places.js`` builds the
places' popups itself (see :mod:`dashboard.placelayer`).
"""

from __future__ import annotations

from pathlib import Path

import folium
from branca.element import MacroElement
from folium.template import Template

from geo import config

from .placelayer import PLACES_JS

STATIC_DIR = config.STATIC_DIR
STATIC_URL = "/app/static"
_VENDOR = f"{STATIC_URL}/vendor"
LEAFLET_IMAGES = f"{_VENDOR}/leaflet-1.9.3/images/"

JS = [
    ("leaflet", f"{_VENDOR}/leaflet-1.9.3/leaflet.js"),
    ("markerclusterjs", f"{_VENDOR}/leaflet.markercluster-1.1.0/leaflet.markercluster.js"),
    ("claimmap_places", f"{STATIC_URL}/{PLACES_JS}"),
]
CSS = [
    ("leaflet_css", f"{_VENDOR}/leaflet-1.9.3/leaflet.css"),
    ("markerclustercss", f"{_VENDOR}/leaflet.markercluster-1.1.0/MarkerCluster.css"),
    ("markerclusterdefaultcss", f"{_VENDOR}/leaflet.markercluster-1.1.0/MarkerCluster.Default.css"),
    ("claimmap_css", f"{STATIC_URL}/claimmap/places.css"),
]
BASEMAP_PANE = "basemap"
"""A pane under Leaflet's overlay pane (z-index 400) for the bundled base map."""


def static_file(url: str) -> Path:
    """The file behind an ``/app/static/…`` URL (tests check every asset exists)."""
    if not url.startswith(STATIC_URL + "/"):
        raise ValueError(f"{url!r} is not served by the app")
    return STATIC_DIR / url[len(STATIC_URL) + 1:]


class _OfflineSetup(MacroElement):
    """Map script prelude: local marker images and the base map's pane."""

    _template = Template("""
        {% macro script(this, kwargs) %}
            L.Icon.Default.imagePath = {{ this.image_path|tojson }};
            {{ this._parent.get_name() }}.createPane({{ this.pane|tojson }});
            {{ this._parent.get_name() }}.getPane({{ this.pane|tojson }}).style.zIndex = 350;
        {% endmacro %}
    """)

    def __init__(self):
        super().__init__()
        self._name = "OfflineSetup"
        self.image_path = LEAFLET_IMAGES
        self.pane = BASEMAP_PANE


def make_offline(m: folium.Map) -> folium.Map:
    """Point the map's assets at the app's own copies (all of them, whatever is drawn later,
    because the component loads scripts only when the map is first mounted)."""
    m.default_js = list(JS)
    m.default_css = list(CSS)
    _OfflineSetup().add_to(m)
    return m
