"""The date slider's range: the layer's dates, clamped to what a Streamlit slider can show.

Why: Streamlit sends a date slider's bounds to the browser as microseconds since 1970 in a
JavaScript number, exact only up to 2**53 µs (about 285 years either side), and refuses
anything further with ``StreamlitJSNumberBoundsError``. A valid layer may hold any
``YYYY-MM-DD`` (one built before the reader's date window, or made by hand), and one claim
dated 9999-12-31 used to make the page a traceback for everyone. So the slider covers the
layer's dates cut to :data:`SLIDER_FIRST` .. :data:`SLIDER_LAST`; a slider end resting on a
cut bound stands for "and everything beyond", so no claim becomes unreachable, and
:func:`clamp_note` says so on the page. Pure (no Streamlit).
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

_SPAN = dt.timedelta(microseconds=2**53 - 1)
SLIDER_FIRST = (dt.datetime(1970, 1, 1) - _SPAN).date() + dt.timedelta(days=1)
"""The first day a Streamlit date slider can represent at any time of day (1684-08-…)."""
SLIDER_LAST = (dt.datetime(1970, 1, 1) + _SPAN).date() - dt.timedelta(days=1)
"""The last such day (2255-05-…)."""


class SliderRange(NamedTuple):
    """The bounds to give the slider and whether each one cuts claims off."""

    first: dt.date
    last: dt.date
    cut_before: bool
    cut_after: bool

    @property
    def sliding(self) -> bool:
        """Whether there is a range to slide over (a slider needs first < last)."""
        return self.first < self.last


def _clamp(day: dt.date) -> dt.date:
    return min(max(day, SLIDER_FIRST), SLIDER_LAST)


def slider_range(first: dt.date, last: dt.date) -> SliderRange:
    """The layer's first and last claim dates, clamped to what the slider can show."""
    low, high = _clamp(first), _clamp(last)
    return SliderRange(low, high, cut_before=first < low, cut_after=last > high)


def window_of(bounds: SliderRange, start: dt.date, end: dt.date
              ) -> tuple[dt.date | None, dt.date | None]:
    """The filter's date window for a slider value: an end on a cut bound is open-ended."""
    return (None if bounds.cut_before and start <= bounds.first else start,
            None if bounds.cut_after and end >= bounds.last else end)


def clamp_note(first: dt.date, last: dt.date, bounds: SliderRange) -> str | None:
    """What the page says when the slider cannot show every date of the layer."""
    if not (bounds.cut_before or bounds.cut_after):
        return None
    ends = [f"before {bounds.first.isoformat()}" if bounds.cut_before else "",
            f"after {bounds.last.isoformat()}" if bounds.cut_after else ""]
    return (f"This layer has claims dated {first.isoformat()} .. {last.isoformat()}, beyond "
            f"what the date slider can show; claims dated {' and '.join(e for e in ends if e)} "
            "are included while the slider's end is at its limit. Such dates are likely "
            "mistakes in the articles (a rebuild rejects them: docs/robustness.md).")
