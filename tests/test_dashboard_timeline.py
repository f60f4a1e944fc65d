"""dashboard.timeline: bins, the session's speaker colours, the brush."""

from __future__ import annotations

import datetime as dt

import pytest
from dashboard_support import SAMPLE

from dashboard.layerdata import Filters, filter_claims, load_layer
from dashboard.timeline import (OKABE_ITO, bin_unit, brushed_dates, speaker_scale,
                                timeline_frame, timeline_spec)

D = dt.date


@pytest.fixture(scope="module")
def sample():
    return load_layer(SAMPLE)


def test_bins_widen_with_the_window():
    assert bin_unit(D(2025, 1, 1), D(2025, 1, 31)) == "day"
    assert bin_unit(D(2025, 1, 1), D(2025, 6, 30)) == "week"
    assert bin_unit(D(2023, 1, 1), D(2025, 6, 30)) == "month"


def test_weekly_bins_start_on_monday_and_count_every_claim(sample):
    frame = timeline_frame(filter_claims(sample, Filters()), "week")
    assert set(frame["date"]) == {"2025-03-10"} and set(frame["end"]) == {"2025-03-17"}
    assert frame["claims"].sum() == 10
    monthly = timeline_frame(filter_claims(sample, Filters()), "month")
    assert set(monthly["date"]) == {"2025-03-01"} and set(monthly["end"]) == {"2025-04-01"}


def test_speaker_colours_come_from_the_whole_layer_not_the_view(sample):
    scale = speaker_scale(sample)
    spec = timeline_spec(scale, "day")
    narrowed = filter_claims(sample, Filters(speakers=frozenset({"Vladimir Putin"})))
    assert set(timeline_frame(narrowed)["speaker"]) == {"Vladimir Putin"}
    assert spec["encoding"]["color"]["scale"]["domain"] == list(scale.names)
    assert set(scale.colours) <= set(OKABE_ITO)
    assert speaker_scale(sample) is scale  # built once per layer


def test_brush_gives_the_days_it_covers():
    ms = lambda day: dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone.utc).timestamp() * 1000  # noqa: E731
    assert brushed_dates({"brush": {"date": [ms(D(2025, 3, 10)), ms(D(2025, 3, 17))]}}) == (
        D(2025, 3, 10), D(2025, 3, 16))
    assert brushed_dates({"brush": {}}) is None and brushed_dates(None) is None
