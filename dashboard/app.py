"""claimmap dashboard: ``streamlit run dashboard/app.py [-- --layer PATH]`` (docs/dashboard.md).

Thin on purpose: widgets → :class:`Filters` → :func:`filter_claims` → map, side panel,
timeline, table and downloads, all built by the pure modules of this package.
"""

from __future__ import annotations

import dataclasses
import os
import sys
from pathlib import Path

if __package__ in (None, ""):  # `streamlit run` puts only dashboard/ on sys.path
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import streamlit as st
from streamlit_folium import st_folium

from dashboard import controls, ingest_panel, layerload, timeline
from dashboard.dates import set_window
from dashboard.disputes import disputes_section
from dashboard.exports import TABLE_ROWS, claims_csv, claims_frame, layer_geojson
from dashboard.feed import feed
from dashboard.layerdata import filter_claims
from dashboard.layerfile import layer_path
from dashboard.mapview import build_map
from dashboard.popups import counted
from dashboard.sidepanel import side_panel
from geo.errors import LayerError

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
    disputes_section(view)
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
        data, problem = layerload.load(path)
    except LayerError as error:
        st.error(f"Cannot open the layer: {error}")
        st.stop()
    if problem is not None:
        st.warning(layerload.problem_note(problem))
    complete = controls.complete_page()
    summary = st.empty()  # above the date controls, filled once the view is known
    filters, options = controls.sidebar(data, complete, dates_area=st.container())
    view = filter_claims(data, filters)
    places = [p for p in view.places if options.show_countries or p.place.kind != "country"]
    summary.caption(f"Layer `{path}` · showing {view.claim_count} of "
                    f"{counted(data.claim_count)} · {counted(len(places), 'place')} on the map"
                    f" · {view.article_count} of {counted(len(data.articles), 'article')}")
    for note in layerload.layer_notes(data):
        st.info(note)
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
    ingest_panel.panel(path)


main()
