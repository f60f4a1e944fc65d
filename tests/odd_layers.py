"""Valid layers at the edges of what a widget or the map receives (issue 20), made from the
sample layer in ``tmp_path``: every one passes :func:`geo.layer.validate_layer`, so the
dashboard must render each with a message where there is something to say, never a traceback.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

from dashboard_support import SAMPLE

from geo.layer import dumps_layer, validate_layer

LONG = 10_000
CROWD = 100_000


def sample() -> dict:
    return json.loads(SAMPLE.read_text("utf-8"))


def _claims(layer: dict) -> list[dict]:
    return [c for f in layer["features"] for c in f["properties"]["claims"]]


def _sorted(layer: dict) -> dict:
    for feature in layer["features"]:
        feature["properties"]["claims"].sort(key=lambda c: c["date"])
    return layer


def far_dates() -> dict:
    """The sample with one claim dated 0001-01-02 and one dated 9999-12-31 (Kazachya
    Loknya's only claim), as a layer built before the reader's date window could hold."""
    layer = sample()
    kursk = next(f for f in layer["features"] if f["id"] == "iso:RU-KRS")
    kursk["properties"]["claims"][0]["date"] = "0001-01-02"
    village = next(f for f in layer["features"] if f["id"] == "theatre:kazachya-loknya")
    village["properties"]["claims"][0]["date"] = "9999-12-31"
    return _sorted(layer)


def all_far_future() -> dict:
    """Every claim beyond what the slider can show: no range to slide over at all."""
    layer = sample()
    for index, claim in enumerate(_claims(layer)):
        claim["date"] = f"{9000 + index % 2}-01-01"
    return _sorted(layer)


def empty() -> dict:
    layer = sample()
    layer["articles"], layer["features"], layer["unresolved"] = [], [], []
    return layer


def one_claim() -> dict:
    layer = sample()
    layer["features"] = [f for f in layer["features"] if f["id"] == "theatre:kazachya-loknya"]
    layer["articles"] = [dict(a, claims=1) for a in layer["articles"]
                         if a["id"] == "000_d599976d65cc3f1e"]
    return layer


def long_names() -> dict:
    """A 10,000-character speaker, speaker title, source and place name."""
    layer = sample()
    for claim in _claims(layer):
        claim.update(speaker="S" * LONG, speaker_title="T" * LONG, source="W" * LONG)
    for feature in layer["features"]:
        feature["properties"]["name"] = feature["properties"]["name"] + " " + "N" * LONG
    return layer


def crowded() -> dict:
    """100,000 claims (one article) on Kazachya Loknya."""
    layer = one_claim()
    village = layer["features"][0]
    template = village["properties"]["claims"][0]
    village["properties"]["claims"] = [
        dict(template, claim_id=f"{template['article_id']}:{i}-{i + 1}", span=[i, i + 1],
             speaker=f"Speaker {i % 50}")
        for i in range(CROWD)]
    layer["articles"][0]["claims"] = CROWD
    return layer


def no_geometry() -> dict:
    """Claims, but not one on a place: every claim is ``unplaced``."""
    layer = sample()
    unplaced = []
    for claim in _claims(layer):
        if claim["claim_id"] not in {c["claim_id"] for c in unplaced}:
            unplaced.append(dict(claim, link="none"))
    layer["features"], layer["unplaced"] = [], sorted(unplaced, key=lambda c: c["date"])
    return layer


ODD_LAYERS = {"empty": empty, "one claim": one_claim, "no claims on a place": no_geometry,
              "10,000-character names": long_names, "100,000 claims on one place": crowded,
              "claims dated 0001 and 9999": far_dates, "every claim dated after 9000": all_far_future}


def write(layer: dict, path: Path) -> Path:
    """Write ``layer`` (validated first: these are layers the dashboard must accept)."""
    validate_layer(copy.deepcopy(layer), str(path))
    path.write_text(dumps_layer(layer), encoding="utf-8")
    return path
