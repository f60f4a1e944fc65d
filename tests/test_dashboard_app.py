"""The page under Streamlit's AppTest: widgets change what reaches the map; errors are shown."""

from __future__ import annotations

import datetime as dt
import gc
import shutil

import pytest
from dashboard_support import (HOSTILE, LAYERS, PAYLOAD, SAMPLE, drawn, map_args,
                               popup_and_tooltip_html, run_app)

from dashboard.layerdata import LayerData

D12, D13 = dt.date(2025, 3, 12), dt.date(2025, 3, 13)


@pytest.fixture
def app(monkeypatch):
    page = run_app(monkeypatch, SAMPLE)
    assert not page.exception
    return page


def test_first_view_draws_every_place_but_countries(app):
    args = map_args(app)
    assert drawn(args["feature_group"]) == {
        "marker": ["Kazachya Loknya"], "polygon": ["Kursk Oblast", "Sumy Oblast"], "circle": []}
    assert app.slider(key="dates").value == (D12, D13)
    assert "showing 10 of 10 claims · 3 places on the map" in app.caption[0].value


def test_first_run_sends_the_map_before_the_other_widgets_and_views(monkeypatch):
    """Their code would delay the first map render: the first run draws the date slider and
    the map only (saying so), the next run (the mounted map's report, or any widget) the rest."""
    page = run_app(monkeypatch, SAMPLE, settled=False)
    assert len(page.get("component_instance")) == 1 and len(page.slider) == 1
    assert not page.multiselect and not page.toggle and not page.selectbox
    assert not page.get("vega_lite_chart") and not page.dataframe
    assert any("appear once the map is drawn" in c.value for c in page.caption)
    page.run()
    assert [m.key for m in page.multiselect] == ["speaker", "source", "article"]
    assert len(page.toggle) == 3 and page.selectbox(key="place")
    assert len(page.get("vega_lite_chart")) == 1 and len(page.dataframe) == 1
    assert not any("appear once the map is drawn" in c.value for c in page.caption)


@pytest.mark.parametrize("query", [
    {"speaker": ["Valery Gerasimov", "Nobody"]},
    {"source": "(outlet not named)", "hide_reporter": "TRUE"},
    {"article": "2025-03-12 · untitled report “Russia's forces have retaken 24 settlements in the…”", "countries": "true"},
    {"hide_reporter": "yes", "countries": "false"},
])
def test_first_run_reads_the_deferred_filters_from_the_url_as_their_widgets_do(monkeypatch,
                                                                              query):
    page = run_app(monkeypatch, SAMPLE, query, settled=False)
    first = map_args(page)["feature_group"]
    page.run()
    assert map_args(page)["feature_group"] == first
    assert page.caption[0].value == run_app(monkeypatch, SAMPLE, query).caption[0].value


def test_slider_end_on_12_march_removes_kazachya_loknya_without_remounting(app):
    before = map_args(app)
    app.slider(key="dates").set_value((D12, D12)).run()
    after = map_args(app)
    assert not app.exception
    assert drawn(after["feature_group"]) == {"marker": [], "polygon": ["Kursk Oblast"],
                                             "circle": []}
    # same base map script and component key: the iframe keeps its zoom and clicks
    assert (after["script"], after["key"]) == (before["script"], before["key"])
    assert len(app.dataframe[0].value) == 5


def test_unchanged_view_sends_an_identical_map(app):
    before = map_args(app)
    app.run()
    assert map_args(app) == before


@pytest.mark.parametrize("widget, value, expected", [
    ("speaker", ["Serhiy Sternenko"], {"marker": ["Kazachya Loknya"], "polygon": []}),
    ("speaker", ["Valery Gerasimov"], {"marker": [], "polygon": ["Kursk Oblast", "Sumy Oblast"]}),
    ("article", ["002_3f0cff5302c0621a"], {"marker": [], "polygon": ["Kursk Oblast"]}),
    ("source", ["(outlet not named)"], {"marker": ["Kazachya Loknya"],
                                 "polygon": ["Kursk Oblast", "Sumy Oblast"]}),
])
def test_multiselect_filters_reach_the_map(app, widget, value, expected):
    app.multiselect(key=widget).set_value(value).run()
    got = drawn(map_args(app)["feature_group"])
    assert {k: got[k] for k in expected} == expected


def test_toggles_hide_reporter_and_show_countries(app):
    app.toggle(key="countries").set_value(True).run()
    assert drawn(map_args(app)["feature_group"])["polygon"] == [
        "Kursk Oblast", "Russia", "Sumy Oblast", "Ukraine"]
    app.toggle(key="hide_reporter").set_value(True).run()
    assert drawn(map_args(app)["feature_group"])["polygon"] == ["Kursk Oblast", "Sumy Oblast"]
    assert "showing 7 of 10 claims" in app.caption[0].value


def test_tiles_toggle_adds_osm_and_nothing_else_goes_online(app):
    assert "openstreetmap" not in str(map_args(app)).lower()
    app.toggle(key="tiles").set_value(True).run()
    assert "tile.openstreetmap.org" in map_args(app)["script"]


def test_remembered_view_is_handed_to_the_map_only_when_its_base_changes(app):
    """A rerun must not move the map (a centre reported mid-pan would undo a popup's
    auto-pan); a new base map re-mounts the frame, which then gets the remembered view."""
    app.session_state["_claimmap_center"] = (51.5, 35.1)
    app.session_state["_claimmap_zoom"] = 8
    app.run()
    assert (map_args(app)["center"], map_args(app)["zoom"]) == (None, None)
    app.toggle(key="tiles").set_value(True).run()
    assert (map_args(app)["center"], map_args(app)["zoom"]) == ([51.5, 35.1], 8)
    app.run()
    assert (map_args(app)["center"], map_args(app)["zoom"]) == (None, None)


def test_loaded_layer_is_left_out_of_full_collections(monkeypatch, tmp_path):
    """Streamlit collects after every run; a tracked 100k-claim layer made that 0.2-0.4 s."""
    layer = tmp_path / "layer.geojson"  # a new path: the cached loader runs for it
    shutil.copy(SAMPLE, layer)
    assert not run_app(monkeypatch, layer).exception
    assert not [o for o in gc.get_objects() if isinstance(o, LayerData)]


def test_view_comes_from_the_url_query(monkeypatch):
    page = run_app(monkeypatch, SAMPLE, {"dates": ["2025-03-13", "2025-03-13"],
                                         "speaker": "Valery Gerasimov", "place": "Sumy Oblast"})
    assert drawn(map_args(page)["feature_group"])["polygon"] == ["Kursk Oblast", "Sumy Oblast"]
    assert page.selectbox(key="place").value == "Sumy Oblast"
    panel = page.get("html")[0].proto.body
    assert "Gerasimov reported that Russian forces had reclaimed" in panel


def test_side_panel_lists_the_selected_place(app):
    app.selectbox(key="place").set_value("Kursk Oblast").run()
    panel = app.get("html")[0].proto.body
    assert panel.count("<li>") == 7 and "place id: iso:RU-KRS" in panel


@pytest.mark.parametrize("name, problem", [
    ("missing.geojson", "layer file not found"),
    ("empty.geojson", "empty file"),
    ("bad_json.geojson", "bad_json.geojson:3: not valid JSON"),
    ("not_schema.geojson", "features/0/properties/kind"),
])
def test_bad_layer_is_one_clear_message(monkeypatch, name, problem):
    page = run_app(monkeypatch, LAYERS / name)
    assert not page.exception
    assert len(page.error) == 1
    assert name in page.error[0].value and problem in page.error[0].value
    assert not page.get("component_instance")


def test_layer_without_claims_renders_an_empty_map(monkeypatch):
    page = run_app(monkeypatch, LAYERS / "no_claims.geojson")
    assert not page.exception and not page.error
    assert "no claims" in page.info[0].value
    assert drawn(map_args(page)["feature_group"]) == {"marker": [], "polygon": [], "circle": []}


def test_hostile_layer_reaches_the_map_escaped(monkeypatch):
    page = run_app(monkeypatch, HOSTILE)
    assert not page.exception
    groups = map_args(page)["feature_group"]
    assert "<img" not in groups and "<script" not in groups
    literals = popup_and_tooltip_html(groups)
    assert len(literals) == 4
    assert not any(bad in lit for lit in literals for bad in ("${", "\\", "<img"))
    assert "&lt;img src=x onerror=alert(1)&gt;&#36;{alert(2)}" in literals[0]
    page.selectbox(key="place").set_value(page.selectbox(key="place").options[1]).run()
    assert "<img" not in page.get("html")[0].proto.body
    assert PAYLOAD in set(page.dataframe[0].value["speaker"].str.replace("Speaker ", ""))


def test_table_is_capped_with_a_note_and_the_csv_keeps_every_claim(monkeypatch):
    import dashboard.exports

    monkeypatch.setattr(dashboard.exports, "TABLE_ROWS", 3)
    page = run_app(monkeypatch, SAMPLE)
    assert not page.exception
    assert list(page.dataframe[0].value["date"]) == ["2025-03-13"] * 3  # the newest
    assert any("Showing the newest 3 of 10 claims in range" in c.value for c in page.caption)
