"""The dashboard's figures, disputes and event time (dashboard/analysis.py, dashboard/disputes.py):
on the seed layer, on a copy of it whose comparison is made disputed (and hostile), and the page
under AppTest."""

from __future__ import annotations

import datetime as dt
import io
import json
import re

import pandas as pd
import pytest
from dashboard_support import BUILT_LAYER, PAYLOAD, ROOT, map_args, place_groups, run_app

from dashboard.disputes import disputes_frame, marked_text
from dashboard.exports import claims_csv, filtered_layer
from dashboard.disputes import notes_html
from dashboard.layerdata import Filters, filter_claims, load_layer
from dashboard.mapview import place_layers
from dashboard.popups import place_html
from geo.layer import validate_layer

D = dt.date
KM2 = "same-speaker"


def disputed_copy(path, hostile: bool = False):
    """The seed layer with Gerasimov's km² comparison marked disputed (and, ``hostile``, a
    payload in its subject and in a figure's text): the seeds have no dispute of their own."""
    layer = json.loads(BUILT_LAYER.read_text("utf-8"))
    for comparison in layer["analysis"]["comparisons"]:
        if comparison["kind"] == KM2:
            comparison["disputed"] = True
            ids = [e["claim_id"] for e in comparison["claims"]]
            if hostile:
                comparison["subject"] = PAYLOAD
                comparison["claims"][0]["figures"] = [PAYLOAD]
    for claim in layer["analysis"]["claims"]:
        if claim["claim_id"] in ids:
            other = [i for i in ids if i != claim["claim_id"]]
            claim["disputed_by"], claim["compared_with"] = other, []
    validate_layer(layer)
    path.write_text(json.dumps(layer, ensure_ascii=False), "utf-8")
    return path


@pytest.fixture(scope="module")
def seeds():
    return load_layer(BUILT_LAYER)


@pytest.fixture
def disputed(tmp_path):
    return load_layer(disputed_copy(tmp_path / "disputed.geojson"))


def _kursk_popup(data) -> str:
    view = filter_claims(data, Filters())
    entry = view.claims_of("iso:RU-KRS")
    return place_html(entry.place, [data.claims[r] for r in entry.rows], entry.count,
                      notes_html(data.analysis))


def test_figures_are_highlighted_inside_and_outside_the_quote(seeds):
    claim = next(c for c in seeds.claims if "over 1,000 square" in c.text)
    html = marked_text(claim, seeds.analysis.of(claim.claim_id))
    assert ("<mark class='figure' title='figure'><b>over 1,000 square kilometers "
            "(386 square miles)</b></mark>") in html
    assert "<mark class='figure' title='figure'><b>24 settlements</b></mark>" in html
    assert re.sub(r"<[^>]+>", "", html) == claim.text.replace("&", "&amp;")


def test_the_popup_says_corroborated_by_with_a_link_to_the_other_claim(seeds):
    html = _kursk_popup(seeds)
    corroborating = re.findall(r"corroborated by: <a href=\"#(claim-[\w-]+)\">([^<]+)</a>", html)
    assert ("claim-002_3f0cff5302c0621a-17-175", "2025-03-12 · Valery Gerasimov") in corroborating
    compared = re.findall(r"compared with: <a href=\"#(claim-[\w-]+)\">", html)
    assert compared and all(f'<a id="{target}"></a>' in html for target in compared)  # same popup
    assert "event: 2025-03-08 … 2025-03-13 (week; “past five days”)" in html
    assert "disputed by" not in html


def test_the_disputes_table_puts_figures_side_by_side(seeds):
    frame = disputes_frame(filter_claims(seeds, Filters()))
    km2 = frame[frame["kind"] == KM2].iloc[0]
    assert km2["figures"] == ("Valery Gerasimov: over 1,000 square kilometers (386 square miles) | "
                              "Valery Gerasimov: about 1,100 square kilometers (425 square miles)")
    assert km2["places"] == "Kursk Oblast" and km2["period"] == "2025-03-08 … 2025-03-13"
    assert not frame["disputed"].any() and set(frame["kind"]) == {"corroboration", KM2}
    narrow = filter_claims(seeds, Filters(speakers=frozenset({"Oleksandr Syrsky"})))
    assert disputes_frame(narrow).empty


def test_a_disputed_place_is_styled_and_its_claims_say_disputed_by(disputed, seeds):
    shapes = {s.name: s for g in place_layers(filter_claims(disputed, Filters())) for s in g.shapes}
    assert shapes["Kursk Oblast"].style == "disputed-region"
    assert shapes["Kazachya Loknya"].style == ""  # no disputed claim there
    plain = {s.name: s for g in place_layers(filter_claims(seeds, Filters())) for s in g.shapes}
    assert plain["Kursk Oblast"].style == "region"
    html = _kursk_popup(disputed)
    assert re.search(r"<span class='claimmap-disputed' style='color:#b91c1c'>disputed by: "
                     r"<a href=\"#claim-[\w-]+\">2025-03-1[23] · Valery Gerasimov</a>", html)
    kursk = shapes["Kursk Oblast"].popup  # 10 of 15 claims, the disputed ones first
    assert kursk.index("over 1,000 square") < kursk.index("Putin declared") and "disputed by" in kursk
    frame = disputes_frame(filter_claims(disputed, Filters()))
    assert frame.iloc[0]["kind"] == KM2 and frame.iloc[0]["disputed"]  # disputed rows first


def test_a_disputed_settlement_is_a_red_circle_marker_in_the_browser_code():
    js = (ROOT / "dashboard" / "static" / "claimmap" / "places.js").read_text("utf-8")
    assert 'place.kind === "marker" && place.style' in js and "L.circleMarker" in js


def test_the_event_time_toggle_filters_by_when_claims_say_it_happened(seeds):
    window = Filters(start=D(2025, 3, 7), end=D(2025, 3, 8), time_basis="event")
    texts = [seeds.claims[r].text for r in filter_claims(seeds, window).claim_rows]
    assert len(texts) == 2 and all("five days" in t for t in texts)
    assert filter_claims(seeds, Filters(start=D(2025, 3, 7), end=D(2025, 3, 8))).claim_count == 0


def test_exports_carry_the_figures_event_times_and_comparisons(seeds):
    view = filter_claims(seeds, Filters(speakers=frozenset({"Valery Gerasimov"})))
    frame = pd.read_csv(io.StringIO(claims_csv(view)), keep_default_na=False)
    row = frame[frame["text"].str.contains("over 1,000")].iloc[0]
    assert row["figures"] == "over 1,000 square kilometers (386 square miles) | 24 settlements"
    assert (row["event_start"], row["event_end"], row["event_precision"]) == (
        "2025-03-08", "2025-03-13", "week")
    assert row["corroborated_by"] == "002_3f0cff5302c0621a:17-175"
    layer = filtered_layer(view)
    validate_layer(layer)
    assert {c["kind"] for c in layer["analysis"]["comparisons"]} == {"corroboration", KM2}
    shown = {c["claim_id"] for f in layer["features"] for c in f["properties"]["claims"]}
    assert {c["claim_id"] for c in layer["analysis"]["claims"]} <= shown


def test_hostile_analysis_text_is_escaped(tmp_path):
    data = load_layer(disputed_copy(tmp_path / "hostile.geojson", hostile=True))
    for group in place_layers(filter_claims(data, Filters())):
        for shape in group.shapes:
            assert "<img" not in shape.popup and "${" not in shape.popup


def test_the_page_has_the_toggle_the_event_slider_and_the_disputes_table(monkeypatch, tmp_path):
    page = run_app(monkeypatch, disputed_copy(tmp_path / "disputed.geojson"))
    assert not page.exception
    assert page.radio(key="time_basis").value == "publication"
    assert page.slider(key="dates").value == (D(2025, 3, 12), D(2025, 3, 13))
    assert "Disputes" in [h.value for h in page.subheader]
    table = page.dataframe[-1].value
    assert list(table["subject"])[0] == "area taken (km2)" and bool(table["disputed"].iloc[0])
    styles = {p["name"]: p["style"] for g in place_groups(map_args(page)["feature_group"])
              for p in g["places"]}
    assert styles["Kursk Oblast"] == "disputed-region"
    page.radio(key="time_basis").set_value("event").run()
    assert not page.exception
    assert page.slider(key="event_dates").value == (D(2025, 3, 7), D(2025, 3, 13))
    page.slider(key="event_dates").set_value((D(2025, 3, 7), D(2025, 3, 8))).run()
    assert "showing 2 of 30 claims" in page.caption[0].value


def test_a_url_asks_for_event_time(monkeypatch):
    page = run_app(monkeypatch, BUILT_LAYER, {"time_basis": "event",
                                              "event_dates": ["2025-03-07", "2025-03-08"]})
    assert not page.exception and "showing 2 of 30 claims" in page.caption[0].value
