"""Spotting gazetteer names in article text (recognition only; :mod:`.resolution` resolves).

Contract: :func:`spot` returns :class:`Spot` objects whose ``start``/``end`` are offsets into
the text it was given, longest match first, never overlapping. Matching uses
:func:`geo.gazetteer.names.key`, so invisible characters inside a name, apostrophes and hyphens do not
stop it, while the spans keep pointing at the original characters.

Why these filters: a gazetteer of 235k names matches many ordinary words, so a name only
counts when it is capitalised, not a function word or demonym, not the modifier of a longer
capitalised name ("Geneva Convention", "Vladimir Putin"), and not a person's surname seen
elsewhere in the article.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple, Protocol

from .. import rules
from ..gazetteer.names import (DIRECTIONS, FUNCTION_WORDS, INVISIBLE, INVISIBLE_CHARS, NOT_NAMES,
                               STOPWORDS, key, strip_trailing_invisible)
from . import forms

MAX_TOKENS = 5
WORD = re.compile(
    rf"[^\W\d_][\w{INVISIBLE}]*(?:['\u2019\u02bc\-](?=[^\W_])[\w{INVISIBLE}]*)*",
    re.UNICODE)
"""A word: a letter, then word or invisible characters, an apostrophe or hyphen counting
only before a letter ("Kazach'ya", "Nikolayevo-Darino"). Written as runs of one character
class rather than as a repeat of "a word character, or an apostrophe before a letter"
(which finds the same words): the regex engine takes a run in one step, and this pattern
goes over every word of every article."""
_GAP_INSIDE_NAME = re.compile(rf"[ \t\u00a0{INVISIBLE}]{{1,3}}|\.")
_GAP_AFTER_ABBREVIATION = re.compile(r"\. ")
_APOSTROPHES = "'\u2019\u02bc"

ROLE_WORDS = rules.words("after-place")
"""A capitalised word after a place that does not make it part of another name: a role or
body of that place ("the Sumy Regional Military Administration", "the UK Ministry of
Defence", "a Texas Republican"); the plurals close a list ("the Kursk and Belgorod Oblasts")."""

LEFT_MODIFIERS = rules.words("before-place")
"""A capitalised word before a place that does not make it part of another name."""

TITLES = rules.words("before-name")
"""A title before a capitalised word makes that word a person's name, not a place."""

_RIGHT_HARMLESS = ROLE_WORDS | FUNCTION_WORDS
_LEFT_HARMLESS = STOPWORDS | DIRECTIONS | LEFT_MODIFIERS


class Names(Protocol):
    """What spotting needs from the gazetteer (and, optionally, ``acronyms``: the keys of
    the places' names written in capitals, "us", "u s", "uae")."""

    def knows(self, name: str) -> bool: ...

_NAME_STARTERS = frozenset(key(n) for n in rules.FIRST_NAMES) | rules.GIVEN_NAMES
_LOWER_IN_NAMES = FUNCTION_WORDS | rules.words("name-type")
_ORG_AFTER = rules.words("org-after")
"""The lower-case words a name may hold after its first word ("Sumy region", "Sea of Azov");
after a capitalised "The" or "A" every word must be capitalised ("The Hague", not "The
village")."""
_NO_WORDS: frozenset[str] = frozenset()


class Token(NamedTuple):
    """A word (a named tuple: spotting builds one per word of every article, so cheaply)."""

    start: int
    end: int
    text: str
    possessive: bool
    capital: bool


@dataclass(frozen=True)
class Spot:
    """A stretch of text that is a known name (tokens ``first``..``last`` inclusive).
    ``lookup`` is the name to look up when it is not the text itself: "Sudzhansky district"
    for "Sudzhansky" in "the Sudzhansky and Korenevsky districts"."""

    start: int
    end: int
    first: int
    last: int
    lookup: str | None = None


def bare_word(raw: str) -> tuple[str, bool]:
    """A matched word without trailing invisible marks or a possessive "'s" (and whether it had one)."""
    if raw[-1] in INVISIBLE_CHARS:
        raw = strip_trailing_invisible(raw)
    if len(raw) > 2 and raw[-1] in "sS" and raw[-2] in _APOSTROPHES:
        return raw[:-2], True
    return raw, False


@lru_cache(maxsize=1 << 16)
def _word_parts(raw: str) -> tuple[int, str, bool, bool]:
    """(length, word, possessive, capital) of a matched word: a pure function of the string,
    memoised because an article's words are mostly words seen before."""
    word, possessive = bare_word(raw)
    return len(word), word, possessive, forms.capitalised(word)


_new_tuple = tuple.__new__


def tokenise(text: str, start: int = 0) -> list[Token]:
    """Word tokens from ``start``; a possessive "'s" is cut off and flagged.

    Runs over every word of every article: per word, one memoised lookup and a tuple built
    directly (``tuple.__new__`` skips the named tuple's Python-level constructor)."""
    tokens = []
    append = tokens.append
    for match in WORD.finditer(text, start):
        length, word, possessive, capital = _word_parts(match.group())
        begin = match.start()
        append(_new_tuple(Token, (begin, begin + length, word, possessive, capital)))
    return tokens


def _joined(text: str, left: Token, right: Token) -> bool:
    """Whether two tokens can belong to one name: separated by spaces, or by a dot inside an
    abbreviation ("U.S.", "Gen. Valery Gerasimov"), never by a sentence end or a possessive."""
    if left.possessive:
        return False
    if right.start - left.end == 1 and text[left.end] == " ":
        return True  # the usual gap, without a regex call
    if _GAP_INSIDE_NAME.fullmatch(text, left.end, right.start):
        return True
    return len(left.text) <= 3 and _GAP_AFTER_ABBREVIATION.fullmatch(text, left.end, right.start) is not None


def _longest(text: str, tokens: list[Token], i: int, names: Names) -> int | None:
    """Index of the last token of the longest known name starting at token i."""
    last, limit = i, min(len(tokens) - 1, i + MAX_TOKENS - 1)
    while last < limit and _joined(text, tokens[last], tokens[last + 1]):
        last += 1
    begin = tokens[i].start
    lower_ok = _NO_WORDS if key(tokens[i].text) in FUNCTION_WORDS else _LOWER_IN_NAMES
    for j in range(last, i, -1):
        if all(t.capital or key(t.text) in lower_ok for t in tokens[i + 1:j + 1]) \
                and names.knows(text[begin:tokens[j].end]):
            return j
    word = tokens[i].text  # == text[begin:tokens[i].end]
    if key(word) in NOT_NAMES or forms.is_contraction(word) or not names.knows(word):
        return None
    return i


def _run_neighbour(text: str, tokens: list[Token], i: int, step: int) -> Token | None:
    """The capitalised token directly joined to token i on one side, if any."""
    j = i + step
    if not 0 <= j < len(tokens) or not tokens[j].capital:
        return None
    pair = (tokens[i], tokens[j]) if step > 0 else (tokens[j], tokens[i])
    return tokens[j] if _joined(text, *pair) else None


def _inside_longer_name(text: str, tokens: list[Token], first: int, last: int) -> bool:
    right = _run_neighbour(text, tokens, last, 1)
    if right is not None and key(right.text) not in _RIGHT_HARMLESS:
        return True
    left = _run_neighbour(text, tokens, first, -1)
    if left is None or _opens_sentence_only(text, left):
        return False
    left_key = key(left.text)
    return left_key not in _LEFT_HARMLESS or left_key in TITLES


def _opens_sentence_only(text: str, token: Token) -> bool:
    """A sentence's first word, capitalised only for that: not a first name or a title."""
    word = key(token.text)
    return word not in _NAME_STARTERS and word not in TITLES and forms.sentence_initial(text, token.start)


def person_names(text: str, tokens: list[Token], spots: list[Spot]) -> set[str]:
    """Keys of words used as personal names: after a title, or ending a run of capitalised
    words that holds no place ("Valery Gerasimov" makes a later bare "Gerasimov" a person)."""
    in_spot = {k for s in spots for k in range(s.first, s.last + 1)}
    persons: set[str] = set()
    i = 0
    while i < len(tokens):
        if not tokens[i].capital:
            i += 1
            continue
        j = i
        while _run_neighbour(text, tokens, j, 1) is not None:
            j += 1
        first = i
        while first < j and (key(tokens[first].text) in FUNCTION_WORDS
                             or _opens_sentence_only(text, tokens[first])):
            first += 1  # a sentence-initial "In", "Meanwhile", "Troops" is not part of a name
        titled = first > 0 and key(tokens[first - 1].text) in TITLES
        if (j > first or titled) and not in_spot.intersection(range(first, j + 1)):
            persons.add(key(tokens[j].text))
        i = j + 1
    return persons


def _beside_caps(tokens: list[Token], first: int, last: int) -> bool:
    """Whether a word next to the name is in capitals too (a heading, not an acronym)."""
    return any(0 <= j < len(tokens) and forms.all_capitals(tokens[j].text) for j in (first - 1, last + 1))


def spot(text: str, names: Names, start: int = 0) -> list[Spot]:
    """Known place names in ``text[start:]`` after the filters described above and in
    :mod:`.forms` (acronyms, datelines)."""
    tokens = tokenise(text, start)
    acronyms = getattr(names, "acronyms", frozenset())
    found: list[Spot] = []
    in_caps: list[tuple[Spot, str, bool]] = []
    i = 0
    while i < len(tokens):
        last = _longest(text, tokens, i, names) if tokens[i].capital else None
        if last is None:
            i += 1
            continue
        if not _inside_longer_name(text, tokens, i, last):
            end = tokens[last].end
            if len(tokens[last].text) == 1 and text[end:end + 1] == ".":
                end += 1  # the closing dot of an abbreviation: "U.S."
            begin = tokens[i].start
            name_key = key(text[begin:end])
            verdict = forms.case_verdict(text, begin, end, name_key, acronyms)
            if verdict is not False and forms.next_word(text, end) not in _ORG_AFTER:
                found.append(Spot(begin, end, i, last))
                if verdict is None:
                    in_caps.append((found[-1], name_key, _beside_caps(tokens, i, last)))
        i = last + 1
    if in_caps:
        plain = {key(text[s.start:s.end]) for s in found if not forms.all_capitals(text[s.start:s.end])}
        doubtful = {id(s) for s, name_key, beside in in_caps
                    if not forms.caps_as_written(name_key, s.last - s.first + 1, beside, plain)}
        found = [s for s in found if id(s) not in doubtful]
    found = _listed_districts(text, tokens, found, names, start)
    persons = person_names(text, tokens, found)
    return [s for s in found
            if s.lookup or s.first != s.last or key(tokens[s.first].text) not in persons]


def _listed_districts(text: str, tokens: list[Token], found: list[Spot], names: Names,
                      start: int) -> list[Spot]:
    """``found`` with each name of a district list (:func:`.forms.district_lists`) spotted as
    that district: "Sudzhansky" looked up as "Sudzhansky district", "Pokrovsk" (the town
    otherwise) as "Pokrovsk district". A list name the gazetteer has no such district for is
    left as it was."""
    items = forms.district_lists(text, start)
    if not items:
        return found
    starts = [t.start for t in tokens]
    listed = []
    for begin, end, singular in items:
        first, last = bisect.bisect_left(starts, begin), bisect.bisect_left(starts, end) - 1
        while first <= last and not names.knows(f"{text[tokens[first].start:end]} {singular}"):
            first += 1  # "In Sudzhansky and …": a capitalised word before the name is not part of it
        if first <= last:
            listed.append(Spot(tokens[first].start, end, first, last,
                               f"{text[tokens[first].start:end]} {singular}"))
    kept = [s for s in found if not any(s.start < d.end and d.start < s.end for d in listed)]
    return sorted(kept + listed, key=lambda s: s.start)


_SENTENCE_BREAK = re.compile(r"[.!?;:\n]\s")


def token_window(text: str, start: int, before: int = 8) -> list[str]:
    """Keys of up to ``before`` words preceding offset ``start`` in the same sentence.

    Looks back at most 200 characters; only the words it returns are normalised (this runs
    for every place name spotted)."""
    left = text[max(0, start - 200):start]
    cut = 0
    for brk in _SENTENCE_BREAK.finditer(left):
        cut = brk.end()
    words = WORD.findall(left, cut)[-before:]
    return [key(_word_parts(w)[1]) for w in words]
