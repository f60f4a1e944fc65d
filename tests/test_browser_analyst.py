"""The dashboard as an analyst works in it all day (issue 16), in Debian chromium.

A busy layer (:func:`dashboard_support.busy_layer`: 300 claims on one place over 181 days,
12 speakers) shows what breaks only at scale: popups, the side panel, the timeline.
"""

from __future__ import annotations

import time

import pytest
from browser_support import BROWSER, MARKER, Visit, served
from dashboard_support import BUILT_LAYER, busy_layer

pytestmark = BROWSER


@pytest.fixture(scope="module")
def busy_url(tmp_path_factory):
    layer = busy_layer(tmp_path_factory.mktemp("busy") / "busy.geojson", 300, days=181,
                       speakers=12)
    yield from served(layer)


@pytest.fixture(scope="module")
def seeds_url():
    yield from served(BUILT_LAYER)


@pytest.fixture
def seeds(browser, seeds_url):
    visit = Visit(browser, seeds_url)
    yield visit
    visit.close()


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
    assert busy.map.locator(busy.marker("Kazachya Loknya")).is_visible()


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


CHART = '[data-testid="stVegaLiteChart"]'


def _slider_values(visit) -> tuple[str, str]:
    thumbs = visit.page.locator('[data-testid="stSlider"] input')
    return (thumbs.nth(0).get_attribute("aria-valuetext"),
            thumbs.nth(1).get_attribute("aria-valuetext"))


def _wait_slider(visit, values: tuple[str, str]) -> None:
    deadline = time.time() + 30
    while time.time() < deadline and _slider_values(visit) != values:
        time.sleep(0.25)
    assert _slider_values(visit) == values


def _chart(visit):
    chart = visit.page.locator(CHART).first
    chart.locator("svg .mark-rect.marks path").first.wait_for(timeout=30_000)
    return chart


def _legend_colours(chart) -> dict[str, str]:
    return chart.evaluate("""c => {
        const labels = [...c.querySelectorAll('.role-legend-label text')].map(t => t.textContent);
        const fills = [...c.querySelectorAll('.role-legend-symbol path')].map(p => p.getAttribute('fill'));
        return Object.fromEntries(labels.map((l, i) => [l, fills[i]]));
    }""")


def _date_field(visit, label: str):
    return visit.page.locator('[data-testid="stDateInput"]').filter(
        has=visit.page.get_by_role("group", name=label, exact=True))


def _typed_date(visit, label: str) -> str:
    return _date_field(visit, label).locator('input[type="date"]').input_value()


def _type_date(visit, label: str, iso: str) -> None:
    """Type a day into a date field (year, month, day), then leave it: the field commits on
    blur."""
    visit.page.get_by_role("spinbutton", name=f"year, {label}").focus()
    visit.page.keyboard.type(iso.replace("-", ""))
    visit.page.locator("h1").first.click()


def _bar_fills(chart) -> set[str]:
    return set(chart.evaluate(
        "c => [...c.querySelectorAll('.mark-rect.marks path')].map(p => p.getAttribute('fill'))"))


def test_speaker_keeps_its_colour_when_filtered_and_the_legend_fits(busy):
    chart = _chart(busy)
    colours = _legend_colours(chart)
    assert len(colours) == 9 and colours["(other speakers)"] == "#999999"
    box = _box(chart)
    for label in chart.locator(".role-legend-label text").all():
        item = _box(label)
        assert box["x"] <= item["x"] and item["x"] + item["width"] <= box["x"] + box["width"]
        assert box["y"] <= item["y"] and item["y"] + item["height"] <= box["y"] + box["height"]
    speakers = busy.page.locator('[data-testid="stMultiSelect"]').filter(has_text="Speakers")
    speakers.click()
    busy.page.keyboard.type("Speaker 5")
    busy.page.keyboard.press("Enter")
    busy.page.wait_for_function(
        "() => new Set([...document.querySelectorAll('[data-testid=\"stVegaLiteChart\"] "
        ".mark-rect.marks path')].map(p => p.getAttribute('fill'))).size === 1", timeout=30_000)
    assert _bar_fills(_chart(busy)) == {colours["Speaker 5"]}


def test_timeline_bins_a_half_year_by_week_into_visible_bars(busy):
    chart = _chart(busy)
    widths = chart.evaluate(
        "c => [...c.querySelectorAll('.mark-rect.marks path')].map(p => p.getBBox().width)")
    assert 20 <= len(widths) <= 9 * 27  # 26-27 weekly bins, up to 9 speakers each
    assert min(widths) >= 8
    assert busy.page.get_by_text("Claims per week", exact=True).is_visible()


def test_brushing_the_timeline_sets_the_dates_and_the_slider_follows(busy):
    chart = _chart(busy)
    chart.scroll_into_view_if_needed()
    plot = chart.evaluate("""c => {
        const r = [...c.querySelectorAll('.mark-rect.marks path')].map(p => p.getBoundingClientRect());
        return {left: Math.min(...r.map(b => b.left)), right: Math.max(...r.map(b => b.right)),
                y: Math.max(...r.map(b => b.bottom)) - 5};
    }""")
    span = plot["right"] - plot["left"]
    busy.page.mouse.move(plot["left"] + 0.3 * span, plot["y"])
    busy.page.mouse.down()
    busy.page.mouse.move(plot["left"] + 0.5 * span, plot["y"], steps=8)
    busy.page.mouse.up()
    deadline = time.time() + 30
    while time.time() < deadline and _slider_values(busy) == ("2025-01-01", "2025-06-30"):
        time.sleep(0.25)
    start, end = _slider_values(busy)
    assert "2025-02-01" < start < end < "2025-05-01"
    assert _typed_date(busy, "From") == start and _typed_date(busy, "To") == end


def test_typed_dates_set_the_window_and_the_slider_spans_the_page(busy):
    track = _box(busy.page.locator('[data-testid="stSlider"]').first)
    assert track["width"] >= 181 * 4  # every day at least 4 px wide: one day can be hit
    _type_date(busy, "From", "2025-03-01")
    _wait_slider(busy, ("2025-03-01", "2025-06-30"))
    _type_date(busy, "To", "2025-03-31")
    _wait_slider(busy, ("2025-03-01", "2025-03-31"))


@pytest.mark.parametrize("query, message", [
    ("?dates=2025-06-30&dates=2025-01-01", "run backwards"),
    ("?dates=2020-01-01&dates=2025-02-01", "reach beyond"),
    ("?dates=not-a-day", "must be two dates"),
    ("?speaker=Nobody&countries=maybe", "not in this layer"),
])
def test_bad_link_values_give_a_message_and_a_sensible_view(browser, busy_url, query, message):
    window = ("2025-01-01", "2025-06-30")
    visit = Visit(browser, busy_url + query)
    try:
        visit.page.locator('[data-testid="stAlert"]').filter(has_text=message).wait_for(
            timeout=30_000)
        deadline = time.time() + 30  # a reversed link's thumbs may stay in its order
        while time.time() < deadline and tuple(sorted(_slider_values(visit))) != window:
            time.sleep(0.25)
        assert tuple(sorted(_slider_values(visit))) == window
        assert visit.map.locator(MARKER).count() >= 1
        assert visit.page.get_by_text("showing 300 of 300 claims").is_visible()
    finally:
        visit.close()


def test_untitled_articles_read_as_reports_not_hash_ids(seeds):
    popup = seeds.open_popup("Kazachya Loknya")
    assert "untitled report of 2025-03-13" in popup
    assert "000_d599976d65cc3f1e" not in popup and "(no source)" not in popup
    assert "untitled report of 2025-03-13" in seeds.side_panel("Sternenko")


def test_country_level_claims_are_listed_and_open_in_the_side_panel(seeds):
    button = seeds.page.get_by_role("button", name="Russia — ")
    button.wait_for(timeout=30_000)
    button.click()
    panel = seeds.side_panel("country-level claim")
    assert "Russia" in panel
    assert "place=Russia" in seeds.page.url


def test_markers_show_their_claims_and_the_legend_explains_precision(busy, browser, seeds_url):
    marker = busy.map.locator(busy.marker("Kazachya Loknya"))
    marker.wait_for(timeout=30_000)
    assert marker.inner_text() == "300"
    assert marker.get_attribute("aria-label") == "Kazachya Loknya, 300 claims"
    seeds = Visit(browser, seeds_url)
    try:
        small = seeds.map.locator(seeds.marker("Kazachya Loknya"))
        assert small.inner_text() == "2"  # the seeds: Sternenko and one more
        assert _box(marker)["width"] > _box(small)["width"]  # sized by claims
        legend = seeds.map.locator(".claimmap-precision-legend")
        assert legend.is_visible()
        for row in ("settlement", "district", "region", "country"):
            assert row in legend.inner_text()
    finally:
        seeds.close()


def test_a_place_link_opens_the_place_on_the_map(browser, seeds_url):
    visit = Visit(browser, seeds_url + "/?place=Kazachya+Loknya")
    try:
        popup = visit.map.locator(".leaflet-popup-content")
        popup.wait_for(timeout=30_000)
        assert "Serhiy Sternenko" in popup.inner_text()
        assert visit.outside == []
    finally:
        visit.close()


def test_feed_lists_newest_first_and_opens_the_chosen_place(seeds):
    feed = seeds.page.get_by_role("radiogroup", name="Newest claims")
    feed.wait_for(timeout=30_000)
    entries = feed.get_by_role("radio").all()
    dates = [e.evaluate("e => e.closest('label').innerText").split(" · ")[0] for e in entries]
    assert dates == sorted(dates, reverse=True) and dates[0] == "2025-03-13"
    feed.locator("label").filter(has_text="Kazachya Loknya").first.click()
    popup = seeds.map.locator(".leaflet-popup-content")
    popup.wait_for(timeout=30_000)
    assert "Serhiy Sternenko" in popup.inner_text()
    assert "Sternenko" in seeds.side_panel("Sternenko")
