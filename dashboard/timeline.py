"""The claims-over-time chart: adaptive bins, one colour per speaker for the session, a brush.

* Bins adapt to the window (:func:`bin_unit`): days up to :data:`DAY_BINS_UP_TO` days, weeks
  (from Monday) up to :data:`WEEK_BINS_UP_TO`, then months, so a 181-day range has 26 bars
  a few pixels wide each, not 181 hairlines.
* Colours come from :func:`speaker_scale`, built once per layer from the whole layer (its
  :data:`TOP` busiest speakers, the rest as ``(other speakers)``), so a speaker keeps its
  colour whatever the filters; the palette is Okabe–Ito's (distinct for colour-blind
  readers), the merged speakers grey. The legend sits right of the plot, never cut off.
* The spec carries an interval selection on x (``brush``): dragging over the chart picks a
  date range (:func:`brushed_dates` reads it back), which the page gives the date slider.

Counted with numpy over the day and speaker codes: no per-claim Python. Pure: no Streamlit.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import NamedTuple

import numpy as np
import pandas as pd

from .layerdata import LayerData, View

OTHER_SPEAKERS = "(other speakers)"
TOP = 8
OKABE_ITO = ("#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7",
             "#000000")
"""Okabe & Ito's colour-blind-safe qualitative palette (8 colours)."""
OTHER_COLOUR = "#999999"
DAY_BINS_UP_TO = 62
WEEK_BINS_UP_TO = 400
BRUSH = "brush"


class SpeakerScale(NamedTuple):
    """Speaker label → colour for the session: ``names`` in legend order, ``colours`` alike."""

    names: tuple[str, ...]
    colours: tuple[str, ...]
    code_of: np.ndarray
    """Layer speaker code → index in ``names``."""


@lru_cache(maxsize=4)
def speaker_scale(data: LayerData, top: int = TOP) -> SpeakerScale:
    """The layer's ``top`` busiest speakers (by distinct claims; ties to the first name), in
    name order, then ``(other speakers)`` if any speaker is left out."""
    _, first = np.unique(data.uid, return_index=True)
    counts = np.bincount(data.speaker[first], minlength=len(data.speakers))
    busiest = sorted(data.speakers[int(c)] for c in np.argsort(-counts, kind="stable")[:top]
                     if counts[c])
    others = np.count_nonzero(counts) > len(busiest)
    names = tuple(busiest) + ((OTHER_SPEAKERS,) if others else ())
    code_of = np.full(len(data.speakers), len(busiest), dtype=np.int64)
    for index, name in enumerate(busiest):
        code_of[data.speakers.index(name)] = index
    colours = OKABE_ITO[:len(busiest)] + ((OTHER_COLOUR,) if others else ())
    return SpeakerScale(names, colours, code_of)


def bin_unit(start: dt.date | None, end: dt.date | None) -> str:
    """``day``, ``week`` or ``month``: the widest bins that still show the window's shape."""
    days = (end - start).days + 1 if start and end else 1
    return "day" if days <= DAY_BINS_UP_TO else "week" if days <= WEEK_BINS_UP_TO else "month"


def _bin_starts(days: np.ndarray, unit: str) -> np.ndarray:
    """Ordinal of the first day of each ordinal's bin."""
    if unit == "day":
        return days
    if unit == "week":
        return days - (days - 1) % 7  # ordinal 1 (0001-01-01) is a Monday
    unique = np.unique(days)
    firsts = {int(d): dt.date.fromordinal(int(d)).replace(day=1).toordinal() for d in unique}
    return np.fromiter((firsts[int(d)] for d in days), dtype=np.int64, count=len(days))


def _bin_end(start: dt.date, unit: str) -> dt.date:
    """The next bin's first day (the last representable day for a bin at 9999-12)."""
    try:
        if unit == "day":
            return start + dt.timedelta(days=1)
        if unit == "week":
            return start + dt.timedelta(days=7)
        return (start.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    except OverflowError:
        return dt.date.max


def timeline_frame(view: View, unit: str = "day", scale: SpeakerScale | None = None,
                   ) -> pd.DataFrame:
    """Distinct claims per (bin, speaker): ``date`` (the bin's first day, ISO), ``end`` (the
    next bin's first day), ``speaker`` (a name of ``scale``), ``claims``."""
    data = view.data
    scale = scale or speaker_scale(data)
    rows = view.claim_rows
    width = max(len(scale.names), 1)
    keys, tally = np.unique(_bin_starts(data.day[rows], unit) * width
                            + scale.code_of[data.speaker[rows]], return_counts=True)
    starts, codes = np.divmod(keys, width)
    dates = [dt.date.fromordinal(int(d)) for d in starts]
    return pd.DataFrame({
        "date": pd.Series([d.isoformat() for d in dates], dtype=str),
        "end": pd.Series([_bin_end(d, unit).isoformat() for d in dates], dtype=str),
        "speaker": pd.Series([scale.names[int(c)] for c in codes], dtype=str),
        "claims": pd.Series(tally, dtype=int),
    })


def timeline_spec(scale: SpeakerScale, unit: str) -> dict:
    """Vega-Lite spec for :func:`timeline_frame`'s data (given directly: building it through
    Altair validated it on every rerun, ~25 ms on the 100k-claim layer). SVG, so the bars and
    legend are in the page (and readable by assistive technology and tests)."""
    return {
        "usermeta": {"embedOptions": {"renderer": "svg"}},
        "description": f"Claims per {unit} and speaker; drag over the chart to pick dates.",
        "mark": {"type": "bar", "tooltip": True},
        "height": 220,
        "params": [{"name": BRUSH, "select": {"type": "interval", "encodings": ["x"]}}],
        "encoding": {
            "x": {"field": "date", "type": "temporal", "title": f"{unit} (drag to pick dates)",
                  "axis": {"grid": False, "labelAngle": 0, "format": "%Y-%m-%d",
                           "labelOverlap": True}},
            "x2": {"field": "end"},
            "y": {"aggregate": "sum", "field": "claims", "type": "quantitative",
                  "title": f"claims per {unit}", "axis": {"grid": True, "tickMinStep": 1}},
            "color": {"field": "speaker", "type": "nominal",
                      "scale": {"domain": list(scale.names), "range": list(scale.colours)},
                      "legend": {"orient": "right", "title": "speaker", "labelLimit": 220}},
        },
    }


def brushed_dates(selection: dict | None) -> tuple[dt.date, dt.date] | None:
    """The (first, last) day of a brushed interval, from Streamlit's chart selection state
    (``{"brush": {"date": [ms, ms]}}``, UTC milliseconds); ``None`` when nothing is brushed.

    The interval's end is exclusive (a bar spans its bin up to the next bin's first day), so
    brushing exactly over one bar picks that bin's days."""
    interval = (selection or {}).get(BRUSH) or {}
    values = next((v for v in interval.values() if isinstance(v, list) and len(v) == 2), None)
    if not values:
        return None
    low, high = sorted(float(v) for v in values)
    day = lambda ms: dt.datetime.fromtimestamp(ms / 1000, dt.timezone.utc).date()  # noqa: E731
    return day(low), max(day(low), day(high - 1))
