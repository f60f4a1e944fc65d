"""The dashboard in a real browser: Debian chromium driven by Playwright, network blocked.

Each server is ``streamlit run dashboard/app.py -- --layer …`` on a free localhost port.
Every request that does not go to that server is aborted and recorded, and the tests assert
the record is empty. The acceptance layer is the committed ``data/claims.geojson`` built from
the seeds (test_pipeline.py checks it is fresh). The README's screenshot is made on purpose
by ``make screenshot`` (bench/screenshot.py), never by a test.
"""

from __future__ import annotations

import time

import pytest
from browser_support import BROWSER, Visit, served
from dashboard_support import BUILT_LAYER, HOSTILE, PAYLOAD, ROOT

pytestmark = BROWSER
SCREENSHOT = ROOT / "docs" / "screenshot.png"
SCREENSHOT_MTIME = SCREENSHOT.stat().st_mtime_ns


@pytest.fixture(scope="module")
def acceptance_url():
    yield from served(BUILT_LAYER)


@pytest.fixture(scope="module")
def hostile_url():
    yield from served(HOSTILE)


def test_click_kazachya_loknya_then_slider_to_12_march(browser, acceptance_url):
    visit = Visit(browser, acceptance_url)
    try:
        assert any(t.startswith("Kazachya Loknya") for t in visit.tooltips())
        # the other filters come with the rerun that the mounted map's report starts
        speakers = visit.page.locator('[data-testid="stMultiSelect"]').filter(has_text="Speakers")
        speakers.wait_for(timeout=15_000)
        visit.click_marker("Kazachya Loknya")
        popup = visit.map.locator(".leaflet-popup-content")
        popup.wait_for(timeout=15_000)
        assert "Serhiy Sternenko" in popup.inner_text()
        assert "2025-03-13" in popup.inner_text()
        panel = visit.page.locator('[data-testid="stHtml"]')
        panel.filter(has_text="Serhiy Sternenko").wait_for(timeout=30_000)
        assert "place=Kazachya+Loknya" in visit.page.url
        for part in ("stVegaLiteChart", "stDataFrame"):  # the screenshot shows a settled page
            visit.page.locator(f'[data-testid="{part}"]').first.wait_for(timeout=15_000)
        time.sleep(1)
        frame = visit.map.locator(".leaflet-container").first.bounding_box()
        shown = visit.map.locator(".leaflet-popup").bounding_box()  # the click's rerun is done
        assert frame["y"] <= shown["y"] <= shown["y"] + shown["height"] <= frame["y"] + frame["height"]
        zoom_control = visit.map.locator(".leaflet-control-zoom").bounding_box()
        assert (shown["x"] >= zoom_control["x"] + zoom_control["width"]
                or shown["y"] >= zoom_control["y"] + zoom_control["height"])  # not under it

        visit.map_frame.evaluate("() => { window.__not_reloaded = true; }")
        zoom = visit.map_frame.evaluate("() => window.map.getZoom()")
        end = visit.page.locator('[data-testid="stSlider"] input[aria-label$="end"]')
        end.focus()
        while end.get_attribute("aria-valuetext") > "2025-03-12":
            end.press("ArrowLeft")
        deadline = time.time() + 20
        while time.time() < deadline and any(
                t.startswith("Kazachya Loknya") for t in visit.tooltips()):
            time.sleep(0.25)
        shown = visit.tooltips()
        assert not any(t.startswith("Kazachya Loknya") for t in shown)
        assert any(t.startswith("Kursk Oblast") for t in shown)
        assert visit.map_frame.evaluate("() => window.__not_reloaded === true")
        assert visit.map_frame.evaluate("() => window.map.getZoom()") == zoom
        assert visit.outside == [] and visit.dialogs == []
    finally:
        visit.close()


def test_hostile_text_shows_literally_and_runs_nothing(browser, hostile_url):
    visit = Visit(browser, hostile_url)
    try:
        marker_name = f"Village {PAYLOAD}"
        text = visit.open_popup(marker_name)
        assert f"Speaker {PAYLOAD}" in text
        assert "</script><script>alert(4)</script>" in text
        assert f"Title {PAYLOAD}" in visit.side_panel("Speaker")
        visit.map.locator(".leaflet-popup-close-button").click()
        visit.map.locator(visit.marker(marker_name)).hover()
        tooltip = visit.map.locator(".leaflet-tooltip").filter(has_text="Village")
        tooltip.wait_for(timeout=10_000)
        assert PAYLOAD in tooltip.inner_text()
        visit.assert_nothing_ran()
    finally:
        visit.close()


@pytest.fixture(scope="module")
def built_hostile_url(gazetteer, tmp_path_factory):
    """The hostile article (tests/fixtures/hostile/) through the real build, then served."""
    from geo.layer import write_layer
    from geo.pipeline import build

    layer = tmp_path_factory.mktemp("hostile") / "layer.geojson"
    write_layer(build([str(ROOT / "tests" / "fixtures" / "hostile")], gazetteer).layer, layer)
    yield from served(layer)


def test_hostile_article_through_the_build_shows_literally_and_runs_nothing(browser, built_hostile_url):
    visit = Visit(browser, built_hostile_url)
    try:
        text = visit.open_popup("Kazachya Loknya")
        assert PAYLOAD in text and "`backticks`" in text and "\\\\ backslashes" in text
        assert "<script>alert('title')</script>" in text
        assert PAYLOAD in visit.side_panel("Sternenko")
        visit.assert_nothing_ran()
    finally:
        visit.close()


def test_the_browser_tests_leave_the_readme_screenshot_alone():
    """Runs last in this module: the tests above must not have rewritten the tracked file
    (``make screenshot`` does that on purpose)."""
    assert SCREENSHOT.stat().st_mtime_ns == SCREENSHOT_MTIME
