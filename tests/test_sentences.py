"""Tests for geo.text (sentences, paragraphs, quotations), on real sentences of the seeds and fixture articles."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geo.text import paragraph_quotes, paragraphs, quote_ranges, read_article, running_quotes, split_sentences

HERE = Path(__file__).parent
ROOT = HERE.parent
PATHS = sorted((ROOT / "seeds").glob("*.txt")) + sorted((HERE / "fixtures" / "articles").glob("*.txt"))


def _sentences(name: str) -> list[str]:
    path = next(p for p in PATHS if p.stem.startswith(name))
    doc = read_article(path)
    return [s.text for s in split_sentences(doc.text, doc.body_start)]


@pytest.mark.parametrize(("article", "count"), [("000", 14), ("002", 14)])
def test_seed_sentence_counts(article: str, count: int) -> None:
    """Counted by reading: seed 000 has 12 paragraphs, two of them with two sentences; seed
    002 has 13 sentences outside quotations and one quotation of two sentences."""
    assert len(_sentences(article)) == count


@pytest.mark.parametrize(
    ("article", "sentence"),
    [
        # abbreviation "Gen." inside a sentence
        ("000", "Putin’s statements came after Gen. Valery Gerasimov, Russian Army Chief of the "
                "General Staff, briefed Putin on the progress of the Russian offensive in Kursk."),
        # numbers with commas and a bracketed conversion
        ("000", "Gerasimov reported that Russian forces had reclaimed over 1,000 square kilometers "
                "(386 square miles) of Kursk Oblast in the past five days, including 24 settlements,"
                " with some units advancing into the Sumy region."),
        # each sentence of a quotation is its own, the last one with its attribution
        ("002", "\"In the most difficult situation, my priority has been and remains saving the lives"
                " of Ukrainian soldiers."),
        ("002", "To this end, the units of the defense forces, if necessary, "
                "maneuver to more favorable positions,\" General Oleksandr Syrsky said in a Facebook "
                "post."),
        # square brackets inside a quote
        ("002", "He added, however, that \"despite the increased pressure from the Russian [and] North"
                " Korean arm[ies], we will maintain defense in the Kursk region as long as it is "
                "appropriate and necessary.\""),
        # em dash
        ("002", "According to Gerasimov, Russian forces have reclaimed about 1,100 square kilometers "
                "(425 square miles) of territory in the Kursk region — most of the land Ukraine "
                "seized during its August 2024 offensive."),
        # initialism "U.S." mid-sentence
        ("103_", "Peskov said that the Kremlin would wait for U.S. officials to brief it on their "
                 "talks with Ukrainian negotiators in Jeddah."),
        # dateline with brackets and a spaced hyphen
        ("101_", "KYIV, March 14 (Reuters) - Ukrainian troops are holding defensive lines south of "
                 "Sudzha and have not been encircled in Russia's Kursk region, the Ukrainian General "
                 "Staff said in a statement on Friday."),
        # a sentence that ends inside a closing quote
        ("102_", "Later he wrote: \"Air defence is working over Belgorod, please stay in shelters.\""),
        # transcript questions are their own sentences
        ("104_", "Will he go there again?"),
    ],
)
def test_real_sentences_survive_whole(article: str, sentence: str) -> None:
    assert sentence in _sentences(article)


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p.stem)
def test_offsets_point_into_document_text(path: Path) -> None:
    doc = read_article(path)
    sentences = split_sentences(doc.text, doc.body_start)
    assert sentences[0].start == doc.body_start
    for previous, current in zip(sentences, sentences[1:]):
        assert previous.end < current.start
        assert doc.text[previous.end:current.start].isspace()
    for sentence in sentences:
        assert doc.text[sentence.start:sentence.end] == sentence.text
        assert sentence.text == sentence.text.strip()


def test_initialism_ends_a_sentence_before_a_sentence_opener() -> None:
    text = "Peskov said the talks were in the U.S. The Kremlin declined to comment."
    assert [s.text for s in split_sentences(text)] == [
        "Peskov said the talks were in the U.S.", "The Kremlin declined to comment."]


def test_quoted_question_followed_by_lowercase_attribution_is_one_sentence() -> None:
    text = "\"Why would we retreat from Sudzha?\" he asked. Gladkov said nothing."
    assert len(split_sentences(text)) == 2


def test_unbalanced_quote_does_not_swallow_the_paragraph() -> None:
    text = "Gladkov wrote: \"Stay in shelters. The drones are back. Syrsky said nothing."
    assert len(split_sentences(text)) == 3
    assert quote_ranges(text) == []


def test_blank_line_always_ends_a_sentence() -> None:
    text = "Reporter: Will he go there again\n\nPeskov: I cannot say"
    assert [s.text for s in split_sentences(text)] == ["Reporter: Will he go there again",
                                                       "Peskov: I cannot say"]


def test_range_arguments_limit_the_split() -> None:
    text = "Skip me. Sumy was shelled. Keep me too."
    sentences = split_sentences(text, 9, len(text))
    assert [(s.start, s.text) for s in sentences] == [(9, "Sumy was shelled."), (27, "Keep me too.")]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(
    ["Gen.", "U.S.", "Sudzha.", "said", "\"", "“", "”", "(", ")", "1,100", "A.", "The", "he",
     "?", "!", "\n\n", "\n", "Putin", "[and]", "km."]), max_size=40))
def test_every_visible_character_is_covered_exactly_once(words: list[str]) -> None:
    text = " ".join(words)
    sentences = split_sentences(text)
    covered = "".join(s.text for s in sentences)
    assert "".join(text.split()) == "".join(covered.split())
    for sentence in sentences:
        assert text[sentence.start:sentence.end] == sentence.text


def test_a_quotation_running_over_two_paragraphs() -> None:
    """107_feature: the first paragraph opens a quote and leaves it open, the next opens with
    a quote mark and closes it after "home,"."""
    doc = read_article(HERE / "fixtures" / "articles" / "107_feature.txt")
    [(mark, para_end, close)] = running_quotes(doc.text, doc.body_start)
    assert doc.text[mark:].startswith("\"The children adapt")
    assert doc.text[:para_end].endswith("times tables.")
    assert doc.text[:close + 1].endswith("because this is home,\"")


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("\"We left in March.\n\n\"Then the shelling started,\" she said.", 1),
        ("\"We left in March.\n\nThe shelling started.", 0),
        ("“One.\n\n“Two.\n\n“Three,” she said.", 2),
        ("\"Closed,\" he said.\n\n\"Another,\" he added.", 0),
    ],
)
def test_running_quotes_need_an_open_paragraph_and_a_quote_after_it(text: str, count: int) -> None:
    assert len(running_quotes(text)) == count


MARKS = ["“", "”", "\"", "(", ")", "Sudzha said", "We left.", "\n\n", "\n", " "]


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(MARKS), max_size=30).map("".join), st.integers(0, 4))
def test_paragraph_quotes_are_each_paragraphs_quote_ranges(text: str, start: int) -> None:
    """The shared scan gives what each paragraph's own :func:`quote_ranges` gives, and
    ``end=None`` is the same cache entry as the text's length."""
    expected = tuple(tuple(quote_ranges(text, a, b)) for a, b in paragraphs(text, start))
    assert paragraph_quotes(text, start) == expected
    assert paragraph_quotes(text, start) is paragraph_quotes(text, start, len(text))
    assert paragraphs(text, start) is paragraphs(text, start, None) is paragraphs(text, start, len(text))


@pytest.mark.parametrize(("text", "sentences"), [
    ("\"Is the plan working?\" Ms Lind asked. \"No.\"", ["\"Is the plan working?\" Ms Lind asked.", "\"No.\""]),
    ("\"We held. They fled,\" he said.", ["\"We held.", "They fled,\" he said."]),
    ("Losses:\nmore than 300 killed\n12 tanks\n\n• Ships hit.\n• Ports closed.",
     ["Losses:", "more than 300 killed", "12 tanks", "• Ships hit.", "• Ports closed."]),
    ("Totals\n40 drones\n3 missiles", ["Totals", "40 drones", "3 missiles"]),
    ("Kyiv said so on X. Moscow denied it.", ["Kyiv said so on X.", "Moscow denied it."]),
])
def test_quotations_lists_and_questions(text: str, sentences: list[str]) -> None:
    """Every sentence of a quotation is its own (a quoted question keeps its speaker); the
    lines of a list or a bullet are sentences; "on X." is the platform, not an initial."""
    assert [s.text for s in split_sentences(text)] == sentences
