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
    return Item(claim_id, article, speaker, text, 0, (date, date), False, frozenset(regions),
                frozenset({"RU"}), False, frozenset((f"iso:{r}", r) for r in regions),
                frozenset(), tuple(find_figures(text)))


def test_opposing_figures_beyond_their_qualifiers_are_disputed():
    found = compare([
        _item("a:1", "a", "Russian Defence Ministry", "Russian troops killed 300 Ukrainian soldiers."),
        _item("b:1", "b", "Ukrainian General Staff", "Russia says it killed 30 Ukrainian soldiers."),
    ])
    (comparison,) = found
    assert comparison.kind == "different-speakers" and comparison.disputed


def test_figures_within_their_qualifiers_are_compared_but_not_disputed():
    (comparison,) = compare([
        _item("a:1", "a", "Kremlin", "Forces took over 1,000 square kilometres."),
        _item("b:1", "b", "Kyiv", "Forces took about 1,050 square kilometres."),
    ])
    assert comparison.kind == "different-speakers" and not comparison.disputed


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


def _dated(claim_id, article, speaker, text, start, end, fine=()):
    item = _item(claim_id, article, speaker, text)
    return Item(item.claim_id, item.article_id, item.speaker, item.text, 0,
                (dt.date(2025, 3, start), dt.date(2025, 3, end)), True, item.regions,
                item.countries, False, item.places, frozenset(fine), item.figures)


def test_a_days_toll_is_not_compared_with_a_months():
    month = _dated("a:1", "a", "United Nations", "Attacks killed at least 91 civilians.", 1, 31)
    day = _dated("b:1", "b", "Doctors Network", "A missile killed 16 civilians.", 30, 30)
    assert compare([month, day]) == ()


def test_claims_naming_different_villages_of_one_region_are_not_compared():
    a = _dated("a:1", "a", "Border Guard", "46 explosions were recorded.", 6, 7, fine=("v:1",))
    b = _dated("b:1", "b", "Chaus", "43 explosions were recorded.", 6, 7, fine=("v:2",))
    assert compare([a, b]) == ()
    c = _dated("c:1", "c", "Chaus", "43 explosions were recorded.", 6, 7, fine=("v:1",))
    assert compare([a, c])[0].disputed


def test_a_part_of_a_figure_is_not_compared():
    a = _item("a:1", "a", "Health ministry", "Strikes killed at least 38 people.")
    b = _item("b:1", "b", "Civil defence", "Strikes killed 40 people, nine of them children.")
    (comparison,) = compare([a, b])
    assert not comparison.disputed and comparison.claims[1][1] == ("40 people",)


def test_one_speakers_figures_in_one_report_are_never_a_dispute():
    a = _item("a:1", "a", "Border Guard", "46 explosions were recorded.")
    b = _item("a:2", "a", "Border Guard", "3 explosions were recorded.")
    assert compare([a, b]) == ()


def test_only_pairs_in_one_block_and_within_reach_are_looked_at():
    from geo.analysis.groups import near_pairs

    items = [_item(f"a:{d}", f"a{d}", "X", "Forces took 10 villages.", day=d) for d in (1, 2, 9)]
    items.append(_item("b:1", "b", "X", "Forces took 10 villages.", day=2, regions=("UA-63",)))
    entries = [(item, None) for item in items]
    pairs = {(a.claim_id, b.claim_id)
             for (a, _), (b, _) in near_pairs(entries, lambda item: item.regions, 1)}
    assert pairs == {("a:1", "a:2")}
