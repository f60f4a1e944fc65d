"""RSS and Atom feeds (``.xml``, ``.rss``, ``.atom``): each item an article.

Why feedparser: it reads every RSS and Atom dialect, and its dates, as one structure. An
item's text is its content (or summary) as the feed gives it; the outlet is the item's own
``<source>`` (aggregator feeds name each item's outlet there), else the feed's title; the date the item's publication (else update) date. Feeds often carry a summary
only: an item whose page is saved beside the feed (the same URL), or fetched with
``--fetch``, is read from that page instead (:func:`geo.text.corpus.read_corpus`).

Item ids are ``<feed file stem>-<8 hex digits of the item's guid, else link>``: stable when
the feed gains new items at its top, where a position would shift.
"""

from __future__ import annotations

import hashlib
import time
from pathlib import Path

import feedparser

from ...errors import ArticleError
from ..documents import read_bytes
from .draft import Draft, body_paragraphs, one_line, paragraphs_text
from .html import fragment_paragraphs

MAX_FEED_BYTES = 100 * 1024 * 1024


def _date(entry) -> str | None:
    stamp: time.struct_time | None = entry.get("published_parsed") or entry.get("updated_parsed")
    return time.strftime("%Y-%m-%d", stamp) if stamp else None


def _body(entry) -> str:
    parts = entry.get("content") or []
    value, kind = ((parts[0].get("value", ""), parts[0].get("type", "")) if parts
                   else (entry.get("summary", ""), entry.get("summary_detail", {}).get("type", "")))
    paragraphs = fragment_paragraphs(value) if "html" in kind else body_paragraphs(value)
    return paragraphs_text(paragraphs)


def item_id(stem: str, key: str) -> str:
    return f"{stem}-{hashlib.sha1(key.encode('utf-8')).hexdigest()[:8]}"


def read_feed(path: Path) -> list[Draft]:
    """One draft per item; an :class:`ArticleError` naming the file when it is no feed."""
    parsed = feedparser.parse(read_bytes(path, MAX_FEED_BYTES, "feed"))
    if not parsed.entries:
        problem = parsed.get("bozo_exception")
        raise ArticleError(f"not an RSS or Atom feed with items ({problem or 'no items'})", path,
                           getattr(problem, "getLineNumber", lambda: None)())
    source = one_line(parsed.feed.get("title"))
    drafts = []
    for number, entry in enumerate(parsed.entries, 1):
        link = one_line(entry.get("link"))
        key = entry.get("id") or link or f"{number}:{entry.get('title', '')}"
        drafts.append(Draft(
            id=item_id(path.stem, key), path=str(path), body=_body(entry), date=_date(entry),
            title=one_line(entry.get("title")), url=link,
            source=one_line((entry.get("source") or {}).get("title")) or source,
            where=f"item {number}" + (f" ({link})" if link else ""),
            date_hint="the item has no publication date", fetchable=bool(link)))
    return drafts
