"""Carried sources (geo.claims.discourse): sentences with no attribution of their own that
the article gives to a speaker by layout or discourse — one test per class, in sentences
written for these tests (other names, places and outlets than the corpora have)."""

from __future__ import annotations

from pathlib import Path

import pytest

from geo.claims import extract_claims
from geo.text import parse_article


def _speakers(body: str, source: str = "Example Courier") -> list[tuple[str | None, str]]:
    """(speaker, first words) of every claim of an article with ``body``."""
    text = f"date 2024-06-01\ntitle: test\nsource: {source}\n\n{body}\n"
    doc = parse_article(text, Path("test.txt"))
    return [(c.speaker, c.text[:40]) for c in extract_claims(doc)]


def _speaker_of(claims: list[tuple[str | None, str]], words: str) -> set[str | None]:
    found = {speaker for speaker, text in claims if text.startswith(words)}
    assert found, f"no claim starts with {words!r}: {claims}"
    return found


def test_label_layout_gives_every_line_to_the_source() -> None:
    claims = _speakers(
        "Russian artillery struck the Kupiansk district twice on Tuesday.\n\n"
        "Source: Oleh Syniehubov, head of Kharkiv Oblast Military Administration, on Telegram\n\n"
        "Details: Two houses caught fire. A power line was cut.\n\n"
        "Quote: \"Emergency crews are on site. Nobody was hurt.\"\n\n"
        "Background:\n\nEarlier, the town had been evacuated.")
    for words in ("Russian artillery", "Two houses", "A power line", "\"Emergency crews", "Nobody was hurt"):
        assert _speaker_of(claims, words) == {"Oleh Syniehubov"}
    assert _speaker_of(claims, "Source:") == {None}  # the source line itself is no claim
    assert _speaker_of(claims, "Earlier, the town") == {None}  # background is the outlet's


def test_label_text_is_not_part_of_the_claim() -> None:
    claims = _speakers("Source: Ivan Fedorov on Telegram\n\nDetails: Drones hit a warehouse in Vasylivka.")
    assert ("Ivan Fedorov", "Drones hit a warehouse in Vasylivka.") in claims


def test_quote_from_label_names_the_speaker_of_its_line() -> None:
    claims = _speakers("Source: the Air Force\n\nQuote from Ihnat: \"Eleven missiles were shot down.\"")
    assert _speaker_of(claims, "\"Eleven missiles") == {"Ihnat"}


@pytest.mark.parametrize("backref", [
    "This was announced by Vadym Filashkin, head of the Donetsk Oblast Military Administration.",
    "This is stated by Vadym Filashkin, head of the Donetsk Oblast Military Administration.",
    "Vadym Filashkin, head of the Donetsk Oblast Military Administration, reported this.",
])
def test_lead_whose_attribution_follows(backref: str) -> None:
    claims = _speakers(f"A glide bomb hit a school in Kostiantynivka. Two teachers were injured. {backref}")
    assert _speaker_of(claims, "A glide bomb") == {"Vadym Filashkin"}
    assert _speaker_of(claims, "Two teachers") == {"Vadym Filashkin"}


def test_outlet_that_relays_gives_the_cited_source() -> None:
    claims = _speakers("The Eastern Group keeps pressing near Lyman. Over the day, 60 occupiers were killed.\n\n"
                       "Example Courier reports this, citing the Khortytsia operational group.",
                       source="Example Courier")
    assert _speaker_of(claims, "The Eastern Group") == {"Khortytsia operational group"}
    assert _speaker_of(claims, "Example Courier") == {"Khortytsia operational group"}


def test_reported_speech_runs_on_in_the_lead_until_a_heading() -> None:
    claims = _speakers(
        "Shelling killed a man in Nikopol, Serhiy Lysak wrote on Telegram. Four houses were damaged.\n\n"
        "A gas pipe was also hit in Marhanets.\n\n"
        "Context of the attacks\n\n"
        "Nikopol lies across the reservoir from the occupied nuclear plant.")
    assert _speaker_of(claims, "Four houses") == {"Serhiy Lysak"}
    assert _speaker_of(claims, "A gas pipe") == {"Serhiy Lysak"}
    assert _speaker_of(claims, "Nikopol lies") == {None}


@pytest.mark.parametrize("closer", [
    "Earlier, the city had been struck twice in one week.",
    "As a reminder, the region has been shelled daily since spring.",
    "Kyiv has not confirmed the figure.",
    "The claim could not be independently verified.",
])
def test_narration_ends_a_carried_source(closer: str) -> None:
    claims = _speakers(f"Russian forces lost 40 men near Toretsk, the Khortytsia group said. {closer}")
    assert _speaker_of(claims, closer[:12]) == {None}


def test_wire_copy_carries_no_lead_over_paragraphs() -> None:
    claims = _speakers("ODESA, Ukraine (AP) — Drones hit the port overnight, Governor Oleh Kiper said.\n\n"
                       "The port handles most of the country's grain exports.", source="AP")
    assert _speaker_of(claims, "The port handles") == {None}


def test_every_sentence_of_a_quotation_is_its_speakers() -> None:
    claims = _speakers("\"We held the line. The enemy lost three tanks,\" said Col. Petro Honchar.")
    assert _speaker_of(claims, "\"We held the line.") == {"Petro Honchar"}
    assert _speaker_of(claims, "The enemy lost") == {"Petro Honchar"}


def test_a_quote_paragraph_after_its_speaker() -> None:
    claims = _speakers("Maryna Kovtun said the shelter was full every night.\n\n"
                       "\"Children sleep on the floor. We need blankets.\"")
    assert _speaker_of(claims, "\"Children sleep") == {"Maryna Kovtun"}


def test_colon_lead_gives_its_speaker_to_what_follows() -> None:
    claims = _speakers("The Navy published its morning summary. It says:\n\n"
                       "Two landing ships remain in Novorossiysk.\n\nNo missile carriers are at sea.")
    assert _speaker_of(claims, "Two landing") == {"Navy"}
    assert _speaker_of(claims, "No missile") == {"Navy"}


def test_interview_answers_run_on_until_the_next_question() -> None:
    claims = _speakers("Reporter (R): Were you ready for the attack?\n\n"
                       "Col. Andrii Lysenko (L): We were. The brigade had dug in for weeks.\n\n"
                       "I told my men to hold the bridge. They held it.\n\n"
                       "Reporter (R): And the losses?")
    assert _speaker_of(claims, "I told my men") == {"Andrii Lysenko"}
    assert _speaker_of(claims, "They held it.") == {"Andrii Lysenko"}
    assert _speaker_of(claims, "Reporter (R): And") == {None}


def test_dated_entries_are_no_transcript() -> None:
    claims = _speakers("August 22: Drones hit a depot in Sumy, Governor Ivan Fedorov said.\n\n"
                       "August 23: Shelling went on near Bilopillia, the Air Force said.")
    assert _speaker_of(claims, "August 22") == {"Ivan Fedorov"}
    assert _speaker_of(claims, "August 23") == {"Ukrainian Air Force"}
