"""Reading a corpus: files and folders of articles in every format, into Documents.

Contract: one bad file, row or item never stops the others — each is an
:class:`~geo.errors.ArticleError` naming it; the articles come back sorted by (id, path),
whatever order the files were named in; two articles with the same text and date are
duplicates (the first kept, the other reported), and two with the same id are reported,
since ids are unique in a layer.

A feed item whose page is saved among the inputs (a page whose URL is the item's link) is
read from that page, which takes the item's date, title and outlet where it has none; with
``fetch`` (``--fetch``), the other feed items and the lines of URL lists are downloaded.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import sys
import warnings
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable, Iterable
from urllib.parse import urlsplit, urlunsplit

from tqdm import tqdm

from ..errors import ArticleError
from ..model import Document
from .documents import read_article
from .readers import READERS, Draft, finish, read_drafts

ARTICLE_SUFFIXES = (".txt", *READERS)
PAGE_SUFFIXES = (".html", ".htm")

Fetch = Callable[[str], tuple[bytes, str]]
"""Downloads a URL: (the page's bytes, the URL it came from after redirects), or raises an
:class:`ArticleError` (see :class:`geo.text.fetching.Fetcher`)."""


def collect_paths(inputs: Iterable[str | Path]) -> list[Path]:
    """Expand directories into their article files (every suffix of
    :data:`ARTICLE_SUFFIXES`, sorted, hidden ones skipped).

    Files named explicitly are kept whatever their suffix, so that a bad one is reported
    rather than ignored. For the same reason an article entry of a folder is kept even
    when it is not a regular file (a sub-folder, a broken link, a pipe): reading it
    reports it, where skipping it would hide it.
    """
    found: list[Path] = []
    for item in inputs:
        item = Path(item)
        if item.is_dir():
            found.extend(
                p for p in sorted(item.iterdir())
                if p.suffix.lower() in ARTICLE_SUFFIXES and not p.name.startswith(".")
            )
        else:
            found.append(item)
    return found


def url_key(url: str) -> str:
    """A URL as compared between a feed item and a saved page: no fragment, no trailing
    slash, scheme and host in lower case."""
    parts = urlsplit(url.strip())
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path.rstrip("/"),
                       parts.query, ""))


def _fill(page: Draft, item: Draft) -> Draft:
    """The page, with what it lacks taken from the feed item (or URL line) it stands for."""
    return replace(page, date=page.date or item.date, title=page.title or item.title,
                   source=page.source or item.source)


def _download(item: Draft, fetch: Fetch) -> Draft:
    """The item read from its downloaded page; a feed item whose page cannot be had keeps
    its own text (with a warning), a URL line is rejected."""
    from .readers.html import read_page

    try:
        raw, final_url = fetch(item.url)
        page = read_page(raw, item.path, article_id=item.id, url=final_url, where=item.where)
    except ArticleError as exc:
        if not item.body:
            raise item.error(f"cannot fetch {item.url}: {exc.message}") from None
        warnings.warn(f"{item.path}: {item.where}: page not fetched ({exc.message}); "
                      "the feed's own text is used", stacklevel=2)
        return item
    return replace(_fill(page, item), line=item.line, where=item.where)


def _resolve(drafts: list[Draft], fetch: Fetch | None, progress: bool,
             errors: list[ArticleError]) -> list[Draft]:
    """Feed items and URL lines replaced by their saved or downloaded pages."""
    saved = {url_key(d.url): d for d in drafts
             if d.url and not d.fetchable and Path(d.path).suffix.lower() in PAGE_SUFFIXES}
    stands_for: dict[str, Draft] = {}
    pending: list[Draft] = []
    for draft in drafts:
        if not draft.fetchable:
            continue
        key = url_key(draft.url)
        if key in saved:
            stands_for.setdefault(key, draft)
        else:
            pending.append(draft)
    resolved = []
    for draft in drafts:
        if draft.fetchable:
            continue
        is_page = Path(draft.path).suffix.lower() in PAGE_SUFFIXES
        item = stands_for.get(url_key(draft.url)) if draft.url and is_page else None
        resolved.append(_fill(draft, item) if item is not None else draft)
    bar = tqdm(pending, unit="page", desc="fetching", file=sys.stderr, dynamic_ncols=True,
               disable=not progress or fetch is None or not pending)
    for item in bar:
        if fetch is not None:
            try:
                resolved.append(_download(item, fetch))
            except ArticleError as exc:
                errors.append(exc)
        elif item.body:
            resolved.append(item)
        else:
            errors.append(item.error("a web address: read with --fetch (downloads the page)"))
    return resolved


def _fingerprint(doc: Document) -> str:
    normalised = " ".join(doc.body.split()) + f"|{doc.date.isoformat()}"
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()


@dataclass
class Corpus:
    """The articles that were read, in a deterministic order, and the ones rejected."""

    documents: list[Document]
    errors: list[ArticleError]


def read_corpus(paths: Iterable[str | Path], *, default_date: dt.date | None = None,
                fetch: Fetch | None = None, progress: bool = False) -> Corpus:
    """Read every article of every file (see the module's contract). ``default_date`` is
    the user's ``--date``: the date of a page, item or row that has none."""
    docs: list[Document] = []
    errors: list[ArticleError] = []
    drafts: list[Draft] = []
    files = sorted({Path(p) for p in paths}, key=lambda p: (p.stem, str(p)))
    for path in tqdm(files, unit="file", desc="reading", file=sys.stderr, dynamic_ncols=True,
                     disable=not progress or len(files) < 2):
        if path.suffix.lower() in READERS:
            found, bad = read_drafts(path)
            drafts.extend(found)
            errors.extend(bad)
            continue
        try:
            docs.append(read_article(path))
        except ArticleError as exc:
            errors.append(exc)
    for draft in _resolve(drafts, fetch, progress, errors):
        try:
            docs.append(finish(draft, default_date))
        except ArticleError as exc:
            errors.append(exc)
    docs.sort(key=lambda d: (d.id, d.path))
    kept: list[Document] = []
    seen_text: dict[str, Document] = {}
    seen_id: dict[str, Document] = {}
    for doc in docs:
        fp = _fingerprint(doc)
        if fp in seen_text:
            errors.append(ArticleError(f"duplicate of {seen_text[fp].path}", doc.path))
        elif doc.id in seen_id:
            errors.append(ArticleError(
                f"article id {doc.id!r} already used by {seen_id[doc.id].path}", doc.path))
        else:
            seen_text[fp] = seen_id[doc.id] = doc
            kept.append(doc)
    return Corpus(kept, errors)
