"""Who a subject phrase is (geo.claims: attribution, names, speakers, anaphora): one test
per class of the real-reporting failures, in sentences written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from geo.claims import extract_claims
from geo.text import parse_article


def _claims(body: str) -> list[tuple[str | None, str | None, str]]:
    text = f"date 2024-06-01\ntitle: test\nsource: Example Courier\n\n{body}\n"
    return [(c.speaker, c.verb, c.text) for c in extract_claims(parse_article(text, Path("t.txt")))]


def _speaker(body: str, words: str) -> str | None:
    found = [speaker for speaker, _, text in _claims(body) if text.startswith(words)]
    assert len(found) == 1, _claims(body)
    return found[0]


@pytest.mark.parametrize(("body", "words", "speaker"), [
    ("On Sunday, the Kherson Oblast Military Administration said a ferry was hit.", "On Sunday",
     "Kherson Oblast Military Administration"),
    ("Separately, local officials said two barns burned.", "Separately", None),
    ("Earlier, Governor Ivan Fedorov said the bridge was closed.", "Earlier", "Ivan Fedorov"),
    ("Krasnodar Krai reported no damage after the attack.", "Krasnodar", None),
    ("Local reports said a depot was burning.", "Local reports", None),
    ("Officials say the train line reopened.", "Officials", None),
    ("Nobody promised a quick victory, the envoy said.", "Nobody", None),
    ("Moscow claims the village is under its control.", "Moscow", "Kremlin"),
    ("Kyiv said the figures were inflated.", "Kyiv", "Ukrainian government"),
    ("Washington says the shipment left last week.", "Washington", "US government"),
    ("Kyiv time August 22 said the alert was over.", "Kyiv time", None),
])
def test_labels_days_adverbs_places_and_generic_subjects_are_nobody(body: str, words: str,
                                                                    speaker: str | None) -> None:
    assert _speaker(body, words) == speaker


@pytest.mark.parametrize("verb", ["recalled", "responded", "tweeted", "joked", "wrote", "posted",
                                  "warned", "insisted", "clarified", "doubts"])
def test_reporting_verbs(verb: str) -> None:
    assert _speaker(f"Mayor Oleksandr Senkevych {verb} that the tram depot was hit.", "Mayor") \
        == "Oleksandr Senkevych"


@pytest.mark.parametrize(("title", "name"), [("Rep.", "Adam Smith"), ("Sen.", "Jeanne Shaheen"),
                                             ("Gov.", "Kathy Hochul"), ("Mr.", "Tom Platt")])
def test_titles_are_not_part_of_the_name(title: str, name: str) -> None:
    assert _speaker(f"{title} {name} said the vote would pass.", title) == name


def test_adverbs_between_subject_and_verb() -> None:
    assert _speaker("The Moldovan Interior Ministry initially said nobody was hurt.", "The Moldovan") \
        == "Moldovan Interior Ministry"


def test_surname_alone_is_the_full_name_given_anywhere_in_the_article() -> None:
    body = ("Interior Minister Nancy Lindqvist toured the site on Monday.\n\n"
            "\"We will rebuild,\" Lindqvist said.")
    assert _speaker(body, "\"We will rebuild") == "Nancy Lindqvist"


def test_surname_alone_after_the_full_name_as_speaker() -> None:
    body = "Ihor Klymenko said 12 rescuers were working. Klymenko added that the fire was out."
    assert {s for s, _, _ in _claims(body)} == {"Ihor Klymenko"}


@pytest.mark.parametrize(("body", "words", "speaker"), [
    ("Governor Vitalii Kim spoke at noon. According to Kim's reports, two boats sank.", "According",
     "Vitalii Kim"),
    ("According to the news outlet 'Sibir.Realii', the protest drew 300 people.", "According", "Sibir.Realii"),
    ("Mayor Ihor Terekhov visited the school. According to him, 40 windows were broken.", "According to him",
     "Ihor Terekhov"),
    ("The Ministry of Health of Moldova (MSM) said 12 people were treated. The MSM added that two remain "
     "in hospital.", "The MSM", "Ministry of Health of Moldova"),
    ("DeepState analysts reported an advance near Kurakhove.", "DeepState", "DeepState"),
    ("Interfax quoted Andrei Kartapolov as saying that the reserves were ready.", "Interfax",
     "Andrei Kartapolov"),
])
def test_according_to_possessives_outlets_pronouns_and_acronyms(body: str, words: str, speaker: str) -> None:
    assert _speaker(body, words) == speaker


def test_a_role_is_the_latest_speaker_with_that_role_not_a_deputy() -> None:
    body = ("Poltava Oblast Governor Filip Pronin said a drone fell on a farm. Deputy Governor Olha Kravets "
            "said the farm was empty. The governor said the debris had been removed.")
    assert _speaker(body, "The governor said") == "Filip Pronin"


def test_a_generic_role_is_the_latest_person_speaker() -> None:
    body = "\"The convoy got through,\" Halyna Moroz said. \"Food reached 900 families,\" the official added."
    assert _speaker(body, "\"Food reached") == "Halyna Moroz"


def test_a_report_speaks_for_its_issuer() -> None:
    body = ("The Polish Border Guard said 40 migrants were stopped. The daily situation report stated "
            "that three were detained.")
    assert _speaker(body, "The daily situation report") == "Polish Border Guard"


@pytest.mark.parametrize(("body", "words", "speaker"), [
    ("Budanov: Russia is moving reserves to Zaporizhzhia\n\nKyrylo Budanov told a TV channel that the "
     "reserves were arriving.", "Budanov:", "Kyrylo Budanov"),
    ("Drones hit a depot in Kremenchuk, Ukrainian official says\n\nAccording to Vitalii Maletskyi, the "
     "fire was put out by noon.", "Drones hit", "Vitalii Maletskyi"),
])
def test_headlines_in_the_body(body: str, words: str, speaker: str) -> None:
    assert _speaker(body, words) == speaker


def test_speaker_after_the_statement_with_an_appositive() -> None:
    body = "A sabotage group crossed into the Suzemka district, says Alexander Bogomaz, the region's governor."
    assert _speaker(body, "A sabotage") == "Alexander Bogomaz"


def test_channel_is_its_owner() -> None:
    body = "Governor Vyacheslav Fedorishchev said the roof was damaged. The Telegram channel of the governor " \
           "posted a photo of the site."
    assert _speaker(body, "The Telegram channel") == "Vyacheslav Fedorishchev"
