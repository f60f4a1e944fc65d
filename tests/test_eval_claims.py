"""Tests for tests/eval_claims.py: the gold file is consistent and the bar is met."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eval_claims import GOLD_PATH, evaluate_claims, format_report, load_gold, overlaps
from geo.text import read_article

HERE = Path(__file__).parent
ROOT = HERE.parent
SEEDS = ROOT / "seeds"
ARTICLES = HERE / "fixtures" / "articles"


@pytest.mark.parametrize("articles", [SEEDS, ARTICLES], ids=["seeds", "fixture-articles"])
def test_precision_and_recall_meet_the_bar(articles: Path) -> None:
    result = evaluate_claims([articles])
    assert result["gold"] > 0 and result["no_gold"] == []
    assert result["precision"] >= 0.95
    assert result["recall"] >= 0.95


def test_every_article_has_gold_and_gold_text_matches_its_span() -> None:
    data = json.loads(GOLD_PATH.read_text(encoding="utf-8"))
    ids = {path.stem for path in [*SEEDS.glob("*.txt"), *ARTICLES.glob("*.txt")]}
    assert {article["id"] for article in data["articles"]} == ids
    for article in data["articles"]:
        doc = read_article(ROOT / article["path"])
        assert doc.date.isoformat() == article["date"]
        for claim in article["claims"]:
            start, end = claim["span"]
            assert doc.text[start:end] == claim["text"]
            if claim["quote"]:
                assert claim["quote"].split(" … ")[0] in claim["text"]


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [((0, 10), (5, 20), True), ((0, 10), (6, 20), False), ((0, 100), (40, 50), True),
     ((0, 10), (10, 20), False)],
)
def test_overlap_is_half_of_the_shorter_span(a, b, expected) -> None:
    assert overlaps(a, b) is expected


def test_a_wrong_speaker_costs_precision_and_recall(tmp_path: Path) -> None:
    gold = load_gold()
    seed = SEEDS / "000_d599976d65cc3f1e.txt"
    claims = [dict(c, span=list(c["span"])) for c in gold["000_d599976d65cc3f1e"]]
    claims[0]["speaker"] = "Valery Gerasimov"
    path = tmp_path / "gold.json"
    path.write_text(json.dumps({"articles": [{"id": seed.stem, "path": "seeds/" + seed.name,
                                              "date": "2025-03-13", "claims": claims}]}))
    result = evaluate_claims([seed], path)
    assert result["true_positives"] == len(claims) - 1
    assert result["precision"] < 1 and result["recall"] < 1
    row = result["articles"][seed.stem]
    assert row["missing"][0]["speaker"] == "Valery Gerasimov"
    assert row["spurious"][0]["speaker"] == "Vladimir Putin"
    assert "spurious Vladimir Putin" in format_report(result)
