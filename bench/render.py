"""Time to the first map render in Debian chromium, by the page's own clock.

The figure is navigation start (the top page's ``performance.timeOrigin``) to the first
frame painted after the first region was drawn in the map's frame. A script added to every
frame before it runs (:data:`PAINT_PROBE`, active in frames only) looks for the region every 10 ms and, once it is
there, records the time after the next animation frame; the map frame and the page share
one clock (``timeOrigin + now()`` is wall time in milliseconds).

Why not the driver's clock alone: Playwright's ``wait_for`` on a locator inside an iframe
resolves the frame and polls from the Python side, and while the page is busy (the rerun that
draws the timeline and table arrives just then) it saw the region 0.5-0.7 s after the page
had drawn it (measured on the 10k layer, 2026-11-22). That figure is still printed as
``first_render_driver_s``. Nothing else on the page is timed by the driver: no request
routing (it blocks every request on a round trip to Python and disables the HTTP cache) and
no websocket listener (every frame would cross to Python) on timed visits.
"""

from __future__ import annotations

import time
from pathlib import Path

from bench.measure import percentile
from dashboard.server import CHROMIUM, CHROMIUM_ARGS, serve

MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]'
REGION = ".leaflet-overlay-pane path"
WARM_VISITS = 9
"""Visits in new browser profiles after the server's first; their median is the figure.
Nine, not five: single visits spread with a standard deviation of 0.2-0.5 s on the 2-core
machine (runs of 12 visits by bench/compare.py, 2026-11-23)."""
REVISITS = 3
"""Visits in one profile after a first one there: what a returning user's browser caches."""

PAINT_PROBE = """
(() => {
  if (window.top === window) return;  /* frames only: the map is drawn in one */
  const probe = () => {
    if (document.querySelector(%r)) {
      requestAnimationFrame(() => setTimeout(() => {
        window.__claimmapPainted = performance.timeOrigin + performance.now();
      }));
      return;
    }
    setTimeout(probe, 10);
  };
  probe();
})();
""" % REGION


def _count_received(page, tally: list[int]) -> None:
    """Add the size of every websocket frame ``page`` receives to ``tally[-1]``."""
    def on_frame(frame) -> None:
        tally[-1] += len(frame)

    page.on("websocket", lambda socket: socket.on("framereceived", on_frame))


def _painted_at(page, seconds: float = 30) -> float:
    """Seconds from the page's navigation start to the paint after the first region."""
    origin = page.evaluate("performance.timeOrigin")
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        for frame in page.frames:
            if "streamlit_folium" not in frame.url:
                continue
            painted = frame.evaluate("window.__claimmapPainted ?? null")
            if painted is not None:
                return (painted - origin) / 1000
        page.wait_for_timeout(50)
    raise RuntimeError("no paint recorded in the map frame")


def visit(context, url: str, tally: list[int] | None = None) -> tuple[float, float]:
    """(page clock, driver clock) seconds to the first region; with ``tally``, the websocket
    bytes received by then are appended to it."""
    page = context.new_page()
    if tally is not None:
        tally.append(0)
        _count_received(page, tally)
    start = time.perf_counter()
    page.goto(url)
    page.frame_locator(MAP_FRAME).locator(REGION).first.wait_for(timeout=180_000)
    driver = time.perf_counter() - start
    seconds = _painted_at(page)
    page.close()
    return seconds, driver


def new_profile(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    context.add_init_script(PAINT_PROBE)
    return context


def first_render_seconds(layer: Path) -> dict:
    """First-render figures on ``layer``: ``cold`` (the server's first visit: it reads and
    indexes the layer), ``warm`` (median of :data:`WARM_VISITS` visits in new profiles,
    nothing cached, as for a first-time user) with ``warm_range`` and the driver's median
    ``driver``, ``revisit`` (median of :data:`REVISITS` visits in one profile), and ``ws_kb``,
    the websocket bytes a new page had received by then (an extra, untimed visit)."""
    from playwright.sync_api import sync_playwright

    received: list[int] = []
    with serve(layer, seconds=120) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        visits = []
        for number in range(2 + WARM_VISITS):
            context = new_profile(browser)
            figures = visit(context, url, received if number == 1 else None)
            if number != 1:
                visits.append(figures)
            context.close()
        context = new_profile(browser)
        revisits = [visit(context, url)[0] for _ in range(1 + REVISITS)][1:]
        context.close()
        browser.close()
    warm = [v[0] for v in visits[1:]]
    return {"cold": visits[0][0], "warm": percentile(warm, 50),
            "warm_range": (min(warm), max(warm)),
            "driver": percentile([v[1] for v in visits[1:]], 50),
            "revisit": percentile(revisits, 50), "ws_kb": received[0] / 1024}
