"""dashboard.exports: the table, the timeline, and the downloads of what is in view."""

from __future__ import annotations

import datetime as dt
import io

import pandas as pd
import pytest
from dashboard_support import HOSTILE, PAYLOAD, SAMPLE

from dashboard.exports import claims_csv, claims_frame, filtered_layer
from dashboard.timeline import OTHER_SPEAKERS, speaker_scale, timeline_frame
from dashboard.layerdata import REPORTER_LABEL, Filters, filter_claims, load_layer
from geo.layer import validate_layer

D12, D13 = dt.date(2025, 3, 12), dt.date(2025, 3, 13)


@pytest.fixture(scope="module")
def sample():
    return load_layer(SAMPLE)


@pytest.mark.parametrize("filters", [
    Filters(), Filters(end=D12), Filters(start=D13), Filters(hide_reporter=True),
    Filters(speakers=frozenset({"Serhiy Sternenko"})), Filters(start=dt.date(2030, 1, 1)),
])
def test_filtered_layer_is_a_valid_layer_of_the_view(sample, filters):
    view = filter_claims(sample, filters)
    layer = filtered_layer(view)
    validate_layer(layer, "filtered")
    assert [f["properties"]["name"] for f in layer["features"]] == [
        p.place.name for p in view.places]
    assert sum(a["claims"] for a in layer["articles"]) == view.claim_count


def test_unfiltered_layer_round_trips_the_fixture(sample):
    import json

    original = json.loads(SAMPLE.read_text("utf-8"))
    assert filtered_layer(filter_claims(sample, Filters())) == original


def test_table_has_one_row_per_claim_with_its_places(sample):
    frame = claims_frame(filter_claims(sample, Filters(start=D13)))
    assert len(frame) == 5
    assert list(frame["date"]) == ["2025-03-13"] * 5
    gerasimov = frame[frame["text"].str.startswith("Gerasimov reported")]
    assert list(gerasimov["places"]) == ["Kursk Oblast; Sumy Oblast"]
    assert REPORTER_LABEL in set(frame["speaker"])


def test_csv_keeps_hostile_text_verbatim():
    frame = pd.read_csv(io.StringIO(claims_csv(filter_claims(load_layer(HOSTILE), Filters()))))
    assert len(frame) == 2
    assert set(frame["speaker"]) == {f"Speaker {PAYLOAD}"}
    assert all("</script><script>alert(4)</script>" in t for t in frame["text"])


def test_timeline_counts_claims_per_day_and_speaker(sample):
    frame = timeline_frame(filter_claims(sample, Filters()))
    counts = {(r.date, r.speaker): r.claims for r in frame.itertuples()}
    assert counts == {
        ("2025-03-12", REPORTER_LABEL): 2, ("2025-03-12", "Valery Gerasimov"): 2,
        ("2025-03-12", "Vladimir Putin"): 1, ("2025-03-13", REPORTER_LABEL): 1,
        ("2025-03-13", "Serhiy Sternenko"): 1, ("2025-03-13", "Valery Gerasimov"): 2,
        ("2025-03-13", "Vladimir Putin"): 1,
    }


def test_timeline_merges_the_quiet_speakers(sample):
    frame = timeline_frame(filter_claims(sample, Filters()), scale=speaker_scale(sample, top=1))
    assert set(frame["speaker"]) == {"Valery Gerasimov", OTHER_SPEAKERS}  # 4 claims
    assert frame["claims"].sum() == 10


@pytest.mark.parametrize("limit", [1, 4, 10, 50])
def test_table_limit_keeps_the_newest_claims(sample, limit):
    view = filter_claims(sample, Filters())
    full = claims_frame(view)
    assert len(full) == view.claim_count == 10
    assert claims_frame(view, limit=limit).equals(full.head(limit))
    assert len(pd.read_csv(io.StringIO(claims_csv(view)))) == 10
