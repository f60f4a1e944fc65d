"""Dashboard figures on a large layer: server time per slider move, payload, first render.

Server time is the data work of one rerun after a slider move, as dashboard/app.py does
it: filter the indexed claims for the window, list the article filter's options, build
the map and render its place groups as streamlit-folium does
(``_get_feature_group_string``), the capped claims table and the timeline (both as Arrow,
as Streamlit sends them). Streamlit's own widget and protobuf work is not included.
Payload is what that rerun sends for the map (the place groups' script) plus the table
and the timeline (Arrow bytes). First render is measured in Debian chromium driven by
Playwright, by the page's own clock (bench/render.py).
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
from bench.render import WARM_VISITS, first_render_seconds
from dashboard.controls import ARTICLE_OPTIONS, article_options
from dashboard.exports import TABLE_ROWS, claims_frame
from dashboard.timeline import bin_unit, speaker_scale, timeline_frame
from dashboard.layerdata import Filters, filter_claims, load_layer
from dashboard.mapview import build_map
from dashboard.server import CHROMIUM

POSITIONS = 20


def _arrow_bytes(table: pa.Table) -> int:
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, table.schema) as writer:
        writer.write_table(table)
    return sink.getvalue().size


def _rerun(data, filters: Filters) -> tuple[float, int]:
    """Seconds and bytes for one slider position."""
    start = time.perf_counter()
    view = filter_claims(data, filters)
    article_options(data, filters.start, filters.end, set(), ARTICLE_OPTIONS)
    parts = build_map(view)
    scripts = [_get_feature_group_string(group, parts.map, idx)
               for idx, group in enumerate(parts.layers)]
    tables = [pa.Table.from_pandas(claims_frame(view, limit=TABLE_ROWS)),
              pa.Table.from_pandas(timeline_frame(view, bin_unit(filters.start, filters.end),
                                                speaker_scale(data)))]
    seconds = time.perf_counter() - start
    return seconds, (sum(len(s.encode("utf-8")) for s in scripts)
                     + sum(_arrow_bytes(t) for t in tables))


def _windows(first: dt.date, last: dt.date, days: int, rng: random.Random) -> list[Filters]:
    span = max(0, (last - first).days - days)
    starts = [first + dt.timedelta(days=rng.randint(0, span)) for _ in range(POSITIONS)]
    return [Filters(start=s, end=s + dt.timedelta(days=days - 1)) for s in starts]


def _slider(data, windows: list[Filters]) -> tuple[list[float], list[int]]:
    _rerun(data, windows[0])  # warm caches (templates, numpy) as a running server has them
    results = [_rerun(data, f) for f in windows]
    return [r[0] for r in results], [r[1] for r in results]


def dashboard_figures(layer: Path, browser: bool = True) -> dict[str, str]:
    load_start = time.perf_counter()
    data = load_layer(layer)
    load_s = time.perf_counter() - load_start
    first, last = data.first_date, data.last_date
    rng = random.Random(11)
    week_s, week_b = _slider(data, _windows(first, last, 7, rng))
    all_s, all_b = _slider(data, [Filters(start=first, end=last)] * POSITIONS)
    print(f"dashboard: {data.claim_count} claims; layer load {load_s:.1f} s; one-week window "
          f"p50 {percentile(week_s, 50) * 1000:.0f} ms p95 {percentile(week_s, 95) * 1000:.0f} ms, "
          f"payload max {max(week_b) / 1024:.0f} KB; everything p50 "
          f"{percentile(all_s, 50) * 1000:.0f} ms p95 {percentile(all_s, 95) * 1000:.0f} ms, "
          f"payload {max(all_b) / 1024:.0f} KB")
    figures = {
        "dashboard_claims": str(data.claim_count),
        "layer_load_s": f"{load_s:.1f}",
        "slider_p50_ms": f"{percentile(week_s, 50) * 1000:.0f}",
        "slider_p95_ms": f"{percentile(week_s, 95) * 1000:.0f}",
        "all_p95_ms": f"{percentile(all_s, 95) * 1000:.0f}",
        "week_payload_kb": f"{max(week_b) / 1024:.0f}",
        "all_payload_kb": f"{max(all_b) / 1024:.0f}",
    }
    if browser and CHROMIUM.exists():
        render = first_render_seconds(layer)
        low, high = render["warm_range"]
        print(f"dashboard first render in chromium: cold {render['cold']:.1f} s, warm median "
              f"{render['warm']:.1f} s ({low:.1f}-{high:.1f} s over {WARM_VISITS} new profiles; "
              f"{render['driver']:.1f} s as Playwright saw it), revisit {render['revisit']:.1f} s "
              f"({render['ws_kb']:.0f} KB over the websocket)")
        figures.update(first_render_cold_s=f"{render['cold']:.1f}",
                       first_render_s=f"{render['warm']:.1f}",
                       first_render_driver_s=f"{render['driver']:.1f}",
                       first_render_revisit_s=f"{render['revisit']:.1f}",
                       first_render_ws_kb=f"{render['ws_kb']:.0f}")
    return figures
