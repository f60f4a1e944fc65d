"""Quotations: where they are, and the article with them masked out.

Contract: offsets point into the article text. :func:`quote_ranges` gives each balanced
quotation of one paragraph; :func:`running_quotes` the quotations that run over several
paragraphs (the newspaper convention: every paragraph opens with a mark, only the last one
closes); :func:`mask_quotes` replaces every quoted stretch by :data:`MASK`, so claim
extraction never takes quoted words for a speaker and a verb ("we see cynical disregard").
"""

from __future__ import annotations

import re
from functools import lru_cache

from .paragraphs import paragraphs

MASK = "¶"
"""What :func:`mask_quotes` writes over every quoted character (not a letter: no word matches it)."""

_STRAIGHT_QUOTE = re.compile('"')


@lru_cache(maxsize=None)
def _pair_pattern(opener: str, closer: str) -> re.Pattern:
    return re.compile(f"[{re.escape(opener + closer)}]")


def balanced_pairs(text: str, start: int, end: int, opener: str, closer: str) -> list[tuple[int, int]]:
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
    ranges = balanced_pairs(text, start, end, "“", "”")
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


def paragraph_quotes(text: str, start: int = 0,
                     end: int | None = None) -> tuple[tuple[tuple[int, int], ...], ...]:
    """:func:`quote_ranges` of each of :func:`paragraphs`, in the same order.

    Cached like :func:`paragraphs`: sentence splitting, quote masking and claim quotes
    each needed them, so every paragraph was scanned for quotation marks three times."""
    return _paragraph_quotes(text, start, len(text) if end is None else end)


@lru_cache(maxsize=8)
def _paragraph_quotes(text: str, start: int, end: int) -> tuple[tuple[tuple[int, int], ...], ...]:
    return tuple(tuple(quote_ranges(text, a, b)) for a, b in paragraphs(text, start, end))


def mask_quotes(text: str, start: int = 0) -> str:
    """``text`` with every quotation (marks and words) replaced by :data:`MASK`, including
    the open part of a quotation that runs on into the next paragraph.

    Built from slices between the masked stretches (merged where they overlap or nest),
    not character by character."""
    spans = [(a, b + 1) for quotes in paragraph_quotes(text, start) for a, b in quotes]
    spans += [(mark, para_end) for mark, para_end, _ in running_quotes(text, start)]
    pieces: list[str] = []
    cursor = 0
    for a, b in sorted(spans):
        a = max(a, cursor)
        if b > a:
            pieces += (text[cursor:a], MASK * (b - a))
            cursor = b
    pieces.append(text[cursor:])
    return "".join(pieces)
