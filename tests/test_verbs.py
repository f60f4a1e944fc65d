"""Tests for geo.claims.verbs: the forms of the reporting verbs and the pattern that finds them."""

from __future__ import annotations

import pytest

from geo.claims import REPORTING_VERBS, VERB_PATTERN


@pytest.mark.parametrize(
    "form",
    ["said", "says", "informs", "reports", "assessed", "put it", "saying", "calls", "argued",
     "warned", "insisted", "noted", "estimated", "acknowledged", "denied", "denies", "confirmed",
     "alleged", "admitted", "wrote", "writes", "told"],
)
def test_forms_used_in_news_copy_are_verbs(form: str) -> None:
    assert form in REPORTING_VERBS


@pytest.mark.parametrize("noun", ["report", "claim", "states", "estimates", "note", "order"])
def test_forms_that_are_mostly_nouns_are_left_out(noun: str) -> None:
    assert noun not in REPORTING_VERBS


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("The General Staff of Ukraine's armed forces informs that 16 combat clashes took place.",
         ["informs"]),
        ("As she put it, \"quiet on the border has never lasted more than a season.\"", ["put it"]),
        ("Lukin acknowledged, however, that Ukrainian drones still reached Rylsk.", ["acknowledged"]),
        ("The institute noted that the figure had barely changed since the summer.", ["noted"]),
        ("Rybar, a pro-war Russian military blogger, said in a Telegram post.", ["said"]),
        ("Residents of Sumy have grown used to air raid sirens.", []),
    ],
)
def test_the_pattern_finds_whole_words_only(sentence: str, found: list[str]) -> None:
    """"reports" is not found inside "reporters", nor "said" inside "saidst"."""
    assert [m.group(0) for m in VERB_PATTERN.finditer(sentence)] == found


def test_the_pattern_prefers_the_longest_form() -> None:
    assert [m.group(0) for m in VERB_PATTERN.finditer("saying says said")] == ["saying", "says", "said"]
    assert VERB_PATTERN.search("Andriy Kovalenko told reporters that").group(0) == "told"
