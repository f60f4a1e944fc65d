"""Reading article files into :class:`Document` objects.

Format (documented in README): the first non-blank line is ``date YYYY-MM-DD``, a date in
the publication window of :mod:`geo.text.dates` (leading spaces allowed; the text may continue on the same line, as in the seeds);
optional header lines ``title: …``, ``source: …``, ``url: …`` may follow right after it;
the rest is the article text.

Offsets are kept against the whole decoded file (``Document.text``), so every claim
span points back to the exact characters of the original article.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from pathlib import Path

from ..errors import ArticleError
from ..model import Document
from .dates import check_publication_date

MAX_ARTICLE_BYTES = 2 * 1024 * 1024
"""Larger files are rejected: a news report is kilobytes, a 20 MB file is a mistake."""

_DATE_LINE = re.compile(r"[ \t\ufeff]*date[ \t]*:?[ \t]+(\S+)[ \t]*", re.IGNORECASE)
_DATE_VALUE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_HEADER = re.compile(r"[ \t]*(title|source|url)[ \t]*:[ \t]*(.*?)[ \t\r]*$", re.IGNORECASE)
"""A header line; the ``\\r`` of a file saved with Windows line ends is not part of the value."""


def _decode(raw: bytes, path: Path) -> str:
    if not raw:
        raise ArticleError("empty article (no text at all)", path, 1)
    if b"\x00" in raw:
        line = raw.count(b"\n", 0, raw.index(b"\x00")) + 1
        raise ArticleError("binary file (contains NUL bytes), not an article", path, line)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise ArticleError(
            f"not UTF-8 (byte 0x{raw[exc.start]:02x} at offset {exc.start}); "
            "re-save the file as UTF-8",
            path,
            line,
        ) from None
    if not text.strip():
        raise ArticleError("empty article (whitespace only)", path, 1)
    return text


def parse_date(value: str, path: str | Path, line: int | None = None) -> dt.date:
    """The publication date ``YYYY-MM-DD`` of an article, or an :class:`ArticleError` naming the
    file and line. The one date check: every reader (``.txt``, pages, feeds, exports) calls it."""
    match = _DATE_VALUE.fullmatch(value)
    if not match:
        raise ArticleError(f"date {value!r} is not YYYY-MM-DD", path, line)
    try:
        date = dt.date(*(int(g) for g in match.groups()))
    except ValueError as exc:
        raise ArticleError(f"impossible date {value!r} ({exc})", path, line) from None
    return check_publication_date(date, path, line)


def _first_line(text: str) -> tuple[int, int]:
    """(offset, 1-based line number) of the first line that is not blank."""
    pos, line_no = 0, 1
    while pos < len(text):
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        if text[pos:end].strip():
            break
        pos, line_no = end + 1, line_no + 1
    return pos, line_no


def has_date_line(text: str) -> bool:
    """Whether decoded text opens like an article (its first line a ``date`` line, valid or
    not): such a file is read as an article, any other as plain text (``claimmap geoparse``)."""
    return _DATE_LINE.match(text, _first_line(text)[0]) is not None


def parse_article(text: str, path: Path, article_id: str | None = None) -> Document:
    """Parse decoded article text; raises :class:`ArticleError` naming file and line."""
    pos, line_no = _first_line(text)
    match = _DATE_LINE.match(text, pos)
    if not match:
        first = text[pos:].split("\n", 1)[0].strip()
        raise ArticleError(
            f"first line must be 'date YYYY-MM-DD', found {first[:60]!r}", path, line_no
        )
    date = parse_date(match.group(1), path, line_no)
    body_start = match.end()
    headers: dict[str, str] = {}
    line_end = text.find("\n", body_start)
    if line_end < 0 or text[body_start:line_end].strip():
        cursor = body_start  # text continues on the date line: no headers
    else:
        cursor = line_end + 1
        while cursor < len(text):
            nxt = text.find("\n", cursor)
            nxt = len(text) if nxt < 0 else nxt
            header = _HEADER.fullmatch(text, cursor, nxt)
            if not header or header.group(1).lower() in headers:
                break
            headers[header.group(1).lower()] = header.group(2)
            cursor = nxt + 1
    while cursor < len(text) and text[cursor].isspace():
        cursor += 1
    if cursor >= len(text):
        raise ArticleError("article has a date but no text", path, line_no)
    return Document(
        id=article_id or path.stem,
        path=str(path),
        date=date,
        text=text,
        body_start=cursor,
        title=headers.get("title") or None,
        source=headers.get("source") or None,
        url=headers.get("url") or None,
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
    )


def read_article(path: str | Path) -> Document:
    """Read one article file; every failure is an :class:`ArticleError` naming it."""
    return parse_article(read_text(path), Path(path))


def read_text(path: str | Path, limit: int = MAX_ARTICLE_BYTES, what: str = "article") -> str:
    """A file's decoded text (UTF-8, BOM removed), checked as every article is: a folder, a
    broken link, a pipe, an over-long, empty, binary or non-UTF-8 file is an
    :class:`ArticleError` naming it (and the line, where there is one)."""
    return _decode(read_bytes(path, limit, what), Path(path))


def read_bytes(path: str | Path, limit: int = MAX_ARTICLE_BYTES, what: str = "article") -> bytes:
    """A file's bytes, or an :class:`ArticleError` naming it: a folder, a broken link, a pipe,
    a file over ``limit`` bytes (the ``what`` limit) or an empty one. Readers of formats that carry their own
    encoding (a saved page, a feed) decode the bytes themselves."""
    path = Path(path)
    if path.is_dir():
        raise ArticleError("is a directory, not an article file", path)
    if path.is_symlink() and not path.exists():
        raise ArticleError("broken symbolic link", path)
    if path.exists() and not path.is_file():
        raise ArticleError("not a regular file (a device, pipe or socket?)", path)
    try:
        size = path.stat().st_size
        if size > limit:
            raise ArticleError(f"file is {size:,} bytes, over the {limit:,}-byte {what} limit", path)
        raw = path.read_bytes()
    except OSError as exc:
        raise ArticleError(f"cannot read: {exc.strerror or exc}", path) from None
    if not raw:
        raise ArticleError("empty article (no text at all)", path, 1)
    return raw
