"""Event time (geo.analysis.eventtime): time expressions resolved against the article's date."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import ROOT
from geo.analysis import event_time
from geo.claims import extract_claims
from geo.text import read_article

D = dt.date


def _claim_time(seed: str, words: str):
    doc = read_article(ROOT / "seeds" / seed)
    claim = next(c for c in extract_claims(doc) if words in c.text)
    return event_time(claim.text, doc.date)


def test_the_past_five_days_of_the_13_march_report():
    when = _claim_time("000_d599976d65cc3f1e.txt", "in the past five days")
    assert (when.start, when.end, when.precision) == (D(2025, 3, 8), D(2025, 3, 13), "week")


def test_the_last_five_days_of_the_12_march_report():
    when = _claim_time("002_3f0cff5302c0621a.txt", "over the last five days")
    assert (when.start, when.end, when.precision) == (D(2025, 3, 7), D(2025, 3, 12), "week")
    assert when.text == "last five days"


@pytest.mark.parametrize("text, start, end, precision", [
    ("Strikes hit the city yesterday.", D(2025, 3, 12), D(2025, 3, 12), "day"),
    ("Drones attacked overnight.", D(2025, 3, 12), D(2025, 3, 13), "day"),
    ("The army said on Thursday that", D(2025, 3, 13), D(2025, 3, 13), "day"),
    ("Putin on Wednesday expressed confidence", D(2025, 3, 12), D(2025, 3, 12), "day"),
    ("as happened late last month", D(2025, 2, 21), D(2025, 2, 28), "month"),
    ("in the fighting since August", D(2024, 8, 1), D(2025, 3, 13), "month"),
    ("last week's assault", D(2025, 3, 3), D(2025, 3, 9), "week"),
    ("the strike of March 10", D(2025, 3, 10), D(2025, 3, 10), "day"),
    ("since the attack on 24 February", D(2025, 2, 24), D(2025, 2, 24), "day"),
    ("in the last 24 hours", D(2025, 3, 12), D(2025, 3, 13), "day"),
    ("earlier this month", D(2025, 3, 1), D(2025, 3, 13), "month"),
    ("the talks in February", D(2025, 2, 1), D(2025, 2, 28), "month"),
])
def test_expressions(text, start, end, precision):
    when = event_time(text, D(2025, 3, 13))
    assert (when.start, when.end, when.precision) == (start, end, precision)


def test_a_month_long_ago_is_background_not_the_event():
    assert event_time("since Ukraine launched its offensive in August, Putin praised",
                      D(2025, 3, 12)) is None
    assert event_time("The governor said the city was calm.", D(2025, 3, 12)) is None


def test_an_interval_never_ends_after_the_article():
    when = event_time("this week", D(2025, 3, 12))  # a Wednesday: the week is cut there
    assert (when.start, when.end) == (D(2025, 3, 10), D(2025, 3, 12))
