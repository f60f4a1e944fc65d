"""The date controls above the map: typed first and last days and a full-width slider.

All three set one window, the slider's state (``dates``, kept in the URL); the timeline's
brush sets it too (:func:`set_window`, called back before the next run). Full width because
in the sidebar a 181-day range left under 2 px per day: one day could not be hit.
A link's dates are checked first (:mod:`dashboard.urlstate`).
"""

from __future__ import annotations

import datetime as dt

import streamlit as st

from . import urlstate
from .layerdata import LayerData

DAY = dt.timedelta(days=1)
KEY = "dates"
FROM, TO = "date_from", "date_to"
CHECKED = "_claimmap_dates_checked"


def set_window(start: dt.date, end: dt.date) -> None:
    """Make ``start``..``end`` the window (from a callback: before the widgets are drawn)."""
    st.session_state[KEY] = (min(start, end), max(start, end))


def _typed() -> None:
    set_window(st.session_state[FROM], st.session_state[TO])


def _check_link(data: LayerData) -> None:
    """Once per session, before the slider is seeded from the URL; the message stays."""
    if CHECKED not in st.session_state:
        values = st.query_params.get_all(KEY)
        window, message = urlstate.check_dates(values, data.first_date, data.last_date)
        if message:  # seed the slider with the corrected window, in the state and the URL
            window = window or (data.first_date, data.last_date)
            st.session_state[KEY] = window
            st.query_params[KEY] = [day.isoformat() for day in window]
        st.session_state[CHECKED] = message
    if st.session_state[CHECKED]:
        st.warning(st.session_state[CHECKED], icon="⚠️")


def date_controls(data: LayerData, typed: bool = True) -> tuple[dt.date | None, dt.date | None]:
    """Draw the controls (``typed``: the day inputs too; the first run skips them so the map
    is drawn sooner) and return the window."""
    first, last = data.first_date, data.last_date
    if first is None or first == last:
        if first is not None:
            st.caption(f"All claims are dated {first.isoformat()}.")
        return first, last
    _check_link(data)
    inputs = st.columns([1, 1, 4]) if typed else None
    seeded = {} if KEY in st.session_state else {"value": (first, last)}
    start, end = st.slider("Claims dated", min_value=first, max_value=last, step=DAY,
                           format="YYYY-MM-DD", key=KEY, bind="query-params", **seeded,
                           help="Drag either end, or drag over the timeline below the map.")
    start, end = min(start, end), max(start, end)  # a reversed link is seeded as given
    if inputs is not None:
        st.session_state[FROM], st.session_state[TO] = start, end
        for column, key, label in ((inputs[0], FROM, "From"), (inputs[1], TO, "To")):
            column.date_input(label, min_value=first, max_value=last, key=key,
                              format="YYYY-MM-DD", on_change=_typed)
        inputs[2].caption(f"{(end - start).days + 1} days of {(last - first).days + 1} "
                          f"({first} – {last})")
    return start, end
