"""Speakers of international reporting (geo.claims): the name forms and titles of politics
outside Russia and Ukraine — one test per class, in sentences written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from geo.claims import extract_claims
from geo.claims.persons import confirmed_names, given_syllables, person_names
from geo.text import parse_article


def _claims(body: str) -> list[tuple[str | None, str | None, str]]:
    """(speaker, title, first words) of every claim of an article with ``body``."""
    doc = parse_article(f"date 2024-03-02\ntitle: test\nsource: Example Courier\n\n{body}\n", Path("t.txt"))
    return [(c.speaker, c.speaker_title, c.text[:30]) for c in extract_claims(doc)]


def _speaker(claims, words: str) -> set[str | None]:
    found = {speaker for speaker, _, text in claims if text.startswith(words)}
    assert found, f"no claim starts with {words!r}: {claims}"
    return found


@pytest.mark.parametrize("word, syllables", [
    ("Ching-te", True), ("Jae-myung", True), ("Yu-ih", True),
    ("Pro-war", False), ("Kyiv-based", False), ("Hamas-run", False), ("Soviet-style", False)])
def test_hyphenated_given_names_are_told_from_compounds(word: str, syllables: bool) -> None:
    assert given_syllables(word) is syllables


def test_a_family_name_first_links_to_the_full_name() -> None:
    # East Asian order: "Hwang" alone is the family name of "Hwang Min-seo", not a new person
    body = "Hwang Min-seo won the mayoral race in Busan. Hwang told supporters the port would grow."
    assert confirmed_names(body) == ["Hwang Min-seo"]
    assert _speaker(_claims(body), "Hwang told") == {"Hwang Min-seo"}


def test_a_person_of_a_body_is_the_person() -> None:
    claims = _claims("Wang Jun-hao of the People First Party said the vote was fair. "
                     "Ingrid Solberg of the Nordic Council said talks would resume. "
                     "The Ministry of Finance said the budget was balanced.")
    assert _speaker(claims, "Wang Jun-hao") == {"Wang Jun-hao"}
    assert _speaker(claims, "Ingrid Solberg") == {"Ingrid Solberg"}
    assert {t for s, t, _ in claims if s == "Ingrid Solberg"} == {"Nordic Council"}
    assert _speaker(claims, "The Ministry of Finance") == {"Ministry of Finance"}


@pytest.mark.parametrize("title", ["Manitoba Premier", "Austrian Chancellor", "Professor", "Judge"])
def test_a_capitalised_title_before_a_name_is_no_part_of_it(title: str) -> None:
    claims = _claims(f"{title} Helen Ruiz said the decision was final.")
    assert claims[0][:2] == ("Helen Ruiz", title)


def test_according_to_what_a_body_released_is_the_body() -> None:
    claims = _claims("Turnout was 68%, according to preliminary results released by the National "
                     "Electoral Board on Sunday.")
    assert claims[0][0] == "National Electoral Board"


def test_names_in_any_latin_script_are_confirmed_by_the_surname() -> None:
    body = ("Opposition leader Tomáš Šimečka won the most seats. Šimečka told supporters the "
            "country had chosen Europe.")
    assert confirmed_names(body) == ["Tomáš Šimečka"]
    assert _speaker(_claims(body), "Šimečka told") == {"Tomáš Šimečka"}


def test_a_bare_first_name_does_not_block_the_full_name() -> None:
    # "Pavel" is also a first name: speaking alone first, it must still link to "Petr Pavel"
    claims = _claims("Pavel said he would not appoint the ministers. President Petr Pavel met the "
                     "leaders on Monday. Pavel said talks would go on.")
    assert _speaker(claims, "Pavel said talks") == {"Petr Pavel"}


def test_a_possessive_ends_the_name() -> None:
    assert person_names("Viktor Orbán's Fidesz party won the vote.") == ["Viktor Orbán"]


def test_a_place_that_speaks_is_its_authorities(gazetteer) -> None:
    from geo.pipeline import process_document

    doc = parse_article("date 2024-06-03\ntitle: t\nsource: Example Courier\n\nFloods hit Saxony and "
                        "Dresden. Saxony said it would pay for the repairs. Dresden said schools were "
                        "closed. Taiwan said it would send rescuers.\n", Path("t.txt"))
    speakers = [c.speaker for c in process_document(doc, gazetteer).claims if c.speaker]
    assert speakers == ["Saxony regional government", "Dresden city authorities", "Taiwanese government"]
