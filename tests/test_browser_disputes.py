"""Disputes, figures and event time in a real browser (Debian chromium, network blocked), on
the seed layer with Gerasimov's km² comparison made disputed (test_dashboard_disputes.py)."""

from __future__ import annotations

import time

import pytest
from browser_support import Visit, served
from test_dashboard_disputes import disputed_copy

from dashboard.server import CHROMIUM

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(),
                       reason="needs Debian chromium at /usr/bin/chromium (apt install chromium)"),
]


@pytest.fixture(scope="module")
def disputed_url(tmp_path_factory):
    yield from served(disputed_copy(tmp_path_factory.mktemp("layer") / "disputed.geojson"))


def _open_region_popup(visit: Visit, name: str) -> str:
    """Click a region's shape (found by its tooltip) and return its popup's HTML."""
    visit.map_frame.evaluate("""(name) => {
        window.feature_group.forEach(g => g.eachLayer(function visit(l) {
            const tip = l.getTooltip && l.getTooltip();
            if (tip && tip.getContent().indexOf(name) >= 0) l.fire('click', {latlng: l.getCenter ? l.getCenter() : l.getLatLng()});
            else if (l.eachLayer) l.eachLayer(visit);
        }));
    }""", name)
    popup = visit.map.locator(".leaflet-popup-content")
    popup.wait_for(timeout=15_000)
    return popup.inner_html()


def test_disputed_place_legend_popup_panel_table_and_event_toggle(browser, disputed_url):
    visit = Visit(browser, disputed_url)
    try:
        legend = visit.map.locator(".claimmap-legend").filter(has_text="disputed")
        legend.wait_for(timeout=15_000)
        assert "disputed place" in legend.inner_text()
        assert visit.map.locator('.leaflet-overlay-pane path[stroke="#b91c1c"]').count() >= 1
        html = _open_region_popup(visit, "Kursk Oblast")
        assert "disputed by:" in html and '<mark class="figure"' in html
        assert visit.map.locator(".leaflet-popup-content mark.figure").first.inner_text() in (
            "over 1,000 square kilometers (386 square miles)", "about 1,100 square kilometers "
            "(425 square miles)", "24 settlements", "430 Ukrainian soldiers")
        panel = visit.page.locator('[data-testid="stHtml"]').filter(has_text="disputed by")
        panel.wait_for(timeout=30_000)
        assert panel.locator("mark.figure").count() >= 2
        assert panel.locator('a[href^="#claim-"]').count() >= 2
        visit.page.get_by_text("Disputes", exact=True).wait_for(timeout=15_000)
        visit.page.locator('[data-testid="stRadio"] label').filter(has_text="event").click()
        visit.page.get_by_text("Events dated").wait_for(timeout=30_000)
        time.sleep(1)
        assert "time_basis=event" in visit.page.url
        assert visit.outside == [] and visit.dialogs == []
    finally:
        visit.close()
