"""The feed: the newest claims in the window, each with its place; choosing one selects the
place, so the map pans there and opens its popup and the side panel lists it.

A radio group (keyboard- and screen-reader-friendly, one label per claim), capped at
:data:`FEED_CLAIMS` so its cost does not grow with the window. :func:`feed_entries` is pure.
"""

from __future__ import annotations

import streamlit as st

from .controls import place_labels
from .layerdata import NO_PLACE, View
from .labels import opening
from .popups import counted

FEED_CLAIMS = 30
KEY = "feed"


def feed_entries(view: View, limit: int = FEED_CLAIMS) -> list[tuple[str, str]]:
    """(text, place label) of the ``limit`` newest placed claim-place rows, newest first."""
    data = view.data
    labels = {p.place.place_id: label for label, p in place_labels(list(view.places)).items()}
    rows = view.rows[data.place[view.rows] != NO_PLACE][:limit]
    entries = []
    for row in rows.tolist():
        claim, place = data.claims[row], data.places[int(data.place[row])]
        entries.append((f"{claim.date} · {place.name} · {claim.speaker_label}: "
                        f"{opening(claim.text, 14)}", labels[place.place_id]))
    return entries


def _chosen() -> None:
    picked = st.session_state.get(KEY)
    if picked is not None:
        st.session_state["place"] = st.session_state["_claimmap_feed"][picked][1]


def feed(view: View) -> None:
    st.subheader("Feed")
    entries = feed_entries(view)
    st.session_state["_claimmap_feed"] = entries
    placed = int((view.data.place[view.rows] != NO_PLACE).sum())
    st.caption(f"The newest {len(entries)} of {counted(placed, 'claim on a place')} in the "
               "window; choose one to show its place.")
    if entries:
        st.radio("Newest claims", range(len(entries)), index=None, key=KEY,
                 format_func=lambda i: entries[i][0], on_change=_chosen,
                 label_visibility="collapsed")
