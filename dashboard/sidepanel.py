"""The side panel: the claims of the selected place, sorted and paginated.

Why pages: a busy place listed all its claims at once (500 on the generated corpus) and the
page grew to ~58,000 px. The panel shows :data:`PAGE_SIZE` claims at a time with the place's
full count, which is also the count the popup's "… and N more in the side panel" refers to.
:func:`panel_rows` is pure; :func:`side_panel` only wires the widgets to it.
"""

from __future__ import annotations

import math

import numpy as np
import streamlit as st

from .controls import place_labels, place_picker
from .disputes import notes_html
from .layerdata import PlaceClaims, View
from .popups import counted, place_html

PAGE_SIZE = 20
SORTS = {"newest": "Newest first", "oldest": "Oldest first", "speaker": "Speaker (A–Z)"}
"""Side panel orders: key → label."""


def panel_rows(view: View, entry: PlaceClaims, sort: str, page: int,
               size: int = PAGE_SIZE) -> np.ndarray:
    """Rows of ``entry`` on 1-based ``page`` in ``sort`` order (:data:`SORTS`).

    The place's rows come newest first; "speaker" keeps each speaker's claims newest first.
    """
    rows = entry.rows
    if sort == "oldest":
        rows = rows[::-1]
    elif sort == "speaker":
        data = view.data
        names = np.array(data.speakers, dtype=object)[data.speaker[rows]]
        rows = rows[np.argsort(names, kind="stable")]
    start = (max(page, 1) - 1) * size
    return rows[start:start + size]


def pages(count: int, size: int = PAGE_SIZE) -> int:
    return max(1, math.ceil(count / size))


def _choose(label: str) -> None:
    st.session_state["place"] = label


def wider_areas(view: View) -> None:
    """Country-level claims, listed (countries are not drawn unless asked): each a button
    that opens the country's claims here."""
    countries = [p for p in view.places if p.place.kind == "country"]
    if not countries:
        return
    st.caption("Country-level claims (drawn only with *Show countries*):")
    labels = {p.place.place_id: label for label, p in place_labels(list(view.places)).items()}
    columns = st.columns(min(len(countries), 3))
    for index, entry in enumerate(sorted(countries, key=lambda p: -p.count)):
        label = labels[entry.place.place_id]
        columns[index % len(columns)].button(
            f"{entry.place.name} — {counted(entry.count)}", key=f"country:{entry.place.place_id}",
            on_click=_choose, args=(label,), help=f"Read the claims about {entry.place.name}")


def side_panel(view: View, places: list[PlaceClaims]) -> None:
    """The place selector (every place in view, countries too), the country-level claims,
    then the chosen place's claims one page at a time."""
    st.subheader("Place")
    chosen = place_picker(places)
    wider_areas(view)
    if chosen is None:
        st.caption("Click a marker or a region, or a claim in the feed, to read its claims here.")
        return
    left, right = st.columns([3, 2])
    sort = left.radio("Sort the place's claims by", list(SORTS), format_func=SORTS.get,
                      horizontal=True, key="panel_sort")
    last = pages(chosen.count)
    page = right.number_input(f"Page (of {last})", min_value=1, max_value=last, value=1,
                              step=1, key=f"panel_page:{chosen.place.place_id}")
    rows = panel_rows(view, chosen, sort, int(page))
    first = (int(page) - 1) * PAGE_SIZE + 1
    st.caption(f"{counted(chosen.count)} · showing {first}–{first + len(rows) - 1}")
    st.html(place_html(chosen.place, [view.data.claims[r] for r in rows], chosen.count,
                       notes_html(view.data.analysis), more_where=None))
