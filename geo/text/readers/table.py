"""Exports of media-monitoring tools: CSV (``.csv``) and JSON lines (``.jsonl``).

Columns (CSV header, JSON keys; names case-insensitive): ``text`` (required: the article,
paragraphs separated by a blank line), ``date`` (``YYYY-MM-DD``; may be left empty when the
user gives ``--date``), ``title``, ``source``, ``url``, and ``id`` (optional: the article's id
in the layer, default ``<file stem>-<row>`` with rows counted from 1 after the header, or
lines for JSON lines). Other columns are ignored. One bad row is rejected with its line;
the other rows are still read.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from ...errors import ArticleError
from ..documents import read_text
from .draft import Draft, body_paragraphs, paragraphs_text

MAX_EXPORT_BYTES = 500 * 1024 * 1024
COLUMNS = ("text", "date", "title", "source", "url", "id")


def _draft(path: Path, number: int, line: int, where: str | None, row: dict) -> Draft:
    fields = {str(k).strip().lower(): v for k, v in row.items() if k is not None}
    text = fields.get("text")
    if text is not None and not isinstance(text, str):
        raise ArticleError(f"{where + ': ' if where else ''}'text' must be a string", path, line)
    values = {k: (None if fields.get(k) in (None, "") else str(fields[k]).strip()) for k in COLUMNS}
    return Draft(id=values["id"] or f"{path.stem}-{number}", path=str(path),
                 body=paragraphs_text(body_paragraphs(text or "")), date=values["date"],
                 title=values["title"], source=values["source"], url=values["url"],
                 line=line, where=where, date_hint="the row has no date")


def read_csv(path: Path) -> tuple[list[Draft], list[ArticleError]]:
    """The rows of a CSV export (see the module's columns)."""
    reader = csv.DictReader(io.StringIO(read_text(path, MAX_EXPORT_BYTES, "export"), newline=""))
    try:
        header = [str(name).strip().lower() for name in reader.fieldnames or []]
    except csv.Error as exc:
        raise ArticleError(f"not a CSV file ({exc})", path, 1) from None
    if "text" not in header:
        raise ArticleError(f"no 'text' column (columns: {', '.join(header) or 'none'})", path, 1)
    drafts, errors = [], []
    line, number = reader.line_num + 1, 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            errors.append(ArticleError(f"unreadable CSV from here on ({exc})", path, line))
            break
        number += 1
        where = f"row {number}"
        if None in row or any(value is None for value in row.values()):
            errors.append(ArticleError(f"{where} has not the {len(header)} columns of the header",
                                       path, line))
        else:
            try:
                drafts.append(_draft(path, number, line, where, row))
            except ArticleError as exc:
                errors.append(exc)
        line = reader.line_num + 1
    return drafts, errors


def read_jsonl(path: Path) -> tuple[list[Draft], list[ArticleError]]:
    """The lines of a JSON-lines export, each an object with the module's keys."""
    drafts, errors = [], []
    for line, raw in enumerate(read_text(path, MAX_EXPORT_BYTES, "export").split("\n"), 1):
        if not raw.strip():
            continue
        try:
            row = json.loads(raw)
        except json.JSONDecodeError as exc:
            errors.append(ArticleError(f"not JSON ({exc.msg}, column {exc.colno})", path, line))
            continue
        if not isinstance(row, dict) or "text" not in {str(k).lower() for k in row}:
            errors.append(ArticleError("not an object with a 'text' key", path, line))
            continue
        try:
            drafts.append(_draft(path, line, line, None, row))
        except ArticleError as exc:
            errors.append(exc)
    return drafts, errors
