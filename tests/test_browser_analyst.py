"""The dashboard as an analyst works in it all day (issue 16), in Debian chromium.

A busy layer (:func:`dashboard_support.busy_layer`: 300 claims on one place over 181 days,
12 speakers) shows what breaks only at scale: popups, the side panel, the timeline.
"""

from __future__ import annotations

import time

import pytest
from browser_support import BROWSER, MARKER, Visit, served
from dashboard_support import busy_layer

pytestmark = BROWSER


@pytest.fixture(scope="module")
def busy_url(tmp_path_factory):
    layer = busy_layer(tmp_path_factory.mktemp("busy") / "busy.geojson", 300, days=181,
                       speakers=12)
    yield from served(layer)


@pytest.fixture
def busy(browser, busy_url):
    visit = Visit(browser, busy_url)
    yield visit
    visit.close()


def _box(locator) -> dict:
    box = locator.bounding_box()
    assert box is not None
    return box


def test_busy_popup_fits_the_map_and_scrolls(busy):
    busy.open_popup("Kazachya Loknya")
    frame = _box(busy.map.locator(".leaflet-container").first)
    popup = busy.map.locator(".leaflet-popup")
    shown = _box(popup)
    assert shown["height"] <= frame["height"]
    scroller = busy.map.locator(".leaflet-popup-scrolled")
    assert scroller.count() == 1
    assert scroller.evaluate("e => e.scrollHeight > e.clientHeight")
    scroller.evaluate("e => { e.scrollTop = e.scrollHeight; }")
    assert "… and 290 more" in busy.map.locator(".leaflet-popup-content").inner_text()


def test_busy_popup_stays_open_with_its_marker_after_the_side_panel_fills(busy):
    busy.open_popup("Kazachya Loknya")
    busy.side_panel("Claim 180")  # the click's rerun has drawn the side panel
    time.sleep(2)
    assert busy.map.locator(".leaflet-popup-content").count() == 1
    assert busy.map.locator(MARKER).count() >= 1
    assert busy.map.locator(f'{MARKER}[alt="Kazachya Loknya"]').is_visible()


def _page_height(visit) -> int:
    return visit.page.evaluate(
        "() => document.querySelector('[data-testid=\"stMain\"]').scrollHeight")


def test_side_panel_pages_and_sorts_a_busy_place_and_counts_as_the_popup(busy):
    popup = busy.open_popup("Kazachya Loknya")
    assert "… and 290 more in the side panel" in popup  # 10 in the popup + 290 = 300
    panel = busy.side_panel("Claim 180")
    assert panel.count("about Kazachya Loknya") == 20
    assert busy.page.get_by_text("300 claims · showing 1–20").is_visible()
    assert _page_height(busy) < 10_000
    page = busy.page.get_by_label("Page (of 15)")
    page.fill("2")
    page.press("Enter")
    busy.page.get_by_text("300 claims · showing 21–40").wait_for(timeout=30_000)
    busy.page.get_by_text("Speaker (A–Z)").click()
    first = busy.page.locator('[data-testid="stHtml"] li').first
    busy.page.wait_for_function(
        "() => document.querySelector('[data-testid=\"stHtml\"] li')"
        "?.innerText.includes('Speaker 0 ')", timeout=30_000)
    assert "Speaker 0 " in first.inner_text()
