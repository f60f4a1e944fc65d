"""Shared helpers of the dashboard tests: fixture layers, AppTest runs, the map component.

Under AppTest ``st_folium`` returns nothing, but its arguments (``proto.json_args``) hold
the generated map script and the feature groups (whose places are JSON data), so what
reaches the map can be asserted.
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


def run_app(monkeypatch, layer: Path, query: dict | None = None, *, settled: bool = True):
    """Run the page on ``layer`` (via CLAIMMAP_LAYER) and return the AppTest.

    ``settled``: run it a second time, as the mounted map's first report does in a browser,
    so the views drawn below the map from the second run on (timeline, table) are there.
    """
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("CLAIMMAP_LAYER", str(layer))
    app = AppTest.from_file(str(APP), default_timeout=60)
    for key, value in (query or {}).items():
        app.query_params[key] = value
    app.run()
    return app.run() if settled else app


def map_args(app) -> dict:
    """The st_folium component's arguments of the last run."""
    components = app.get("component_instance")
    assert len(components) == 1, "expected exactly one map component"
    return json.loads(components[0].proto.json_args)


def place_groups(feature_group_js: str) -> list[dict]:
    """The data of each place group in the map component's script, in order.

    Each group is ``window.claimmapPlaces(<group>, <json>)`` (see dashboard/placelayer.py).
    """
    decoder = json.JSONDecoder()
    groups = []
    for match in re.finditer(r"window\.claimmapPlaces\(\w+, ", feature_group_js):
        groups.append(decoder.raw_decode(feature_group_js, match.end())[0])
    return groups


def drawn(feature_group_js: str) -> dict[str, list[str]]:
    """Place names drawn by the feature groups, by Leaflet layer type."""
    found: dict[str, list[str]] = {"marker": [], "polygon": [], "circle": []}
    for group in place_groups(feature_group_js):
        for place in group["places"]:
            found[place["kind"]].append(place["name"])
    return {k: sorted(v) for k, v in found.items()}


def popup_and_tooltip_html(feature_group_js: str) -> list[str]:
    """Every popup and tooltip HTML string the map receives (popup, tooltip, per place)."""
    return [html for group in place_groups(feature_group_js) for place in group["places"]
            for html in (place["popup"], place["tooltip"])]


def busy_layer(path: Path, claims: int, *, days: int = 1, speakers: int = 3,
               keep: tuple[str, ...] | None = None, text_words: int = 40) -> Path:
    """Write a schema-valid layer: ``sample.geojson``'s places (only those named in ``keep``,
    if given) with ``claims`` claims on Kazachya Loknya spread over ``days`` days from
    2025-01-01 and ``speakers`` speakers, one titled article (with source and URL) each."""
    import datetime as dt

    layer = json.loads(SAMPLE.read_text(encoding="utf-8"))
    features = [f for f in layer["features"] if keep is None or f["properties"]["name"] in keep]
    target = next(f for f in features if f["properties"]["name"] == "Kazachya Loknya")
    words = " ".join(f"word{i}" for i in range(text_words))
    articles, made = [], []
    for i in range(claims):
        day = (dt.date(2025, 1, 1) + dt.timedelta(days=i % days)).isoformat()
        article = f"busy_{i:05d}"
        text = f"Claim {i} about Kazachya Loknya: {words}."
        made.append({"claim_id": f"{article}:0-{len(text)}", "date": day,
                     "speaker": f"Speaker {i % speakers}", "speaker_title": None,
                     "verb": "said", "text": text, "quote": None, "article_id": article,
                     "article_title": f"Report {i}", "source": "Wire",
                     "url": f"https://example.org/{i}", "span": [0, len(text)],
                     "attribution": "speaker", "link": "named"})
        articles.append({"id": article, "date": day, "title": f"Report {i}", "source": "Wire",
                         "url": f"https://example.org/{i}", "claims": 1})
    made.sort(key=lambda c: (c["date"], c["article_id"]))
    for feature in features:
        feature["properties"]["claims"] = made if feature is target else []
    layer["features"] = [f for f in features if f["properties"]["claims"]]
    layer["articles"] = sorted(articles, key=lambda a: a["id"])
    layer["unresolved"] = []
    path.write_text(json.dumps(layer), encoding="utf-8")
    return path
