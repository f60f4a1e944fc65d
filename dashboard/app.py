"""claimmap dashboard: ``streamlit run dashboard/app.py [-- --layer PATH]`` (docs/dashboard.md).

Thin on purpose: widgets → :class:`Filters` → :func:`filter_claims` → map, side panel,
timeline, table and downloads, all built by the pure modules of this package.
"""

from __future__ import annotations

import dataclasses
import gc
import os
import sys
from pathlib import Path

if __package__ in (None, ""):  # `streamlit run` puts only dashboard/ on sys.path
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import streamlit as st
from streamlit_folium import st_folium

from dashboard import controls, timeline
from dashboard.dates import date_controls, set_window
from dashboard.feed import feed
from dashboard.exports import TABLE_ROWS, claims_csv, claims_frame, layer_geojson
from dashboard.layerdata import LayerData, filter_claims, load_layer
from dashboard.layerfile import layer_path
from dashboard.mapview import build_map
from dashboard.popups import counted
from dashboard.sidepanel import side_panel
from geo.errors import LayerError

@st.cache_resource(show_spinner="Loading the layer…", max_entries=4)
def _cached_layer(path: str, mtime_ns: int, size: int) -> LayerData:
    """Keyed by the file's mtime and size too, so a rebuilt layer is reloaded.

    ``cache_resource``, not ``cache_data``: LayerData is immutable and shared read-only, and
    ``cache_data`` would unpickle a copy on every rerun (2.2 s for a 100k-claim layer).

    The loaded layer is frozen out of the garbage collector (``gc.freeze``): Streamlit runs a
    full collection after every script run (``runner.postScriptGC``), and walking a
    100k-claim layer's ~150k objects took 0.2-0.4 s each time, holding the GIL, so the server
    could neither send the page nor serve the files the browser was waiting for
    (docs/benchmark.md). Frozen objects are still freed by reference counting when the cache
    drops the layer; the collection before the freeze keeps garbage from being frozen too.
    """
    data = load_layer(path)
    gc.collect()
    gc.freeze()
    return data


def _load(path: Path) -> LayerData:
    try:
        stat = path.stat()
    except OSError:
        return load_layer(path)  # raises the LayerError that names the problem
    return _cached_layer(str(path), stat.st_mtime_ns, stat.st_size)


def _brushed() -> None:
    """The timeline was brushed: its interval becomes the date window."""
    picked = timeline.brushed_dates(st.session_state["timeline"].selection)
    if picked:
        set_window(*picked)


def _details(view) -> None:
    """Timeline, capped table and downloads of what is in view (below the map)."""
    unit = timeline.bin_unit(view.filters.start, view.filters.end)
    scale = timeline.speaker_scale(view.data)
    st.subheader(f"Claims per {unit}")
    st.vega_lite_chart(timeline.timeline_frame(view, unit, scale),
                       timeline.timeline_spec(scale, unit), width="stretch", key="timeline",
                       on_select=_brushed, selection_mode=timeline.BRUSH)
    st.subheader("Claims in range")
    table = claims_frame(view, limit=TABLE_ROWS)
    if len(table) < view.claim_count:
        st.caption(f"Showing the newest {len(table)} of {counted(view.claim_count)} in range; "
                   "the CSV download below has them all.")
    st.dataframe(table, hide_index=True, width="stretch")
    left, right = st.columns(2)
    left.download_button("Download the filtered layer (GeoJSON)", lambda: layer_geojson(view),
                         file_name="claimmap-filtered.geojson", mime="application/geo+json",
                         on_click="ignore")
    right.download_button("Download the claims (CSV)", lambda: claims_csv(view),
                          file_name="claimmap-claims.csv", mime="text/csv", on_click="ignore")


def main() -> None:
    st.set_page_config(page_title="claimmap", page_icon="🗺️", layout="wide")
    path = layer_path(sys.argv[1:], dict(os.environ))
    st.title("claimmap — who claimed what, when, where")
    try:
        data = _load(path)
    except LayerError as error:
        st.error(f"Cannot open the layer: {error}")
        st.stop()
    complete = controls.complete_page()
    summary = st.empty()  # above the date controls, filled once the view is known
    controls.check_link(data)
    start, end = date_controls(data, typed=complete)
    filters, options = controls.sidebar(data, start, end, complete)
    view = filter_claims(data, filters)
    places = [p for p in view.places if options.show_countries or p.place.kind != "country"]
    summary.caption(f"Layer `{path}` · showing {view.claim_count} of {counted(data.claim_count)} · "
               f"{counted(len(places), 'place')} on the map · {view.article_count} of "
               f"{counted(len(data.articles), 'article')}")
    if not data.claims:
        st.info("This layer has no claims: the map is empty.")
    map_column, panel_column = st.columns([3, 2])
    with map_column:
        controls.remember_map_state(st.session_state.get("map"), places)  # the last click
        options = dataclasses.replace(options, focus=controls.selected_place(view.places))
        parts = build_map(view, options)
        center, zoom = controls.map_view_state(base=(str(path), options.tiles))
        returned = st_folium(
            parts.map, key="map", height=560, use_container_width=True,
            feature_group_to_add=parts.layers, center=center, zoom=zoom,
            returned_objects=["last_object_clicked", "last_object_clicked_popup", "center",
                              "zoom"],
        )
        controls.remember_map_state(returned, places)  # centre and zoom
    if complete:
        with map_column:
            feed(view)
        with panel_column:
            side_panel(view, list(view.places))
        _details(view)
    else:
        st.caption("The place panel, the timeline, the claims table and the downloads appear "
                   "once the map is drawn.")


main()
