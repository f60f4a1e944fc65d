"""Tests for geo.claims (extract_claims) on the two seeds and the fixture articles (the issue's "done when")."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from geo.claims import extract_claims
from geo.claims.anaphora import person_mentions
from geo.claims.registry import ArticleSpeakers, person_aliases
from geo.claims.speakers import Speaker
from geo.model import Claim
from geo.text import read_article, split_sentences

HERE = Path(__file__).parent
ROOT = HERE.parent
SEED_000 = ROOT / "seeds" / "000_d599976d65cc3f1e.txt"
SEED_002 = ROOT / "seeds" / "002_3f0cff5302c0621a.txt"
ARTICLES = HERE / "fixtures" / "articles"
ALL = [SEED_000, SEED_002, *sorted(ARTICLES.glob("*.txt"))]


def _claims(path: Path) -> list[Claim]:
    return extract_claims(read_article(path))


def _by(path: Path, speaker: str, words: str) -> list[Claim]:
    return [c for c in _claims(path) if c.speaker == speaker and words in c.text]


@pytest.mark.parametrize(
    ("path", "speaker", "words", "date"),
    [
        (SEED_000, "Vladimir Putin", "“as terrorists”", dt.date(2025, 3, 13)),
        (SEED_002, "Vladimir Putin", "\"treated as terrorists", dt.date(2025, 3, 12)),
        (SEED_000, "Valery Gerasimov", "including 24 settlements", dt.date(2025, 3, 13)),
        (SEED_002, "Valery Gerasimov", "retaken 24 settlements", dt.date(2025, 3, 12)),
        (SEED_002, "Oleksandr Syrsky", "942 Russians", dt.date(2025, 3, 12)),
        (SEED_000, "Dmytro Lubinets", "cynical disregard", dt.date(2025, 3, 13)),
        (SEED_000, "Serhiy Sternenko", "Kazachya Loknya", dt.date(2025, 3, 13)),
        (SEED_000, "Serhiy Sternenko", "cut off from the main forces", dt.date(2025, 3, 13)),
    ],
)
def test_done_when_claims_on_the_seeds(path: Path, speaker: str, words: str, date: dt.date) -> None:
    found = _by(path, speaker, words)
    assert len(found) == 1
    assert found[0].date == date
    assert found[0].attribution == "speaker"


def test_two_speakers_in_one_sentence_get_one_clause_each() -> None:
    claims = [c for c in _claims(SEED_002) if "430 Ukrainian soldiers" in c.text or "942" in c.text]
    assert [(c.speaker, c.text) for c in claims] == [
        ("Valery Gerasimov", "Gerasimov said Russia had captured 430 Ukrainian soldiers in the region"),
        ("Oleksandr Syrsky", "while Syrsky said 942 Russians had been taken as prisoners of war."),
    ]
    assert claims[0].sentence == claims[1].sentence


def test_coordinated_speakers_share_the_sentence_with_distinct_ids() -> None:
    claims = [c for c in _claims(SEED_000) if c.text.startswith("The Ukrainian Parliament’s")]
    assert [c.speaker for c in claims] == ["Dmytro Lubinets", "Serhiy Sternenko"]
    assert claims[0].span == claims[1].span
    assert claims[0].id != claims[1].id


@pytest.mark.parametrize(
    ("path", "start", "speaker"),
    [
        (SEED_000, "He disclosed that", "Serhiy Sternenko"),
        (SEED_000, "He also proposed", "Vladimir Putin"),
        (SEED_002, "\"I am counting on the fact", "Vladimir Putin"),
        (SEED_002, "He added, however,", "Oleksandr Syrsky"),
        (ARTICLES / "101_wire.txt", "He added that Russia", "Volodymyr Zelensky"),
        (ARTICLES / "102_telegram.txt", "Later he wrote", "Vyacheslav Gladkov"),
        (ARTICLES / "103_indirect.txt", "He said that the attempt", "Oleksandr Syrsky"),
    ],
)
def test_pronoun_follow_ups_go_to_the_right_speaker(path: Path, start: str, speaker: str) -> None:
    [claim] = [c for c in _claims(path) if c.text.startswith(start)]
    assert claim.speaker == speaker


@pytest.mark.parametrize(
    ("path", "start", "speaker", "title", "verb"),
    [
        (SEED_000, "Russian President Vladimir Putin", "Vladimir Putin", "Russian President", "declared"),
        (SEED_000, "Putin’s statements came after", "Valery Gerasimov",
         "Russian Army Chief of the General Staff", "briefed"),
        (SEED_002, "Russia's forces have retaken", "Valery Gerasimov", "chief of the general staff", "told"),
        (SEED_002, "Minutes after footage", "Oleksandr Syrsky", "Ukraine's top army commander", "suggested"),
        (ARTICLES / "102_telegram.txt", "The acting governor said", "Alexander Khinshtein",
         "acting governor", "said"),
        (ARTICLES / "101_wire.txt", "\"The enemy is trying", "Ukrainian General Staff", "spokesman", "told"),
        (ARTICLES / "103_indirect.txt", "According to the Ukrainian leader", "Volodymyr Zelensky",
         "Ukrainian leader", "according to"),
    ],
)
def test_speaker_title_and_verb_as_written(path: Path, start: str, speaker: str, title: str,
                                          verb: str) -> None:
    [claim] = [c for c in _claims(path) if c.text.startswith(start)]
    assert (claim.speaker, claim.speaker_title, claim.verb) == (speaker, title, verb)


def test_quotes_are_kept_without_their_marks() -> None:
    [claim] = [c for c in _claims(SEED_000) if c.text.startswith("Gerasimov also claimed")]
    assert claim.quote == "isolated … systematic destruction is underway."
    [answer] = [c for c in _claims(ARTICLES / "104_qa.txt") if c.text.startswith("A: We are waiting")]
    assert (answer.speaker, answer.verb) == ("Dmitry Peskov", None)
    assert answer.quote == "We are waiting for the American side to inform us about the talks in Jeddah."


@pytest.mark.parametrize(
    ("path", "start"),
    [
        (SEED_002, "Ukraine had sought to use its control"),
        (SEED_002, "Russia has previously prosecuted"),
        (SEED_000, "Putin’s statements come amid reports"),
        (ARTICLES / "104_qa.txt", "Will the security zone the president proposed"),
        (ARTICLES / "101_wire.txt", "(Reporting by the Kyiv and Moscow bureaus"),
    ],
)
def test_the_article_own_voice_is_a_reporter_claim(path: Path, start: str) -> None:
    [claim] = [c for c in _claims(path) if c.text.startswith(start)]
    assert (claim.attribution, claim.speaker, claim.verb) == ("reporter", None, None)


def test_tykhyi_after_the_transcript_is_not_peskov() -> None:
    [claim] = [c for c in _claims(ARTICLES / "104_qa.txt") if c.text.startswith("After the call")]
    assert claim.speaker == "Heorhiy Tykhyi"


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.stem)
def test_contract_holds_for_every_article(path: Path) -> None:
    doc = read_article(path)
    claims = extract_claims(doc)
    assert claims == sorted(claims, key=lambda c: (c.span, c.speaker or ""))
    assert len({c.id for c in claims}) == len(claims)
    for claim in claims:
        assert claim.text == doc.text[claim.span[0]:claim.span[1]]
        assert claim.sentence[0] <= claim.span[0] < claim.span[1] <= claim.sentence[1]
        assert claim.article_id == doc.id and claim.date == doc.date
        assert (claim.speaker is None) == (claim.attribution == "reporter")
        assert claim.id.startswith(f"{doc.id}:{claim.span[0]}-{claim.span[1]}")
    carried = {c.sentence for c in claims}
    assert carried == {(s.start, s.end) for s in split_sentences(doc.text, doc.body_start)}


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.stem)
def test_extraction_is_deterministic(path: Path) -> None:
    assert _claims(path) == _claims(path)


BULLETIN = ARTICLES / "105_bulletin.txt"
LIVEBLOG = ARTICLES / "106_liveblog.txt"
FEATURE = ARTICLES / "107_feature.txt"
ANALYSIS = ARTICLES / "108_analysis.txt"


@pytest.mark.parametrize(
    ("path", "start", "speaker"),
    [
        (BULLETIN, "Units of the North group of forces repelled", "Russian Defence Ministry"),
        (BULLETIN, "Over the past night, air defence systems", "Russian Defence Ministry"),
        (BULLETIN, "The enemy dropped nine guided aerial bombs", "Ukrainian General Staff"),
        (BULLETIN, "Our defenders are holding their positions", "Ukrainian General Staff"),
        (FEATURE, "\"The children adapt faster than we do.", "Halyna Petrenko"),
        (FEATURE, "They know the sound of a glide bomb", "Halyna Petrenko"),
        (FEATURE, "\"We built this ourselves.\"", "Vasyl"),
        (FEATURE, "\"My son sleeps through most of them now.\"", "Iryna"),
        (LIVEBLOG, "\"It is the only way.\"", "Oksana Melnyk"),
    ],
)
def test_layout_gives_unverbed_sentences_their_speaker(path: Path, start: str, speaker: str) -> None:
    """Bulletin sentences under a lead, every paragraph of a running quotation and a quoted
    sentence after its speaker's: the speaker without a verb of their own."""
    [claim] = [c for c in _claims(path) if c.text.startswith(start)]
    assert (claim.speaker, claim.verb, claim.attribution) == (speaker, None, "speaker")


@pytest.mark.parametrize(
    ("path", "start"),
    [
        (BULLETIN, "The Russian Defence Ministry reports:"),
        (BULLETIN, "Regional authorities"),
        (FEATURE, "Her husband, Vasyl, fixed the ventilation"),
        (FEATURE, "Local officials deny it."),
        (LIVEBLOG, "That is all from us for today."),
        (ANALYSIS, "Ukrainian officials see it differently."),
        (ANALYSIS, "Whether the troops are a threat or a garrison"),
        (ARTICLES / "102_telegram.txt", "The channel did not provide evidence."),
    ],
)
def test_leads_headings_and_narrative_stay_the_reporters(path: Path, start: str) -> None:
    [claim] = [c for c in _claims(path) if c.text.startswith(start)]
    assert (claim.attribution, claim.speaker) == ("reporter", None)


def test_the_heading_ends_the_bulletin_and_the_lead_reaches_over_paragraphs() -> None:
    claims = _claims(BULLETIN)
    heading = next(c for c in claims if c.text == "Regional authorities")
    lead = next(c for c in claims if c.text == "The Russian Defence Ministry reports:")
    bulletin = [c.speaker for c in claims if lead.span[1] < c.span[0] < heading.span[0]]
    assert bulletin[:3] == ["Russian Defence Ministry"] * 3
    assert "Alexander Khinshtein" in [c.speaker for c in claims if c.span[0] > heading.span[1]]


@pytest.mark.parametrize(
    ("path", "first", "second"),
    [
        (BULLETIN, ("Alexander Khinshtein", "wrote"), ("Vyacheslav Gladkov", "said")),
        (LIVEBLOG, ("Vyacheslav Gladkov", "writes"), ("Russian Defence Ministry", "says")),
        (ANALYSIS, ("Andriy Kovalenko", "alleged"), ("Sumy regional military administration", "said")),
    ],
)
def test_two_speakers_joined_by_and_get_one_clause_each(path: Path, first: tuple, second: tuple) -> None:
    claims = [c for c in _claims(path) if c.speaker in (first[0], second[0])
              and c.span != c.sentence]
    assert [(c.speaker, c.verb) for c in claims] == [first, second]
    assert claims[1].text.startswith("and ")


@pytest.mark.parametrize(
    ("path", "start", "speaker"),
    [
        (FEATURE, "\"Nobody from Kyiv has been here since spring,\" he said.", "Vasyl"),
        (FEATURE, "She counts the explosions at night", "Iryna"),
        (LIVEBLOG, "He says the village is almost empty", "Mykola Dudnyk"),
        (LIVEBLOG, "She added that the hospital", "Natalia Zarytska"),
        (ANALYSIS, "As she put it,", "Kateryna Holub"),
        (BULLETIN, "A school in Krasnopillya was also damaged, he said.", "Oleh Hryhorov"),
    ],
)
def test_pronouns_check_gender_and_see_people_named_outside_claims(path: Path, start: str,
                                                                  speaker: str) -> None:
    """"he" after "… while Petrenko moved the library" is Vasyl, not Halyna Petrenko; Mykola
    Dudnyk is introduced in a sentence that is no claim ("… has reached Yunakivka")."""
    [claim] = [c for c in _claims(path) if c.text.startswith(start)]
    assert claim.speaker == speaker


@pytest.mark.parametrize(
    ("path", "start", "speaker", "verb"),
    [
        (FEATURE, "\"Some parents took their children", "Halyna Petrenko", None),
        (FEATURE, "Most stayed, because this is home", "Halyna Petrenko", "said"),
        (FEATURE, "According to the nurse", "Iryna", "according to"),
        (ANALYSIS, "The institute noted", "Institute of Border Security", "noted"),
        (ANALYSIS, "Moscow insists", "Kremlin", "insists"),
        (LIVEBLOG, "One man was wounded, the administration said.",
         "Sumy regional military administration", "said"),
        (LIVEBLOG, "10:40 — Kremlin spokesman Dmitry Peskov, asked about", "Dmitry Peskov",
         "insisted"),
    ],
)
def test_short_forms_link_to_the_speaker_named_earlier(path: Path, start: str, speaker: str,
                                                      verb: str) -> None:
    [claim] = [c for c in _claims(path) if c.text.startswith(start)]
    assert (claim.speaker, claim.verb) == (speaker, verb)


@pytest.mark.parametrize("text", [
    "THE KREMLIN LEADER met halyna petrenko; later Petrenko and the kremlin leader spoke.",
    "Oleksandr Syrsky, then Syrsky again; Syrskyi, syrskyi and Zelenskyy (Zelensky) replied.",
    "Ukraine's top army commander and ukraine's leader, Petrenkova and Petrenko's aide.",
])
def test_person_mentions_are_the_longest_forms_in_any_case(text: str) -> None:
    """The memoised pattern (with its first-letter lookahead) finds what one alternation of
    every form, longest first, finds: at the same offsets, for the same people."""
    registry = ArticleSpeakers()
    registry.register(Speaker("Halyna Petrenko", "person"))
    forms = person_aliases(registry)
    plain = re.compile(r"\b(?:" + "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
                       + r")\b", re.IGNORECASE)
    lowered = {form.lower(): name for form, name in forms.items()}
    expected = [(m.start(), lowered[m.group(0).lower()]) for m in plain.finditer(text)]
    assert [(at, person.name) for at, person in person_mentions(text, 0, registry)] == expected
    assert len(expected) >= 3
