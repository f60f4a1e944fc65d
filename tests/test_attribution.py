"""Tests for geo.claims.attribution: subject phrase and reporting verb of real sentences."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geo.claims.attribution import find_attribution, tail_phrase
from geo.text import MASK, mask_quotes, paragraphs, quote_ranges, running_quotes


def _attribute(sentence: str):
    masked = mask_quotes(sentence)
    return find_attribution(masked, 0, len(masked))


@pytest.mark.parametrize(
    ("sentence", "subjects", "verb"),
    [
        ("Russia's forces have retaken 24 settlements in the border region over the last five days,"
         " chief of the general staff Valery Gerasimov told the Kremlin leader.",
         [("chief of the general staff Valery Gerasimov", None)], "told"),
        ("Putin’s statements came after Gen. Valery Gerasimov, Russian Army Chief of the General "
         "Staff, briefed Putin on the progress of the Russian offensive in Kursk.",
         [("Gen. Valery Gerasimov", "Russian Army Chief of the General Staff")], "briefed"),
        ("The Ukrainian Parliament’s Commissioner for Human Rights, Dmytro Lubinets, and Ukrainian "
         "volunteer, Serhiy Sternenko, have both reported that a video is circulating.",
         [("Dmytro Lubinets", "Ukrainian Parliament’s Commissioner for Human Rights"),
          ("Serhiy Sternenko", "Ukrainian volunteer")], "reported"),
        ("“Once again, we see cynical disregard for international humanitarian law on the part of "
         "the Russian army,” Lubinets wrote.", [("Lubinets", None)], "wrote"),
        ("President Vladimir Putin on Wednesday expressed confidence that his army was on the brink.",
         [("President Vladimir Putin", None)], "expressed"),
        ("Putin responded by ordering Russian forces to “defeat the enemy in the shortest possible "
         "time” and take full control of Kursk Oblast.", [("Putin", None)], "ordering"),
        ("\"I am counting on the fact that all the combat tasks facing our units will be fulfilled,\""
         " he said in televised remarks.", [("he", None)], "said"),
        ("Alexander Khinshtein, the acting governor of the Kursk region, wrote on Telegram on "
         "Saturday that Ukrainian artillery had shelled Tyotkino overnight.",
         [("Alexander Khinshtein", "acting governor of the Kursk region")], "wrote"),
        ("In his first visit to the region since Ukraine launched its shock counter-offensive in "
         "August, Putin, dressed in military camouflage, praised recent battlefield gains.",
         [("Putin", None)], "praised"),
        ("According to Sternenko, the war crime took place in the village of Kazachya Loknya.",
         [("Sternenko", None)], "according to"),
        ("\"We need to see the details first,\" said Dmitry Peskov.", [("Dmitry Peskov", None)], "said"),
    ],
)
def test_real_attributions(sentence: str, subjects: list, verb: str) -> None:
    found = _attribute(sentence)
    assert found is not None
    assert list(found.subjects) == subjects
    assert found.verb == verb


@pytest.mark.parametrize(
    "sentence",
    [
        "Putin’s statements come amid reports that Russian soldiers executed five servicemen.",
        "Ukraine had sought to use its control of Kursk territory as leverage in peace negotiations.",
        "Telegram channels on both sides often publish battlefield reports hours before statements.",
        "The president had been briefed on the situation in the Kursk region.",
        "Reuters could not independently verify the battlefield accounts of either side.",
    ],
)
def test_reporter_sentences_have_no_attribution(sentence: str) -> None:
    assert _attribute(sentence) is None


def test_verbs_inside_quotes_are_masked() -> None:
    sentence = "Gladkov wrote: \"Peskov said nothing.\""
    masked = mask_quotes(sentence)
    assert masked.index(MASK) == sentence.index("\"")
    assert "Peskov" not in masked
    assert _attribute(sentence).subjects == (("Gladkov", None),)


def test_tail_phrase_stops_at_ordinary_words() -> None:
    assert tail_phrase("Putin’s statements came after Gen. Valery Gerasimov") == "Gen. Valery Gerasimov"
    assert tail_phrase("Later he") == "he"
    assert tail_phrase("over the last five days") == ""


@pytest.mark.parametrize(
    ("sentence", "subjects", "verb"),
    [
        ("The General Staff of Ukraine's armed forces informs that 16 combat clashes took place "
         "along the border with the Kursk region over the past day.",
         [("The General Staff of Ukraine's armed forces", None)], "informs"),
        ("Alexander Khinshtein, who took over as acting governor of the Kursk region in December, "
         "wrote that two houses in Rylsk had been damaged by a drone",
         [("Alexander Khinshtein", None)], "wrote"),
        ("Iryna, a nurse at the town clinic who asked that her surname not be published, said "
         "shelling had become heavier since August.",
         [("Iryna", "nurse at the town clinic")], "said"),
        ("Pavel Lukin, a retired Russian colonel who comments on the war for a state TV channel, "
         "argued on Sunday that the deployment was \"insurance, not preparation\".",
         [("Pavel Lukin", "retired Russian colonel")], "argued"),
        ("10:40 — Kremlin spokesman Dmitry Peskov, asked about the strikes, insisted that the "
         "Russian army hits only military targets.",
         [("Kremlin spokesman Dmitry Peskov", None)], "insisted"),
        ("The State Border Guard Service of Ukraine published a video of the incident on Wednesday "
         "morning, saying that a Russian sabotage group had tried to cross the border near Basivka.",
         [("The State Border Guard Service of Ukraine", None)], "saying"),
        ("Analysts at the Institute of Border Security assessed last week that Russia was keeping "
         "about 50,000 troops in the Kursk and Belgorod regions.",
         [("the Institute of Border Security", None)], "assessed"),
        ("As she put it, \"quiet on the border has never lasted more than a season.\"",
         [("she", None)], "put it"),
        ("10:05 — Zelensky calls the strikes on Sumy \"terror against civilians, day after day\".",
         [("Zelensky", None)], "calls"),
        ("Moscow insists the troops are there to protect civilians.", [("Moscow", None)], "insists"),
        ("07:40 — The Sumy regional military administration reports that Russian artillery shelled "
         "the outskirts of Krasnopillya and Velyka Pysarivka overnight.",
         [("The Sumy regional military administration", None)], "reports"),
    ],
)
def test_development_attributions(sentence: str, subjects: list, verb: str) -> None:
    """Verb forms beyond "said", appositives with relative clauses and participles, lower-case
    words inside an organisation's name, a participle's subject (tests/fixtures/articles/10[5-8])."""
    found = _attribute(sentence)
    assert found is not None
    assert (list(found.subjects), found.verb) == (subjects, verb)


@pytest.mark.parametrize(
    "sentence",
    [
        "Andriy Kovalenko's reports of a mass surrender were fabricated.",
        "Whether the troops are a threat or a garrison, neither capital has an interest in saying so.",
        "Russian reports of a mass surrender were fabricated.",
    ],
)
def test_nouns_and_gerunds_are_not_reporting_verbs(sentence: str) -> None:
    assert _attribute(sentence) is None


def mask_by_character(text: str, start: int = 0) -> str:
    """:func:`mask_quotes` as first written: every masked character overwritten in turn."""
    chars = list(text)
    for p_start, p_end in paragraphs(text, start):
        for a, b in quote_ranges(text, p_start, p_end):
            chars[a:b + 1] = MASK * (b + 1 - a)
    for mark, para_end, _ in running_quotes(text, start):
        chars[mark:para_end] = MASK * (para_end - mark)
    return "".join(chars)


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(["“", "”", "\"", "Kursk", ", he said.", "\n\n", " "]),
                max_size=30).map("".join), st.integers(0, 3))
def test_masking_by_slices_equals_masking_character_by_character(text: str, start: int) -> None:
    """Nested curly quotes, straight pairs inside a quotation left open, and quotations
    running over paragraphs overlap: the merged slices must mask exactly the same places."""
    assert mask_quotes(text, start) == mask_by_character(text, start)
