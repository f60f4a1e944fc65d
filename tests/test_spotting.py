"""Tests for geo.places.spotting's tokeniser: the fast word pattern and the memoised word
parts give exactly the tokens of the plain definitions they replace."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from geo.gazetteer.names import INVISIBLE
from geo.places import spotting as match

PLAIN_TOKEN = re.compile(
    rf"[^\W\d_](?:[\w{INVISIBLE}]|['\u2019\u02bc\-](?=[^\W_]))*", re.UNICODE)
"""The word pattern as first written: a repeat of "a word character or an apostrophe or
hyphen before a letter"."""

TRICKY = list("aZé1_ -'’ʼ.,\t\n2sS") + [
    "\u200b", "\u00ad", "\u0301", "\u02b0", "Ж", "ǅ", "Ⅻ", "²", "\u2060", "\ufeff", "\u061c",
    "\u202e", "\u2010", "Kursk", "'s", "’S", "ʼs", "Rostov-on-Don", "Kazach'ya", "U.S.",
]
"""Letters, digits, apostrophes, hyphens, combining and modifier marks, invisible characters."""

texts = st.lists(st.sampled_from(TRICKY), max_size=20).map("".join)


def plain_tokenise(text: str, start: int = 0) -> list[match.Token]:
    """The tokeniser as first written: one :func:`match.bare_word` call per word."""
    tokens = []
    for found in PLAIN_TOKEN.finditer(text, start):
        word, possessive = match.bare_word(found.group())
        begin = found.start()
        tokens.append(match.Token(begin, begin + len(word), word, possessive, word[:1].isupper()))
    return tokens


@settings(max_examples=400, deadline=None, derandomize=True)
@given(texts, st.integers(min_value=0, max_value=3))
def test_the_word_pattern_finds_the_same_words(text: str, start: int) -> None:
    assert [m.span() for m in match.WORD.finditer(text, start)] == \
        [m.span() for m in PLAIN_TOKEN.finditer(text, start)]


@settings(max_examples=400, deadline=None, derandomize=True)
@given(texts, st.integers(min_value=0, max_value=3))
def test_tokenise_gives_the_plain_tokens(text: str, start: int) -> None:
    tokens = match.tokenise(text, start)
    assert tokens == plain_tokenise(text, start)
    assert all(type(t) is match.Token for t in tokens)


def test_possessives_and_invisible_marks_are_cut_off() -> None:
    tokens = match.tokenise("Kursk's governor, Su\u200bdzha\u200b and Sumy’S")
    assert [(t.text, t.possessive, t.capital) for t in tokens] == [
        ("Kursk", True, True), ("governor", False, False), ("Su\u200bdzha", False, True),
        ("and", False, False), ("Sumy", True, True)]
