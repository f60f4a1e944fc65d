"""Sentence splitting for news prose, keeping offsets into ``Document.text``.

Why not a library splitter: spans must point at the exact characters of the article,
and news copy has traps a generic splitter falls into — abbreviations ("Gen.", "U.S."),
numbers ("1,100", "386 square miles"), quotes that run over several sentences
("… soldiers. To this end, … positions," Syrsky said), brackets ("arm[ies]") and
transcript turns ("Peskov: …"). The rules here are small and deterministic:

* a blank line always ends a sentence;
* otherwise a sentence ends after ``.``, ``!`` or ``?`` (plus any closing quotes or
  brackets) followed by whitespace and something that can open a sentence
  (a capital, a digit, an opening quote or bracket);
* never inside a bracket of the same paragraph, nor inside a quotation unless the next
  word there opens a sentence with a capital ("… soldiers. To this end, …"): every
  sentence of a quotation is a claim of its own;
* a line of a list (a bullet "•"/"-" line, or a paragraph of short unpunctuated lines)
  is a sentence of its own;
* never after a known abbreviation, a single initial ("V."), or an initialism
  ("U.S.") unless the next word is a typical sentence opener ("The", "He", …).
"""

from __future__ import annotations

import re
from typing import Sequence

from .. import rules
from ..model import Sentence
from .paragraphs import paragraphs
from .quotes import balanced_pairs, paragraph_quotes

ABBREVIATIONS = rules.ABBREVIATIONS
"""Words that end in a full stop without ending the sentence (``geo/rules/abbreviations.txt``)."""

SENTENCE_OPENERS = frozenset(word.capitalize() for word in rules.words("opener"))
"""After an initialism ("U.S.") a sentence break is only believed before one of these."""

_END = re.compile(r"[.!?]+[\"”’')\]]*(?=\s)")
_UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽА-ЯЁЄІЇҐ"
"""Capital letters a sentence may open with: Latin ("Šimečka", "Łódź", "Ørsted") and Cyrillic."""
_OPENER = re.compile(rf"[\"“‘'(\[{_UPPER}0-9]")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")
WORD_WINDOW = 64
"""Characters before a full stop searched for its word: no abbreviation or initialism is
longer, and searching from the paragraph's start made each stop cost the paragraph so far
(a 70 KB one-line paragraph of sentences took 9 s; bench/pathological.py)."""
_INITIALISM = re.compile(r"(?:[A-Za-z]\.){2,}|[A-Z]\.")
_NEXT_WORD = re.compile(r"[A-Za-z]+")
_PAIRS = (("(", ")"), ("[", "]"))
_CAPITAL = re.compile(rf"[\"“‘']?[{_UPPER}]")
_LINE_BREAK = re.compile(r"\n(?=[ \t]*\S)")
_BULLET = re.compile(r"[ \t]*[•·▪*–—-][ \t]")
MAX_LIST_LINE_WORDS = 10
_ATTRIBUTION_TAIL = re.compile(r"(?:[A-Z][\w'’-]+\s+){1,3}[a-z]+(?:ed|s)\b[.,]?\s*(?:$|\n|[A-Z\"“])|"
                               r"(?:He|She|They|It)\s+[a-z]+(?:ed|s)\b")


def protected_ranges(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The brackets of one paragraph: no sentence ends inside them."""
    ranges: list[tuple[int, int]] = []
    for opener, closer in _PAIRS:
        ranges.extend(balanced_pairs(text, start, end, opener, closer))
    return sorted(ranges)


def _line_breaks(text: str, start: int, end: int) -> list[int]:
    """Where a list line begins: after a newline before a bullet, or every line of a
    paragraph of short lines none of which ends a sentence (a list of figures)."""
    breaks = [m.end() for m in _LINE_BREAK.finditer(text, start, end)]
    if not breaks:
        return []
    lines = text[start:end].split("\n")
    is_list = all(len(line.split()) <= MAX_LIST_LINE_WORDS and not line.rstrip().endswith((".", "!", "?"))
                  for line in lines if line.strip())
    return breaks if is_list else [b for b in breaks if _BULLET.match(text, b)]


def _inside(pos: int, ranges: list[tuple[int, int]]) -> bool:
    return any(a < pos <= b for a, b in ranges)


def _is_false_stop(text: str, para_start: int, stop: int, after: int) -> bool:
    """True when the full stop at ``stop`` belongs to an abbreviation or initialism."""
    if text[stop] != ".":
        return False
    word = _WORD_BEFORE.search(text, max(para_start, stop + 1 - WORD_WINDOW), stop + 1)
    if not word:
        return False
    token = word.group(1)
    if token.rstrip(".") in ABBREVIATIONS:
        return True
    if token == "X." and text[max(para_start, stop - 4):stop - 1].endswith("on "):
        return False  # "wrote on X." — the platform, not an initial
    if _INITIALISM.fullmatch(token):
        following = _NEXT_WORD.match(text, after)
        return not (following and following.group(0) in SENTENCE_OPENERS and len(token) > 2)
    return False


def _split_paragraph(text: str, start: int, end: int,
                     quotes: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    protected = protected_ranges(text, start, end)
    cuts = set(_line_breaks(text, start, end))
    for match in _END.finditer(text, start, end):
        boundary = match.end()
        following = boundary
        while following < end and text[following].isspace():
            following += 1
        if following >= end or not _OPENER.match(text, following):
            continue
        if _inside(boundary, protected) or _inside(match.start(), protected):
            continue
        if _inside(boundary, quotes) and not _CAPITAL.match(text, following):
            continue
        if _inside(match.start(), quotes) and not _inside(boundary, quotes) \
                and text[match.start()] in "?!" and _ATTRIBUTION_TAIL.match(text, following):
            continue  # '"… going to plan?" Sackur asked.': the question and its speaker are one
        if _is_false_stop(text, start, match.start(), following):
            continue
        cuts.add(following)
    pieces: list[tuple[int, int]] = []
    cursor = start
    for cut in sorted(cuts):
        pieces.append((cursor, cut))
        cursor = cut
    pieces.append((cursor, end))
    return pieces


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[Sentence]:
    """Split ``text[start:end]`` into sentences whose offsets point into ``text``.

    Deterministic, never loses a non-space character: the sentences, in order, cover
    every non-whitespace character of the range exactly once.
    """
    sentences: list[Sentence] = []
    for (p_start, p_end), quotes in zip(paragraphs(text, start, end), paragraph_quotes(text, start, end)):
        for a, b in _split_paragraph(text, p_start, p_end, quotes):
            a, b = _strip(text, a, b)
            if a < b:
                sentences.append(Sentence(a, b, text[a:b]))
    return sentences
