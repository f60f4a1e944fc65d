"""Comparisons and corroboration (geo.analysis.compare) on the seed layer and on made-up
claims: the done-when of issue 18."""

from __future__ import annotations

import datetime as dt

import pytest

from geo.analysis.compare import Item, compare, interval
from geo.analysis.figures import find_figures

SEED_13, SEED_12 = "000_d599976d65cc3f1e", "002_3f0cff5302c0621a"


@pytest.fixture(scope="module")
def analysis(seed_layer):
    return seed_layer["analysis"]


def _figures(analysis, claim_id):
    return [f["text"] for f in next(c for c in analysis["claims"]
                                    if c["claim_id"] == claim_id)["figures"]]


def _with(analysis, text):
    return [c for c in analysis["comparisons"]
            if any(text in f for entry in c["claims"] for f in entry["figures"])]


def test_the_1000_and_1100_km2_of_gerasimov_are_one_comparison(analysis):
    (found,) = _with(analysis, "1,100 square kilometers")
    assert found["kind"] == "same-speaker" and not found["disputed"]  # "over" 1,000 ~ "about" 1,100
    assert {e["speaker"] for e in found["claims"]} == {"Valery Gerasimov"}
    assert [e["article_id"] for e in found["claims"]] == [SEED_13, SEED_12]
    assert [e["figures"] for e in found["claims"]] == [
        ["over 1,000 square kilometers (386 square miles)"],
        ["about 1,100 square kilometers (425 square miles)"]]
    assert found["place_ids"] == ["iso:RU-KRS"]


def test_430_captured_ukrainians_and_942_russian_prisoners_are_not_compared(analysis):
    assert _with(analysis, "430 Ukrainian soldiers") == []
    assert _with(analysis, "942 Russians") == []


def test_gerasimovs_24_settlements_is_one_claim_corroborated_by_two_reports(analysis):
    (found,) = _with(analysis, "24 settlements")
    assert found["kind"] == "corroboration" and not found["disputed"]
    assert sorted(e["article_id"] for e in found["claims"]) == [SEED_13, SEED_12]
    later, earlier = (c for c in analysis["claims"] if "24 settlements" in _figures(analysis, c["claim_id"]))
    assert later["corroborated_by"] == [earlier["claim_id"]]
    assert earlier["corroborated_by"] == [later["claim_id"]]


def _item(claim_id, article, speaker, text, day=12, regions=("RU-KRS",)):
    date = dt.date(2025, 3, day)
    return Item(claim_id, article, speaker, text, 0, (date, date), frozenset(regions),
                frozenset({"RU"}), False, frozenset((f"iso:{r}", r) for r in regions),
                tuple(find_figures(text)))


def test_opposing_figures_beyond_their_qualifiers_are_disputed():
    found = compare([
        _item("a:1", "a", "Russian Defence Ministry", "Russian troops killed 300 Ukrainian soldiers."),
        _item("b:1", "b", "Ukrainian General Staff", "Russia says it killed 30 Ukrainian soldiers."),
    ])
    (comparison,) = found
    assert comparison.kind == "opposing" and comparison.disputed


def test_figures_within_their_qualifiers_are_compared_but_not_disputed():
    (comparison,) = compare([
        _item("a:1", "a", "Kremlin", "Forces took over 1,000 square kilometres."),
        _item("b:1", "b", "Kyiv", "Forces took about 1,050 square kilometres."),
    ])
    assert comparison.kind == "opposing" and not comparison.disputed


def test_other_places_or_periods_are_not_compared():
    a = _item("a:1", "a", "Kremlin", "Forces took 10 villages.")
    assert compare([a, _item("b:1", "b", "Kyiv", "Forces took 20 villages.", regions=("UA-63",))]) == ()
    assert compare([a, _item("b:1", "b", "Kyiv", "Forces took 20 villages.", day=20)]) == ()


def test_a_denial_is_grouped_with_what_it_denies_and_disputed():
    (comparison,) = compare([
        _item("a:1", "a", "Serhiy Sternenko", "Russian soldiers executed captured Ukrainian servicemen in Kazachya Loknya."),
        _item("b:1", "b", "Dmitry Peskov", "Peskov dismissed reports that Russian soldiers executed Ukrainian servicemen."),
    ])
    assert comparison.kind == "denial" and comparison.disputed
    assert comparison.reason == "denied by Dmitry Peskov"


def test_near_identical_text_of_one_speaker_in_two_reports_is_a_corroboration():
    text = "The enemy is regrouping its forces near the border and preparing new assaults."
    (comparison,) = compare([_item("a:1", "a", "Oleksandr Syrsky", text),
                             _item("b:1", "b", "Oleksandr Syrsky", text.replace("new", "fresh"))])
    assert comparison.kind == "corroboration" and comparison.reason.endswith("near-identical text in 2 reports")


@pytest.mark.parametrize("text, low, high", [
    ("over 1,000 km", 1000, float("inf")), ("up to 6 people", 0, 6), ("about 100 shells", 90, 110),
    ("nearly 200 drones", 180, 200), ("12 drones", 12, 12),
])
def test_qualifier_intervals(text, low, high):
    assert interval(find_figures(text)[0]) == pytest.approx((low, high))
