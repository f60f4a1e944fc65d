"""Tests for geo.transcripts: labelled turns of an interview or briefing transcript."""

from __future__ import annotations

from pathlib import Path

from geo.documents import read_article
from geo.transcripts import find_turns, turn_at

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
