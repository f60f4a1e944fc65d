"""Dashboard figures on a large layer: server time per slider move, payload, first render.

Server time is what one rerun costs after a slider move: filter the indexed claims for
the window and build + render the map's feature groups as streamlit-folium does
(``_get_feature_group_string``). Payload is what that rerun sends for the map (the
feature-group script) plus the claims table (Arrow bytes, as ``st.dataframe`` sends).
First render is measured in Debian chromium through Playwright: navigation to the
first drawn region, on a server that has already loaded the layer once (the cold
figure, which includes reading and indexing the file, is printed too).
"""

from __future__ import annotations

import datetime as dt
import random
import time
from pathlib import Path

import folium
import pyarrow as pa
from streamlit_folium import _get_feature_group_string

from bench.measure import percentile
from dashboard.exports import claims_frame
from dashboard.layerdata import Filters, filter_claims, load_layer
from dashboard.mapview import build_map
from dashboard.server import CHROMIUM, CHROMIUM_ARGS, serve

POSITIONS = 20
MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]'


def _rerun(data, filters: Filters) -> tuple[float, int]:
    """Seconds and bytes for one slider position."""
    start = time.perf_counter()
    view = filter_claims(data, filters)
    parts = build_map(view)
    scripts = [_get_feature_group_string(group, parts.map, idx)
               for idx, group in enumerate(parts.layers)]
    table = pa.Table.from_pandas(claims_frame(view))
    seconds = time.perf_counter() - start
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, table.schema) as writer:
        writer.write_table(table)
    return seconds, sum(len(s.encode("utf-8")) for s in scripts) + sink.getvalue().size


def _windows(first: dt.date, last: dt.date, days: int, rng: random.Random) -> list[Filters]:
    span = max(0, (last - first).days - days)
    starts = [first + dt.timedelta(days=rng.randint(0, span)) for _ in range(POSITIONS)]
    return [Filters(start=s, end=s + dt.timedelta(days=days - 1)) for s in starts]


def _slider(data, windows: list[Filters]) -> tuple[list[float], list[int]]:
    _rerun(data, windows[0])  # warm caches (templates, numpy) as a running server has them
    results = [_rerun(data, f) for f in windows]
    return [r[0] for r in results], [r[1] for r in results]


def first_render_seconds(layer: Path) -> tuple[float, float]:
    """(cold, warm) seconds from navigation to the first region drawn in the map frame."""
    from playwright.sync_api import sync_playwright

    timings = []
    with serve(layer, seconds=120) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        for _ in range(2):
            context = browser.new_context(viewport={"width": 1400, "height": 1000})
            context.route("**/*", lambda route: route.continue_()
                          if route.request.url.startswith(url) else route.abort())
            page = context.new_page()
            start = time.perf_counter()
            page.goto(url)
            page.frame_locator(MAP_FRAME).locator(".leaflet-overlay-pane path").first.wait_for(
                timeout=180_000)
            timings.append(time.perf_counter() - start)
            context.close()
        browser.close()
    return timings[0], timings[1]


def dashboard_figures(layer: Path, browser: bool = True) -> dict[str, str]:
    load_start = time.perf_counter()
    data = load_layer(layer)
    load_s = time.perf_counter() - load_start
    first, last = data.first_date, data.last_date
    rng = random.Random(11)
    week_s, week_b = _slider(data, _windows(first, last, 7, rng))
    all_s, all_b = _slider(data, [Filters(start=first, end=last)] * POSITIONS)
    print(f"dashboard: layer load {load_s:.1f} s; one-week window p50 "
          f"{percentile(week_s, 50) * 1000:.0f} ms p95 {percentile(week_s, 95) * 1000:.0f} ms, "
          f"payload max {max(week_b) / 1024:.0f} KB; everything p50 "
          f"{percentile(all_s, 50) * 1000:.0f} ms p95 {percentile(all_s, 95) * 1000:.0f} ms, "
          f"payload {max(all_b) / 1024:.0f} KB")
    figures = {
        "layer_load_s": f"{load_s:.1f}",
        "slider_p50_ms": f"{percentile(week_s, 50) * 1000:.0f}",
        "slider_p95_ms": f"{percentile(week_s, 95) * 1000:.0f}",
        "all_p95_ms": f"{percentile(all_s, 95) * 1000:.0f}",
        "week_payload_kb": f"{max(week_b) / 1024:.0f}",
        "all_payload_kb": f"{max(all_b) / 1024:.0f}",
    }
    if browser and CHROMIUM.exists():
        cold, warm = first_render_seconds(layer)
        print(f"dashboard first render in chromium: cold {cold:.1f} s, warm {warm:.1f} s")
        figures.update(first_render_cold_s=f"{cold:.1f}", first_render_s=f"{warm:.1f}")
    return figures
