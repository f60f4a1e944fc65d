"""What every reader makes before it is a :class:`~geo.model.Document`: a :class:`Draft`.

Why one form: a page, a feed item and an export row all become an article in the ``.txt``
format's own canonical text — ``date YYYY-MM-DD``, the ``title:``, ``source:`` and ``url:``
lines, a blank line, the paragraphs separated by blank lines — read by the ``.txt`` reader
(:func:`geo.text.documents.parse_article`). So every format has the same Document, the same
header rules and the one date check (:func:`geo.text.documents.parse_date`), and a page made
from a ``.txt`` article gives that article's very text, claim spans included.

A draft's date may be missing (a page without a findable date, a feed item whose page is
saved beside it): :func:`finish` fills it from the user's ``--date`` or rejects the draft.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from ...errors import ArticleError
from ...model import Document
from ..documents import parse_article, parse_date

_SPACE = re.compile(r"\s+")
_SPACES = re.compile(r"[^\S\n]+")
_BLANK = re.compile(r"\n[ \t]*\n\s*")


@dataclass(frozen=True)
class Draft:
    """One article as a reader found it. ``where`` names it inside its file for messages
    ("row 4", "item 7"), ``line`` is its 1-based line where the format has lines."""

    id: str
    path: str
    body: str
    date: str | None = None
    title: str | None = None
    source: str | None = None
    url: str | None = None
    line: int | None = None
    where: str | None = None
    date_hint: str = ""
    """Why there is no date, for the rejection message ("no publication date in the page")."""
    fetchable: bool = False
    """Its page may be fetched (``--fetch``): a feed item with a link, a line of a URL list."""

    def error(self, message: str) -> ArticleError:
        """An :class:`ArticleError` naming the file, its line and where in the file."""
        prefix = f"{self.where}: " if self.where else ""
        return ArticleError(prefix + message, self.path, self.line)


def one_line(value: object) -> str | None:
    """A header value on one line (a title's newlines and runs of spaces made one space)."""
    if value is None:
        return None
    text = _SPACE.sub(" ", str(value)).strip()
    return text or None


def _folded(paragraph: str) -> str:
    lines = (_SPACES.sub(" ", line).strip() for line in paragraph.split("\n"))
    return "\n".join(line for line in lines if line)


def paragraphs_text(paragraphs: list[str]) -> str:
    """The body: in each paragraph runs of spaces folded and its line breaks kept (a label
    or bulletin layout is read by its lines), blank paragraphs dropped, the paragraphs
    joined by blank lines (the ``.txt`` format's paragraph break)."""
    return "\n\n".join(p for p in map(_folded, paragraphs) if p)


def body_paragraphs(text: str) -> list[str]:
    """A plain-text body's paragraphs: a blank line separates two; inside one, single line
    breaks are kept as spaces (an export's text column, a feed summary)."""
    return _BLANK.split(text.strip())


def _canonical(draft: Draft, date: dt.date) -> str:
    lines = [f"date {date.isoformat()}"]
    for name in ("title", "source", "url"):
        value = one_line(getattr(draft, name))
        if value:
            lines.append(f"{name}: {value}")
    return "\n".join(lines) + "\n\n" + draft.body + "\n"


def finish(draft: Draft, default_date: dt.date | None = None) -> Document:
    """The Document of a draft, or an :class:`ArticleError` naming its file (and line or
    item). A draft without a date takes ``default_date`` (the user's ``--date``) or is
    rejected with the reason; a date that is not a plausible ``YYYY-MM-DD`` is rejected by
    the one date check."""
    if not draft.body.strip():
        raise draft.error("no article text")
    if draft.date is None:
        if default_date is None:
            reason = draft.date_hint or "no publication date"
            raise draft.error(f"{reason}; give one with --date YYYY-MM-DD")
        date = default_date
    else:
        try:
            date = parse_date(draft.date, draft.path, draft.line)
        except ArticleError as exc:
            raise draft.error(exc.message) from None
    return parse_article(_canonical(draft, date), Path(draft.path), draft.id)
