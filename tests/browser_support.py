"""Driving the dashboard in Debian chromium (Playwright), shared by the browser tests.

:class:`Visit` opens one page with every request outside the app aborted and recorded, and
knows the map's frame, its markers and popups, and the side panel.
"""

from __future__ import annotations

import time
from urllib.parse import urlsplit
from pathlib import Path
from typing import Iterator

import pytest

from dashboard.server import CHROMIUM, serve

MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]'
MARKER = ".leaflet-marker-icon"
BROWSER = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(),
                       reason="needs Debian chromium at /usr/bin/chromium (apt install chromium)"),
]
"""The marks of a browser test module (``pytestmark = BROWSER``)."""


def served(layer: Path) -> Iterator[str]:
    """The app on ``layer`` for a fixture's lifetime: yields its base URL."""
    with serve(layer) as url:
        yield url


_TOOLTIPS = """() => {
            const names = [];
            (window.feature_group || []).forEach(group => {
                if (!window.map.hasLayer(group)) return;
                group.eachLayer(function visit(layer) {
                    if (layer.getTooltip && layer.getTooltip()) {
                        const box = document.createElement('div');
                        box.innerHTML = layer.getTooltip().getContent();
                        names.push(box.textContent.trim().replace(/\\s+/g, ' '));
                    }
                    if (layer.eachLayer) layer.eachLayer(visit);
                });
            });
            return names.sort();
        }"""
"""The tooltips' text of every place on the map, as a script run in the map's frame."""


class Visit:
    """One page of the app, with outside requests blocked and recorded, dialogs recorded."""

    def __init__(self, browser, url: str, drawn: bool = True):
        """Open ``url``; with ``drawn``, wait until the map has drawn a place (a layer with
        nothing to draw opens with ``drawn=False``)."""
        self.context = browser.new_context(viewport={"width": 1400, "height": 1000})
        self.outside: list[str] = []
        self.dialogs: list[str] = []
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"  # a query is not part of the app's address
        self.context.route("**/*", lambda route: self._route(route, origin))
        self.page = self.context.new_page()
        self.page.on("dialog", lambda dialog: (self.dialogs.append(dialog.message),
                                               dialog.dismiss()))
        self.page.goto(url)
        self.page.wait_for_selector(MAP_FRAME, timeout=60_000)
        self.map = self.page.frame_locator(MAP_FRAME)
        drawing = ".leaflet-overlay-pane path, .leaflet-marker-pane .leaflet-marker-icon"
        self.map.locator(drawing if drawn else ".leaflet-container").first.wait_for(timeout=60_000)
        self.map_frame = next(f for f in self.page.frames if "st_folium" in f.url)

    def _route(self, route, url: str) -> None:
        if route.request.url.startswith(url):
            route.continue_()
        else:
            self.outside.append(route.request.url)
            route.abort()

    def tooltips(self) -> list[str]:
        """Text of the tooltips of every place currently on the map (incl. clustered), read
        from the map's current frame: a rerun may replace the frame, so a read that meets a
        detached frame is tried again on the new one (for up to 30 s)."""
        from playwright.sync_api import Error as PlaywrightError

        deadline = time.time() + 30
        while True:
            try:
                self.map_frame = next(f for f in self.page.frames if "st_folium" in f.url)
                return self.map_frame.evaluate(_TOOLTIPS)
            except (StopIteration, PlaywrightError):
                if time.time() > deadline:
                    raise
                time.sleep(0.5)

    @staticmethod
    def marker(name: str) -> str:
        """Selector of a settlement's marker (named by its ``data-name``)."""
        return f'.leaflet-marker-icon[data-name="{name}"]'

    def click_marker(self, name: str) -> None:
        """Click the place's marker as a user would: open its cluster first if needed."""
        for _ in range(8):
            marker = self.map.locator(self.marker(name))
            if marker.count():
                marker.click()
                return
            found = self.map_frame.evaluate("""(name) => {
                let target = null;
                window.feature_group.forEach(g => g.eachLayer(function visit(l) {
                    if (l.options && l.options.title === name) target = l;
                    else if (l.eachLayer) l.eachLayer(visit);
                }));
                if (!target) return false;
                const cluster = target.__parent && target.__parent._group.getVisibleParent(target);
                if (cluster && cluster._icon) cluster._icon.setAttribute('data-test', 'open-me');
                return true;
            }""", name)
            assert found, f"no marker for {name}"
            # a click on the cluster's own element: the map's legend may lie over its position
            self.map.locator('[data-test="open-me"]').dispatch_event("click")
            time.sleep(0.8)
        raise AssertionError(f"could not reach the marker of {name}")

    def open_popup(self, name: str) -> str:
        """Click the place's marker and return its popup's text."""
        self.click_marker(name)
        popup = self.map.locator(".leaflet-popup-content")
        popup.wait_for(timeout=15_000)
        return popup.inner_text()

    def side_panel(self, has_text: str) -> str:
        """Text of the side panel once the click's rerun has filled it with ``has_text``."""
        panel = self.page.locator('[data-testid="stHtml"]').filter(has_text=has_text)
        panel.wait_for(timeout=30_000)
        return panel.inner_text()

    def assert_nothing_ran(self) -> None:
        """No injected image, no javascript: link, no dialog, no outside request."""
        time.sleep(1)
        for root in (self.page, self.map):
            assert root.locator('img[src="x"]').count() == 0
            assert root.locator('a[href^="javascript"]').count() == 0
        assert self.dialogs == [] and self.outside == []

    def close(self) -> None:
        self.context.close()
