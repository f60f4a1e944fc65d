"""The places of a view as one Leaflet group drawn in the browser from JSON (pure: no Streamlit).

Why not one folium object per place: folium gives every marker a Popup (a branca Figure, whose
construction compiles a jinja template) and renders every popup's script by compiling it as a
template again. At tens of thousands of claims that was most of a slider move, and it also
parsed article text as jinja (a claim containing ``{%`` crashed the page). Here a group is a
list of :class:`Shape` records serialised once with :func:`json.dumps`; the browser side,
``static/claimmap/places.js`` (loaded once with the map's scripts), builds the markers,
circles, polygons, tooltips and popups.

Contract with the browser: ``tooltip`` and ``popup`` are HTML built by
:mod:`dashboard.popups` (every untrusted field already escaped); ``name`` is plain text and only
ever set as a marker's ``title``, ``aria-label`` and ``data-name`` attributes. The JSON is made safe to sit in a
``<script>`` element (:func:`script_safe_json`), as in a full folium page.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cached_property

import folium
from branca.element import Element
from folium.template import Template

PLACES_JS = "claimmap/places.js"
"""The browser half, under ``dashboard/static/`` (see :mod:`dashboard.assets`)."""


@dataclass(frozen=True)
class Shape:
    """One place as Leaflet draws it.

    ``kind`` is ``marker``, ``circle`` (``locations`` is ``[lat, lon]``, ``radius`` in metres)
    or ``polygon`` (``locations`` are Leaflet's nested ``[lat, lon]`` rings, MultiPolygons
    included); ``style`` names an entry of the group's styles.
    """

    kind: str
    name: str
    locations: list
    tooltip: str
    popup: str
    style: str = ""
    radius: float | None = None
    count: int = 0
    """Claims in the window: a settlement's marker shows it and is sized by it."""
    place_id: str = ""

    def record(self) -> dict:
        """The JSON object ``places.js`` reads (no deep copy: geometries can be large)."""
        out = {"kind": self.kind, "name": self.name, "locations": self.locations,
               "tooltip": self.tooltip, "popup": self.popup, "style": self.style,
               "count": self.count, "id": self.place_id}
        return out if self.radius is None else out | {"radius": self.radius}


def script_safe_json(value: object) -> str:
    """Compact, deterministic JSON in which no ``<`` appears (``\\u003c`` instead).

    So the data can neither end a ``<script>`` element it is pasted in nor carry anything that
    looks like a tag into the page's script, whatever the articles say; ``>``, ``&`` and
    quotes are harmless there and stay as they are (popup HTML is most of the payload).
    """
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.replace("<", "\\u003c")


class _Script(Element):
    """Already-rendered script text. ``branca.Element(text)`` would compile it as a template."""

    def __init__(self, text: str):
        super().__init__()
        self.text = text

    def render(self, **kwargs) -> str:
        return self.text


class PlaceGroup(folium.FeatureGroup):
    """A FeatureGroup (what ``st_folium(feature_group_to_add=…)`` takes) holding ``shapes``.

    ``cluster`` holds markercluster options when the group's markers should cluster;
    ``focus``, a place id: that place is brought into view and its popup opened.
    """

    _template = Template("""
        {% macro script(this, kwargs) %}
            var {{ this.get_name() }} = L.featureGroup();
            window.claimmapPlaces({{ this.get_name() }}, {{ this.payload }});
        {% endmacro %}
    """)

    def __init__(self, name: str, shapes: list[Shape], styles: dict[str, dict],
                 cluster: dict | None = None, focus: str | None = None):
        super().__init__(name=name)
        self.shapes = tuple(shapes)
        self.styles = styles
        self.cluster = cluster
        self.focus = focus if any(s.place_id == focus for s in self.shapes) else None

    @cached_property
    def payload(self) -> str:
        """The group's data as the browser function reads it (serialised once: streamlit-folium
        renders a group twice)."""
        return script_safe_json({
            "cluster": self.cluster,
            "focus": self.focus,
            "styles": {key: self.styles[key] for key in sorted({s.style for s in self.shapes}
                                                               & set(self.styles))},
            "places": [shape.record() for shape in self.shapes],
        })

    def render(self, **kwargs) -> None:
        """Add the script to the page without passing data through jinja (see module doc)."""
        script = self._template.module.__dict__["script"](self, kwargs)
        self.get_root().script.add_child(_Script(str(script)), name=self.get_name())

