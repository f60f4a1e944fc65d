"""Shared helpers of the dashboard tests: fixture layers, AppTest runs, the map component.

Under AppTest ``st_folium`` returns nothing, but its arguments (``proto.json_args``) hold
the generated map script and the feature groups, so what reaches the map can be asserted.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LAYERS = ROOT / "tests" / "fixtures" / "layers"
SAMPLE = LAYERS / "sample.geojson"
HOSTILE = LAYERS / "hostile.geojson"
APP = ROOT / "dashboard" / "app.py"
BUILT_LAYER = ROOT / "data" / "claims.geojson"
PAYLOAD = "<img src=x onerror=alert(1)>${alert(2)}"


def run_app(monkeypatch, layer: Path, query: dict | None = None):
    """Run the page once on ``layer`` (via CLAIMMAP_LAYER) and return the AppTest."""
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("CLAIMMAP_LAYER", str(layer))
    app = AppTest.from_file(str(APP), default_timeout=60)
    for key, value in (query or {}).items():
        app.query_params[key] = value
    return app.run()


def map_args(app) -> dict:
    """The st_folium component's arguments of the last run."""
    components = app.get("component_instance")
    assert len(components) == 1, "expected exactly one map component"
    return json.loads(components[0].proto.json_args)


def drawn(feature_group_js: str) -> dict[str, list[str]]:
    """Place names drawn by the feature groups, by Leaflet layer type, from their tooltips."""
    found: dict[str, list[str]] = {"marker": [], "polygon": [], "circle": []}
    for kind, name in re.findall(
            r"var (marker|polygon|circle)_feature_group_[\d_]+ = L\.\w+\(.*?"
            r"\.bindTooltip\(\s*`<div>\s*<b>(.*?)</b>", feature_group_js, flags=re.S):
        found[kind].append(name)
    return {k: sorted(v) for k, v in found.items()}
