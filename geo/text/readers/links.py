"""URL lists (``.urls``): one web address a line, ``#`` comments and blank lines skipped.

Each address is an article to download: it is read only with ``--fetch`` (or by
``claimmap add``); without it, each line is rejected with a message saying so, never
skipped in silence.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from ...errors import ArticleError
from ..documents import read_text
from .draft import Draft
from .feed import item_id


def read_urls(path: Path) -> tuple[list[Draft], list[ArticleError]]:
    drafts, errors = [], []
    for line, raw in enumerate(read_text(path, what="URL list").split("\n"), 1):
        url = raw.strip()
        if not url or url.startswith("#"):
            continue
        if urlsplit(url).scheme not in ("http", "https") or " " in url:
            errors.append(ArticleError(f"not an http(s) address: {url[:80]!r}", path, line))
            continue
        drafts.append(Draft(id=item_id(path.stem, url), path=str(path), body="", url=url,
                            line=line, fetchable=True))
    return drafts, errors
