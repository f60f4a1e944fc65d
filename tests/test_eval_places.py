"""The toponym evaluation: our scores on the hand-read gold, and the scorer itself."""

from __future__ import annotations

import json

import pytest

from tests.eval_places import GOLD, default_articles, evaluate_places, load_gold, score


@pytest.fixture(scope="module")
def results(gazetteer):
    return evaluate_places(default_articles(), GOLD, gazetteer)


@pytest.mark.parametrize("metric", ["precision", "recall", "resolution_accuracy"])
def test_ours_meets_the_bar(results, metric):
    assert results["ours"][metric] >= 0.95, results["ours"]


def test_gold_covers_seeds_and_extra_articles(results):
    paths = {p.name for p in default_articles()}
    assert {"000_d599976d65cc3f1e.txt", "002_3f0cff5302c0621a.txt", "101_wire.txt",
            "102_telegram.txt", "103_indirect.txt", "104_qa.txt"} <= paths
    assert results["ours"]["gold"] == results["geotext"]["gold"] >= 90


def test_peer_is_scored_on_the_same_gold(results):
    peer = results["geotext"]
    assert 0 < peer["predicted"] and 0 < peer["recall"] < 1
    assert set(peer) == set(results["ours"])


@pytest.mark.parametrize(("gold", "predicted", "expected"), [
    ([(0, 5, "a")], [(0, 5, "a")], (1, 1, 1, 1)),
    ([(0, 5, "a")], [(3, 9, "b")], (1, 1, 1, 0)),          # overlap matches, wrong id
    ([(0, 5, "a"), (10, 12, "b")], [(20, 22, "c")], (0, 1, 2, 0)),
    ([(0, 5, "a")], [(0, 2, "a"), (2, 5, "a")], (1, 2, 1, 1)),  # one gold, matched once
    ([(0, 5, "a")], [(0, 5, None)], (1, 1, 1, 0)),          # unresolved prediction is wrong
])
def test_score_counts(gold, predicted, expected):
    assert score(gold, predicted) == expected


def test_gold_surface_must_match_the_text(tmp_path):
    data = json.loads(GOLD.read_text(encoding="utf-8"))
    data["articles"][0]["mentions"][0]["surface"] = "Somewhere else"
    broken = tmp_path / "places.json"
    broken.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ValueError, match="gold span"):
        load_gold(broken)


def test_every_gold_span_matches_its_surface():
    gold = load_gold(GOLD)
    assert sum(len(v) for v in gold.values()) == 140
