"""Readers of the article formats other than ``.txt``, chosen by the file's suffix.

What it offers: :data:`READERS` (suffix → reader) and :func:`read_drafts`; each reader turns
one file into :class:`~.draft.Draft` objects (and the errors of its bad rows or lines), which
:func:`~.draft.finish` makes :class:`geo.model.Document` objects through the ``.txt`` reader:

* ``.html``, ``.htm`` — a saved web page (:mod:`.html`: trafilatura, htmldate);
* ``.xml``, ``.rss``, ``.atom`` — an RSS or Atom feed, one article an item (:mod:`.feed`);
* ``.csv``, ``.jsonl`` — exports with the columns text, date, title, source, url, id
  (:mod:`.table`);
* ``.urls`` — web addresses to download with ``--fetch`` (:mod:`.links`).

docs/ingestion.md describes the formats. A reader's module (and its library: trafilatura,
feedparser…) is imported when the first file of its kind is read: a corpus of ``.txt``
files builds without loading them (0.7 s of a build's start on the 2-core machine).
"""

from __future__ import annotations

import importlib
from pathlib import Path

from ...errors import ArticleError
from .draft import Draft, finish

READERS: dict[str, tuple[str, str]] = {
    ".html": ("html", "read_html"), ".htm": ("html", "read_html"),
    ".xml": ("feed", "read_feed"), ".rss": ("feed", "read_feed"), ".atom": ("feed", "read_feed"),
    ".csv": ("table", "read_csv"), ".jsonl": ("table", "read_jsonl"),
    ".urls": ("links", "read_urls"),
}
"""suffix → (module of this package, its reader function)."""


def read_drafts(path: Path) -> tuple[list[Draft], list[ArticleError]]:
    """The drafts of one file and the errors of its bad parts; a file that cannot be read
    at all is one error naming it."""
    module, function = READERS[path.suffix.lower()]
    reader = getattr(importlib.import_module(f".{module}", __name__), function)
    try:
        found = reader(path)
    except ArticleError as exc:
        return [], [exc]
    except Exception as exc:  # a library tripping over one odd file must not stop the build
        return [], [ArticleError(f"could not be read ({type(exc).__name__}: {exc}); please "
                                 "report this", path)]
    return found if isinstance(found, tuple) else (found, [])


__all__ = ["READERS", "Draft", "finish", "read_drafts"]
