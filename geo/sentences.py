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
* never inside a balanced quotation or bracket of the same paragraph;
* never after a known abbreviation, a single initial ("V."), or an initialism
  ("U.S.") unless the next word is a typical sentence opener ("The", "He", …).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Sequence

from .model import Sentence

ABBREVIATIONS = frozenset(
    """Gen Lt Col Maj Capt Cpt Sgt Cpl Pvt Adm Brig Cmdr Gov Sen Rep Pres Amb Mr Mrs Ms Dr
    Prof St Mt No Nos vs etc Jr Sr Inc Ltd Co Corp Dept Fig approx est Jan Feb Mar Apr Jun
    Jul Aug Sep Sept Oct Nov Dec Rev Hon""".split()
)
"""Words that end in a full stop without ending the sentence."""

SENTENCE_OPENERS = frozenset(
    """The A An He She It They We I This That These Those There But And In On At As After
    Before When While If Its His Her Their Our Moments Minutes Later Then However""".split()
)
"""After an initialism ("U.S.") a sentence break is only believed before one of these."""

_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n")
_END = re.compile(r"[.!?]+[\"”’')\]]*(?=\s)")
_OPENER = re.compile(r"[\"“‘'(\[A-Z0-9]")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")
_INITIALISM = re.compile(r"(?:[A-Za-z]\.){2,}|[A-Z]\.")
_NEXT_WORD = re.compile(r"[A-Za-z]+")
_PAIRS = (("(", ")"), ("[", "]"))


_STRAIGHT_QUOTE = re.compile('"')


@lru_cache(maxsize=None)
def _pair_pattern(opener: str, closer: str) -> re.Pattern:
    return re.compile(f"[{re.escape(opener + closer)}]")


def _balanced(text: str, start: int, end: int, opener: str, closer: str) -> list[tuple[int, int]]:
    """(open, close) positions of a balanced pair in ``text[start:end]``; none if unbalanced.

    Only the marks themselves are visited (a regex scan, not a Python loop over every
    character): this runs three times per paragraph of every article."""
    stack: list[int] = []
    found: list[tuple[int, int]] = []
    for mark in _pair_pattern(opener, closer).finditer(text, start, end):
        i = mark.start()
        if text[i] == opener:
            stack.append(i)
        elif not stack:
            return []
        else:
            found.append((stack.pop(), i))
    return [] if stack else found


def quote_ranges(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """(open, close) positions of the quotation marks of each quotation in one paragraph.

    Curly quotes pair by nesting, straight ones alternate. An unbalanced kind yields
    nothing: a quote that runs on into the next paragraph (the newspaper convention)
    must not swallow the rest of this one.
    """
    end = len(text) if end is None else end
    ranges = _balanced(text, start, end, "“", "”")
    straight = [m.start() for m in _STRAIGHT_QUOTE.finditer(text, start, end)]
    if len(straight) % 2 == 0:
        ranges.extend(zip(straight[0::2], straight[1::2]))
    return sorted(ranges)


def _unclosed_mark(text: str, start: int, end: int) -> int | None:
    """The opening mark of a quotation still open at the end of ``text[start:end]``."""
    curly = text.rfind("“", start, end)
    if curly >= 0 and text.find("”", curly, end) < 0:
        return curly
    straight = [m.start() for m in _STRAIGHT_QUOTE.finditer(text, start, end)]
    return straight[-1] if len(straight) % 2 else None


@lru_cache(maxsize=8)
def running_quotes(text: str, start: int = 0, end: int | None = None) -> tuple[tuple[int, int, int], ...]:
    """Quotations that run over several paragraphs, as (opening mark, end of the paragraph it
    opens in, first closing mark after it).

    The typographic convention: every paragraph of a long quotation opens with a quote mark
    and only the last one closes it. A paragraph that leaves a quotation open and is followed
    by a paragraph opening with a quote mark continues into it; one whose next paragraph does
    not open with a quote is just unbalanced and yields nothing. Cached like
    :func:`paragraphs`: masking and claim layout both need it.
    """
    paras = paragraphs(text, start, end)
    found: list[tuple[int, int, int]] = []
    for index, (a, b) in enumerate(paras[:-1]):
        mark = _unclosed_mark(text, a, b)
        following = paras[index + 1][0]
        while following < len(text) and text[following].isspace():
            following += 1
        if mark is None or following >= len(text) or text[following] not in "\"“":
            continue
        close = len(text)
        for c_start, c_end in paras[index + 1:]:
            closing = _first_closing(text, c_start, c_end)
            if closing is not None:
                close = closing
                break
        found.append((mark, b, close))
    return tuple(found)


def _first_closing(text: str, start: int, end: int) -> int | None:
    """The mark that closes a quotation opened before ``text[start:end]`` (or ``None``)."""
    if _unclosed_mark(text, start, end) is not None:
        return None
    curly = text.find("”", start, end)
    straight = [m.start() for m in _STRAIGHT_QUOTE.finditer(text, start, end)]
    marks = [m for m in (curly, straight[1] if len(straight) > 1 else -1) if m >= 0]
    return min(marks) if marks else None


def protected_ranges(text: str, start: int, end: int,
                     quotes: Sequence[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """Quotations and brackets of one paragraph: no sentence ends inside them. ``quotes``,
    when given, is the paragraph's :func:`quote_ranges` (already known to the caller)."""
    ranges = quote_ranges(text, start, end) if quotes is None else list(quotes)
    for opener, closer in _PAIRS:
        ranges.extend(_balanced(text, start, end, opener, closer))
    return sorted(ranges)


def _inside(pos: int, ranges: list[tuple[int, int]]) -> bool:
    return any(a < pos <= b for a, b in ranges)


def _is_false_stop(text: str, para_start: int, stop: int, after: int) -> bool:
    """True when the full stop at ``stop`` belongs to an abbreviation or initialism."""
    if text[stop] != ".":
        return False
    word = _WORD_BEFORE.search(text, para_start, stop + 1)
    if not word:
        return False
    token = word.group(1)
    if token.rstrip(".") in ABBREVIATIONS:
        return True
    if _INITIALISM.fullmatch(token):
        following = _NEXT_WORD.match(text, after)
        return not (following and following.group(0) in SENTENCE_OPENERS and len(token) > 2)
    return False


def _split_paragraph(text: str, start: int, end: int,
                     quotes: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    protected = protected_ranges(text, start, end, quotes)
    pieces: list[tuple[int, int]] = []
    cursor = start
    for match in _END.finditer(text, start, end):
        boundary = match.end()
        following = boundary
        while following < end and text[following].isspace():
            following += 1
        if following >= end or not _OPENER.match(text, following):
            continue
        if _inside(boundary, protected) or _inside(match.start(), protected):
            continue
        if _is_false_stop(text, start, match.start(), following):
            continue
        pieces.append((cursor, boundary))
        cursor = following
    pieces.append((cursor, end))
    return pieces


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def paragraphs(text: str, start: int = 0, end: int | None = None) -> tuple[tuple[int, int], ...]:
    """(start, end) of each blank-line-separated paragraph of ``text[start:end]``.

    Cached (a few articles back): splitting, masking, transcripts, bulletins and claims all
    ask for the same article's paragraphs; the text's hash is computed once per string.
    ``end=None`` and ``end=len(text)`` share one cache entry."""
    return _paragraphs(text, start, len(text) if end is None else end)


@lru_cache(maxsize=8)
def _paragraphs(text: str, start: int, end: int) -> tuple[tuple[int, int], ...]:
    found: list[tuple[int, int]] = []
    cursor = start
    for brk in _PARAGRAPH_BREAK.finditer(text, start, end):
        found.append((cursor, brk.start()))
        cursor = brk.end()
    found.append((cursor, end))
    return tuple(found)


def paragraph_quotes(text: str, start: int = 0,
                     end: int | None = None) -> tuple[tuple[tuple[int, int], ...], ...]:
    """:func:`quote_ranges` of each of :func:`paragraphs`, in the same order.

    Cached like :func:`paragraphs`: sentence splitting, quote masking and claim quotes
    each needed them, so every paragraph was scanned for quotation marks three times."""
    return _paragraph_quotes(text, start, len(text) if end is None else end)


@lru_cache(maxsize=8)
def _paragraph_quotes(text: str, start: int, end: int) -> tuple[tuple[tuple[int, int], ...], ...]:
    return tuple(tuple(quote_ranges(text, a, b)) for a, b in _paragraphs(text, start, end))


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
