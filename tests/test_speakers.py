"""Tests for geo.claims.speakers: many name forms of one speaker → one canonical name."""

from __future__ import annotations

import pytest

from geo.claims.registry import ArticleSpeakers, person_aliases
from geo.claims.speakers import Speaker, normalise, split_title


@pytest.mark.parametrize(
    ("phrase", "name", "title"),
    [
        ("Putin", "Vladimir Putin", None),
        ("President Vladimir Putin", "Vladimir Putin", "President"),
        ("Russian President Vladimir Putin", "Vladimir Putin", "Russian President"),
        ("the Kremlin leader", "Vladimir Putin", "Kremlin leader"),
        ("Gen. Valery Gerasimov", "Valery Gerasimov", "Gen."),
        ("chief of the general staff Valery Gerasimov", "Valery Gerasimov",
         "chief of the general staff"),
        ("Gerasimov", "Valery Gerasimov", None),
        ("General Oleksandr Syrsky", "Oleksandr Syrsky", "General"),
        ("Ukraine's top army commander", "Oleksandr Syrsky", "Ukraine's top army commander"),
        ("President Volodymyr Zelensky", "Volodymyr Zelensky", "President"),
        ("the Ukrainian leader", "Volodymyr Zelensky", "Ukrainian leader"),
        ("Zelensky's office", "Volodymyr Zelensky", "office"),
        ("Kremlin spokesman Dmitry Peskov", "Dmitry Peskov", "Kremlin spokesman"),
        ("Governor Gladkov", "Vyacheslav Gladkov", "Governor"),
        ("Acting Kursk governor Alexander Khinshtein", "Alexander Khinshtein",
         "Acting Kursk governor"),
        ("Russia's Defence Ministry", "Russian Defence Ministry", None),
        ("the Ukrainian General Staff", "Ukrainian General Staff", None),
        ("Ukraine's General Staff", "Ukrainian General Staff", None),
        ("a spokesman for the General Staff", "Ukrainian General Staff", "spokesman"),
    ],
)
def test_curated_forms_from_the_articles(phrase: str, name: str, title: str | None) -> None:
    speaker = ArticleSpeakers().resolve(phrase)
    assert speaker is not None
    assert (speaker.name, speaker.title) == (name, title)


def test_unknown_person_is_linked_from_the_text_itself() -> None:
    """Mykola Tochytskyi is in no table: the article's full name makes "Tochytskyi" resolvable."""
    speakers = ArticleSpeakers()
    assert speakers.resolve("Tochytskyi") == Speaker("Tochytskyi", "person", None)
    speakers.register(speakers.resolve("Mykola Tochytskyi"))
    assert speakers.resolve("Tochytskyi").name == "Mykola Tochytskyi"


def test_role_introduced_in_an_appositive_links_back() -> None:
    speakers = ArticleSpeakers()
    speakers.register(Speaker("Volodymyr Artyukh", "person", "the head of the administration"))
    assert speakers.resolve("The head").name == "Volodymyr Artyukh"
    assert speakers.resolve("the deputy head") is None


def test_ambiguous_surname_is_not_guessed() -> None:
    speakers = ArticleSpeakers()
    speakers.register(Speaker("Ivan Petrov", "person"))
    speakers.register(Speaker("Oleg Petrov", "person"))
    assert speakers.resolve("Petrov").name == "Petrov"


@pytest.mark.parametrize(
    ("phrase", "name", "kind"),
    [
        ("the Sumy regional military administration", "Sumy regional military administration", "org"),
        ("The Ukrainian monitoring channel DeepState", "DeepState", "org"),
        ("Russian war correspondent Yuri Podolyaka", "Yuri Podolyaka", "person"),
        ("The Institute for the Study of War", "Institute for the Study of War", "org"),
    ],
)
def test_speakers_named_only_in_the_text(phrase: str, name: str, kind: str) -> None:
    speaker = ArticleSpeakers().resolve(phrase)
    assert (speaker.name, speaker.kind) == (name, kind)


@pytest.mark.parametrize("phrase", ["captured Ukrainian fighters", "the attempt", "he"])
def test_phrases_that_name_nobody(phrase: str) -> None:
    assert ArticleSpeakers().resolve(phrase) is None


def test_split_title_and_normalise() -> None:
    assert split_title("Russian President Vladimir Putin") == ("Russian President", "Vladimir Putin")
    assert split_title("the acting governor") == ("acting governor", "")
    assert normalise("The  Ukrainian Parliament’s Commissioner") == "ukrainian parliament's commissioner"


def test_person_aliases_include_registered_surnames_but_not_organisations() -> None:
    speakers = ArticleSpeakers()
    speakers.register(Speaker("Serhiy Sternenko", "person"))
    speakers.register(Speaker("Sumy regional military administration", "org"))
    forms = person_aliases(speakers)
    assert forms["Sternenko"] == "Serhiy Sternenko"
    assert forms["the Kremlin leader"] == "Vladimir Putin"
    assert "Sumy regional military administration" not in forms


@pytest.mark.parametrize(
    ("phrase", "name"),
    [
        ("The General Staff of Ukraine's armed forces", "Ukrainian General Staff"),
        ("The Ministry of Defence of the Russian Federation", "Russian Defence Ministry"),
        ("the Russian Defense Ministry", "Russian Defence Ministry"),
        ("Moscow", "Kremlin"),
        ("the Kremlin", "Kremlin"),
        ("The State Border Guard Service of Ukraine", "State Border Guard Service of Ukraine"),
        ("the Institute of Border Security", "Institute of Border Security"),
        ("The Ukrainian Foreign Ministry", "Ukrainian Foreign Ministry"),
    ],
)
def test_organisations_by_their_words(phrase: str, name: str) -> None:
    """Long official forms find the curated body; "of Ukraine" ends an organisation's name
    rather than being taken for a person called Ukraine."""
    speaker = ArticleSpeakers().resolve(phrase)
    assert (speaker.name, speaker.kind) == (name, "org")


def test_russias_general_staff_is_not_ukraines() -> None:
    assert ArticleSpeakers().resolve("Russia's General Staff").name != "Ukrainian General Staff"


def test_a_short_organisation_form_links_to_the_one_named_earlier() -> None:
    speakers = ArticleSpeakers()
    assert speakers.resolve("The institute") is None
    speakers.register(speakers.resolve("the Institute of Border Security"))
    speakers.register(speakers.resolve("the Sumy regional military administration"))
    assert speakers.resolve("The institute").name == "Institute of Border Security"
    assert speakers.resolve("the administration").name == "Sumy regional military administration"
    assert speakers.resolve("the ministry") is None


def test_first_name_only_speakers_are_registered() -> None:
    speakers = ArticleSpeakers()
    speakers.register(Speaker("Iryna", "person", "nurse at the town clinic"))
    speakers.register(Speaker("Rybar", "person"))
    assert "Iryna" in speakers.full_names and "Rybar" not in speakers.full_names
    assert speakers.resolve("the nurse").name == "Iryna"


def test_what_the_article_links_is_never_memoised() -> None:
    """Phrases are memoised only for what they say on their own: names, roles and bodies
    one article registered never answer for another article, asked before or after."""
    linked, fresh = ArticleSpeakers(), ArticleSpeakers()
    linked.register(Speaker("Halyna Petrenko", "person", "the head of the school"))
    linked.register(Speaker("Institute of Border Security", "org"))
    for _ in range(2):
        assert linked.resolve("Petrenko").name == "Halyna Petrenko"
        assert fresh.resolve("Petrenko") == Speaker("Petrenko", "person", None)
        assert linked.resolve("a spokesman for Petrenko") == \
            Speaker("Halyna Petrenko", "person", "spokesman")
        assert fresh.resolve("a spokesman for Petrenko") == Speaker("Petrenko", "person", "spokesman")
        assert linked.resolve("the head").name == "Halyna Petrenko"
        assert fresh.resolve("the head") is None
        assert linked.resolve("the institute").name == "Institute of Border Security"
        assert fresh.resolve("the institute") is None
