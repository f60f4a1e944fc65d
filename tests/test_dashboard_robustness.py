"""The page on layers at the edges of what its widgets and map can receive (issue 20), under
AppTest: a message where there is something to say, never a traceback. The same layers in
a real browser: test_browser.py::test_odd_layers_render_in_the_browser."""

from __future__ import annotations

import datetime as dt

import pytest
from dashboard_support import SAMPLE, drawn, map_args, run_app
from odd_layers import CROWD, LONG, ODD_LAYERS, far_dates, sample, write

from dashboard.daterange import SLIDER_FIRST, SLIDER_LAST
from dashboard.sidepanel import PAGE_SIZE


def _page(monkeypatch, tmp_path, make, query=None):
    page = run_app(monkeypatch, write(make(), tmp_path / "layer.geojson"), query)
    assert not page.exception, page.exception
    assert len(page.get("component_instance")) == 1, "the map is missing"
    return page


def _texts(page, kind: str) -> str:
    return "\n".join(element.value for element in getattr(page, kind))


@pytest.mark.parametrize("make", ODD_LAYERS.values(), ids=ODD_LAYERS.keys())
def test_every_odd_layer_renders_a_map_without_a_traceback(monkeypatch, tmp_path, make):
    page = _page(monkeypatch, tmp_path, make)
    assert not page.error


def test_claims_dated_0001_and_9999_render_with_a_warning_and_every_claim(monkeypatch,
                                                                          tmp_path):
    """Was StreamlitJSNumberBoundsError ("max_value is too far from 1970"): no map for anyone."""
    page = _page(monkeypatch, tmp_path, far_dates)
    slider = page.slider(key="dates")
    assert slider.value == (SLIDER_FIRST, SLIDER_LAST)  # the full range: min and max
    assert "0001-01-02 .. 9999-12-31, beyond what the date slider can show" in _texts(
        page, "warning")
    assert "showing 10 of 10 claims" in page.caption[0].value
    assert "Kazachya Loknya" in drawn(map_args(page)["feature_group"])["marker"]
    slider.set_value((SLIDER_FIRST, dt.date(2025, 3, 12))).run()  # the end leaves its limit
    assert not page.exception
    assert "Kazachya Loknya" not in drawn(map_args(page)["feature_group"])["marker"]


def test_every_claim_beyond_the_slider_shows_all_without_a_slider(monkeypatch, tmp_path):
    page = _page(monkeypatch, tmp_path, ODD_LAYERS["every claim dated after 9000"])
    assert not page.slider
    assert "beyond what the date slider can show" in _texts(page, "warning")
    assert "showing 10 of 10 claims" in page.caption[0].value


def test_empty_layer_says_so(monkeypatch, tmp_path):
    page = _page(monkeypatch, tmp_path, ODD_LAYERS["empty"])
    assert "no claims" in _texts(page, "info")


def test_one_claim_draws_its_place_and_names_its_date(monkeypatch, tmp_path):
    page = _page(monkeypatch, tmp_path, ODD_LAYERS["one claim"])
    assert drawn(map_args(page)["feature_group"])["marker"] == ["Kazachya Loknya"]
    assert "All claims are dated 2025-03-13." in _texts(page, "caption")


def test_claims_without_a_place_are_listed_with_a_message(monkeypatch, tmp_path):
    page = _page(monkeypatch, tmp_path, ODD_LAYERS["no claims on a place"])
    assert "none of its 10 claims is on a place" in _texts(page, "info")
    assert len(page.dataframe[0].value) == 10


def test_ten_thousand_character_names_reach_the_lists_and_the_map(monkeypatch, tmp_path):
    page = _page(monkeypatch, tmp_path, ODD_LAYERS["10,000-character names"])
    assert page.multiselect(key="speaker").options == ["S" * LONG]
    popups = map_args(page)["feature_group"]
    assert "N" * LONG in popups  # the popup and tooltip keep the name (the panel wraps it)


def test_hundred_thousand_claims_on_one_place_are_capped_in_the_popup(monkeypatch, tmp_path):
    page = _page(monkeypatch, tmp_path, ODD_LAYERS["100,000 claims on one place"])
    assert f"showing {CROWD} of {CROWD} claims" in page.caption[0].value
    page.selectbox(key="place").set_value("Kazachya Loknya").run()
    assert not page.exception
    assert page.get("html")[0].proto.body.count("<li>") == PAGE_SIZE  # one page of them


def _places_on_map(page) -> dict:
    return drawn(map_args(page)["feature_group"])


@pytest.mark.parametrize("damage", [
    lambda path: path.write_bytes(path.read_bytes()[:500]),
    lambda path: path.write_bytes(b""),
    lambda path: path.write_text('{"type": "FeatureCollection"}', encoding="utf-8"),
    lambda path: path.unlink(),
], ids=["truncated", "emptied", "not the schema", "deleted"])
def test_layer_broken_under_an_open_page_keeps_the_last_good_one_then_takes_a_new_one(
        monkeypatch, tmp_path, damage):
    path = write(sample(), tmp_path / "layer.geojson")
    page = run_app(monkeypatch, path)
    before = _places_on_map(page)
    damage(path)
    page.run()
    assert not page.exception and not page.error
    assert "The layer file cannot be read now" in _texts(page, "warning")
    assert str(path) in _texts(page, "warning")
    assert _places_on_map(page) == before
    write(ODD_LAYERS["one claim"](), path)
    page.run()
    assert not page.exception and "cannot be read now" not in _texts(page, "warning")
    assert _places_on_map(page) == {"marker": ["Kazachya Loknya"], "polygon": [], "circle": []}


HOSTILE_LINKS = [
    ({"dates": ["2025-13-45", "x"]}, "are not dates (YYYY-MM-DD): showing all dates", 10),
    ({"dates": "2025-03-12"}, "must be two dates (start and end), not 1", 10),
    ({"dates": ["2025-03-12"] * 3}, "must be two dates (start and end), not 3", 10),
    ({"dates": ["2025-03-13", "2025-03-12"]}, "run backwards (2025-03-13 to 2025-03-12): "
                                              "showing 2025-03-12 to 2025-03-13", 10),
    ({"dates": ["1990-01-01", "2030-01-01"]}, "reach beyond this layer's 2025-03-12 to "
                                              "2025-03-13: showing all dates", 10),
    ({"speaker": ["Nobody", "Valery Gerasimov"]}, "speakers not in this layer, ignored: `Nobody`",
     4),
    ({"speaker": "X" * LONG}, "ignored: `" + "X" * 60 + "…` (10,000 characters)", 10),
    ({"speaker": "<img src=x onerror=alert(1)>"}, "ignored: `<img src=x onerror=alert(1)>`", 10),
    ({"place": ["Kursk Oblast", "Sumy Oblast"]}, "gives `place` 2 times", 10),
    ({"place": "</script>`x`\n"}, "a place not in this layer, ignored: `</script>'x'\\n`", 10),
    ({"countries": ["true", "false"]}, "gives `countries` 2 times (`true`, `false`), which "
                                       "takes one value: the last one is used", 10),
    ({"hide_reporter": "yes"}, "`hide_reporter` is `yes`, not true or false: ignored", 10),
]


@pytest.mark.parametrize(("query", "message", "claims"), HOSTILE_LINKS,
                         ids=[next(iter(q)) + ":" + m[:24] for q, m, _ in HOSTILE_LINKS])
def test_hostile_link_is_said_on_the_page_and_opens_a_sensible_view(monkeypatch, query,
                                                                    message, claims):
    """Today Streamlit drops what it cannot use without a word, and a reversed range showed
    no claim at all. The message stays for the session (the second run is the settled page)."""
    page = run_app(monkeypatch, SAMPLE, query)
    assert not page.exception and not page.error
    assert message in _texts(page.sidebar, "warning")
    assert f"showing {claims} of 10 claims" in page.caption[0].value
    assert page.toggle(key="countries").value is False
