"""The map's legend: what a marker's number, a disc, a filled or dashed shape mean.

Part of the constant base map (a Leaflet control added once with the map's script), so it
costs nothing on a rerun. The swatches are drawn from the same styles the places use
(:data:`dashboard.mapview.STYLES`), so legend and map cannot disagree; the text is the app's
own, never article text.
"""

from __future__ import annotations

import html

from branca.element import MacroElement
from folium.template import Template

ROWS = (
    ("settlement", "settlement (exact point); the number: its claims in the window"),
    ("cluster", "nearby settlements; the number: their claims"),
    ("point-district", "district (area, not a point)"),
    ("region", "region (first-level area)"),
    ("point-region", "region known only by a point"),
    ("country", "country (with Show countries)"),
)


def _swatch(key: str, styles: dict[str, dict]) -> str:
    if key in ("settlement", "cluster"):
        return f"<i class='claimmap-count claimmap-{key}' aria-hidden='true'></i>"
    style = styles[key]
    border = "dashed" if "dashArray" in style else "solid"
    return (f"<i aria-hidden='true' style='border:2px {border} {style['color']};"
            f"background:{style['fillColor']}40'></i>")


def legend_html(styles: dict[str, dict]) -> str:
    rows = "".join(f"<div>{_swatch(key, styles)}{html.escape(text)}</div>" for key, text in ROWS)
    return (f"<div class='claimmap-legend claimmap-precision-legend' role='region' aria-label='Map legend'>"
            f"<b>Claims by precision</b>{rows}</div>")


class PrecisionLegend(MacroElement):
    """A bottom-right Leaflet control holding :func:`legend_html`."""

    _template = Template("""
        {% macro script(this, kwargs) %}
            (function () {
                var legend = L.control({position: "bottomright"});
                legend.onAdd = function () {
                    var box = L.DomUtil.create("div");
                    box.innerHTML = {{ this.html|tojson }};
                    return box;
                };
                legend.addTo({{ this._parent.get_name() }});
            })();
        {% endmacro %}
    """)

    def __init__(self, styles: dict[str, dict]):
        super().__init__()
        self._name = "PrecisionLegend"
        self.html = legend_html(styles)
