"""Paragraphs: the blank-line-separated blocks of an article, as offsets into its text.

Why a module of its own: sentence splitting, quotation finding, transcript turns, bulletin
headings and claim layout all work paragraph by paragraph, on the same article, so the split
is computed once per article (cached) and shared.
"""

from __future__ import annotations

import re
from functools import lru_cache

_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n")


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
