"""``make screenshot``: write docs/screenshot.png, the README's picture of the dashboard.

On purpose, never as a side effect of the tests (they leave the work tree clean). The page is
the committed seed layer opened at ``place=Kazachya+Loknya`` (the map pans there and opens its
popup), with everything below the map drawn, in Debian chromium with outside requests blocked.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from bench.measure import ROOT
from dashboard.server import CHROMIUM, CHROMIUM_ARGS, serve

MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]'
DEFAULT_OUT = ROOT / "docs" / "screenshot.png"
QUERY = "/?place=Kazachya+Loknya"


def screenshot(layer: Path, out: Path, query: str = QUERY) -> Path:
    """Serve ``layer``, open ``query``, wait for the popup, chart and table; save the page."""
    from playwright.sync_api import sync_playwright

    with serve(layer) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        context.route("**/*", lambda route: route.continue_()
                      if route.request.url.startswith(url) else route.abort())
        page = context.new_page()
        page.goto(url + query)
        page.frame_locator(MAP_FRAME).locator(".leaflet-popup-content").wait_for(
            timeout=60_000)
        for part in ("stVegaLiteChart", "stDataFrame"):
            page.locator(f'[data-testid="{part}"]').first.wait_for(timeout=30_000)
        time.sleep(1.5)  # let the chart and grid finish drawing
        out.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(out), full_page=True)
        browser.close()
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.screenshot",
                                     description=__doc__.splitlines()[0])
    parser.add_argument("--layer", type=Path, default=ROOT / "data" / "claims.geojson")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    print(f"wrote {screenshot(args.layer, args.out)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
