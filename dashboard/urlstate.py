"""Reading a shared link's query before the widgets are seeded from it: every value that is
malformed, out of range or unknown gives a visible message and a sensible state.

Streamlit seeds a bound widget (``bind="query-params"``) from the URL when the widget is
first created in a session; a value it cannot use was silently dropped, and an end date
before the start date was accepted as an empty window. So the session's first run checks the
query here first (:func:`check_dates`, :func:`check_choices`); the page seeds the widget with
what can be corrected (reversed dates swapped, dates clamped to the layer's range) or the
default, and shows the returned messages. Pure: no Streamlit.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

TOGGLES = ("hide_reporter", "countries", "tiles")


def _date(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def check_dates(values: list[str], first: dt.date, last: dt.date,
                ) -> tuple[tuple[dt.date, dt.date] | None, str | None]:
    """The window a link's ``dates`` values ask for, corrected, and what was wrong.

    ``(None, message)`` when they cannot be read (the page then shows every date);
    ``(None, None)`` when the link has none.
    """
    if not values:
        return None, None
    days = [_date(v) for v in values]
    if len(values) != 2 or None in days:
        return None, (f"The link's dates ({', '.join(values)}) are not two YYYY-MM-DD days: "
                      "showing every date.")
    start, end = days
    notes = []
    if end < start:
        start, end = end, start
        notes.append("its end date was before its start date, so they were swapped")
    if start < first or end > last or start > last or end < first:
        start = min(max(start, first), last)
        end = min(max(end, first), last)
        notes.append(f"the layer's claims are dated {first} to {last}, so the window was "
                     f"narrowed to {start} – {end}")
    return (start, end), ("The link's dates: " + "; ".join(notes) + ".") if notes else None


def check_choices(get_all: Callable[[str], list[str]], known: dict[str, Iterable[str]],
                  ) -> list[str]:
    """Messages for the link's filter values that name nothing in the layer (``known``:
    parameter → its valid values) and for toggles that are neither true nor false."""
    messages = []
    for key, options in known.items():
        unknown = sorted(set(get_all(key)) - set(options))
        if unknown:
            messages.append(f"The link's {key} value(s) {', '.join(map(repr, unknown))} are "
                            "not in this layer (or not in range) and were ignored.")
    for key in TOGGLES:
        values = get_all(key)
        if values and values[-1].lower() not in ("true", "false"):
            messages.append(f"The link's {key}={values[-1]!r} is neither true nor false: off.")
    return messages
