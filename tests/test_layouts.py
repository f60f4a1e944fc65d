"""Tests for geo.claims.layouts: labelled turns of an interview or briefing transcript."""

from __future__ import annotations

from pathlib import Path

import pytest

from geo.claims.layouts import find_turns, headings, is_lead, turn_at
from geo.text import read_article

QA = Path(__file__).parent / "fixtures" / "articles" / "104_qa.txt"


def test_briefing_turns_and_who_answers() -> None:
    doc = read_article(QA)
    turns = find_turns(doc.text, doc.body_start)
    assert [t.label for t in turns] == ["Reporter", "Peskov", "Reporter", "Peskov",
                                        "Q", "A", "Q", "A"]
    assert [t.answerer for t in turns] == [None, "Peskov", None, "Peskov",
                                           None, "Peskov", None, "Peskov"]
    assert doc.text[turns[5].text_start:].startswith("We are waiting for the American side")


def test_narrative_after_the_last_turn_is_not_part_of_it() -> None:
    doc = read_article(QA)
    turns = find_turns(doc.text, doc.body_start)
    closing = doc.text.index("After the call, Ukrainian foreign ministry spokesman")
    assert turn_at(turns, closing) is None
    assert turn_at(turns, doc.text.index("The details are a matter")) is turns[-1]


def test_one_label_is_not_a_transcript() -> None:
    text = "Update: Gladkov said drones hit Shebekino.\n\nThe governor said two men were hurt."
    assert find_turns(text, 0) == []


BULLETIN = Path(__file__).parent / "fixtures" / "articles" / "105_bulletin.txt"


def test_headings_are_short_unpunctuated_lines() -> None:
    doc = read_article(BULLETIN)
    found = [doc.text[a:b] for a, b in headings(doc.text, doc.body_start)]
    assert found == ["Regional authorities"]
    qa = read_article(QA)
    assert headings(qa.text, qa.body_start) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [("The Russian Defence Ministry reports:", True),
     ("Later he wrote: \"Air defence is working over Belgorod, please stay in shelters.\"", False),
     ("The General Staff of Ukraine's armed forces informs that 16 combat clashes took place.", False)],
)
def test_a_lead_only_introduces_what_follows(sentence: str, expected: bool) -> None:
    assert is_lead(sentence) is expected
