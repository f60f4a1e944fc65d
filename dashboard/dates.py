"""Typed first and last days beside the date slider, and setting the window from elsewhere
(the timeline's brush): all of them set the one window, the slider's state.

The slider itself (publication dates or event times, clamped: :mod:`dashboard.daterange`)
is drawn by :mod:`dashboard.controls`, above the map and full width, because in the sidebar
a 181-day range left under 2 px per day.
"""

from __future__ import annotations

import datetime as dt

import streamlit as st

FROM, TO = "date_from", "date_to"
ACTIVE = "_claimmap_date_key"
"""The slider key in use (``dates`` or ``event_dates``), for :func:`set_window`."""


def seed(key: str, first: dt.date, last: dt.date) -> dict:
    """The slider's ``value`` argument: the whole range unless its state is already set
    (by a typed day or the brush; giving both makes Streamlit warn)."""
    st.session_state[ACTIVE] = key
    return {} if key in st.session_state else {"value": (first, last)}


def set_window(start: dt.date, end: dt.date) -> None:
    """Make ``start``..``end`` the window (from a callback: before the widgets are drawn)."""
    st.session_state[st.session_state.get(ACTIVE, "dates")] = (min(start, end), max(start, end))


def _typed() -> None:
    set_window(st.session_state[FROM], st.session_state[TO])


def typed_area():
    """Room for the typed days, above the slider (call before drawing it)."""
    return st.columns([1, 1, 4])


def typed_days(area, key: str, first: dt.date, last: dt.date, start: dt.date,
               end: dt.date) -> None:
    """The "From" and "To" day fields (following the slider), and the window's length."""
    st.session_state[FROM], st.session_state[TO] = start, end
    for column, field, label in ((area[0], FROM, "From"), (area[1], TO, "To")):
        column.date_input(label, min_value=first, max_value=last, key=field,
                          format="YYYY-MM-DD", on_change=_typed)
    area[2].caption(f"{(end - start).days + 1} of {(last - first).days + 1} days "
                    f"({first} – {last})")
