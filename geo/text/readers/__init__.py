"""Readers of the article formats other than ``.txt``, chosen by the file's suffix.

What it offers: :data:`READERS` (suffix → reader) and :func:`read_drafts`; each reader turns
one file into :class:`~.draft.Draft` objects (and the errors of its bad rows or lines), which
:func:`~.draft.finish` makes :class:`geo.model.Document` objects through the ``.txt`` reader:

* ``.html``, ``.htm`` — a saved web page (:mod:`.html`: trafilatura, htmldate);
* ``.xml``, ``.rss``, ``.atom`` — an RSS or Atom feed, one article an item (:mod:`.feed`);
* ``.csv``, ``.jsonl`` — exports with the columns text, date, title, source, url, id
  (:mod:`.table`);
* ``.urls`` — web addresses to download with ``--fetch`` (:mod:`.links`).

docs/ingestion.md describes the formats.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from ...errors import ArticleError
from .draft import Draft, finish
from .feed import read_feed
from .html import read_html, read_page
from .links import read_urls
from .table import read_csv, read_jsonl

Reader = Callable[[Path], "tuple[list[Draft], list[ArticleError]] | list[Draft]"]

READERS: dict[str, Reader] = {
    ".html": read_html, ".htm": read_html,
    ".xml": read_feed, ".rss": read_feed, ".atom": read_feed,
    ".csv": read_csv, ".jsonl": read_jsonl,
    ".urls": read_urls,
}


def read_drafts(path: Path) -> tuple[list[Draft], list[ArticleError]]:
    """The drafts of one file and the errors of its bad parts; a file that cannot be read
    at all is one error naming it."""
    try:
        found = READERS[path.suffix.lower()](path)
    except ArticleError as exc:
        return [], [exc]
    return found if isinstance(found, tuple) else (found, [])


__all__ = ["READERS", "Draft", "finish", "read_drafts", "read_page"]
