"""Saved web pages (``.html``, ``.htm``): the article's main text, date, title and outlet.

Why trafilatura: a saved page is mostly not the article — navigation, the header, asides of
"most read" links, the footer, the cookie banner. :func:`trafilatura.extract` keeps the
main text and drops the rest; its paragraphs become the body's paragraphs. The date comes
from :func:`htmldate.find_date` over the page's metadata and markup (``article:published_time``,
JSON-LD, ``<time>``…), the original publication date before a later update, never guessed
from the running text; the title and the outlet (``og:title``, ``og:site_name``, the
``<title>``…) and the canonical URL from :func:`trafilatura.extract_metadata`. A page whose
date cannot be found is a draft without a date, rejected unless the user gives ``--date``
(:func:`geo.text.readers.draft.finish`).
"""

from __future__ import annotations

from pathlib import Path

import htmldate
import lxml.html
import trafilatura
from trafilatura.utils import load_html

from ...errors import ArticleError
from ..documents import read_bytes
from .draft import Draft, body_paragraphs, one_line, paragraphs_text

MAX_PAGE_BYTES = 20 * 1024 * 1024
"""A page saved "complete" inlines its styles and scripts: megabytes, still not tens."""

_BLOCKS = ("p", "div", "li", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "tr",
           "section", "article", "ul", "ol", "table", "figure", "figcaption")


def read_page(raw: bytes, path: str | Path, *, article_id: str | None = None,
              url: str | None = None, where: str | None = None) -> Draft:
    """The draft of one saved page (``url`` is where it was fetched from, when it was);
    an :class:`ArticleError` naming ``path`` when it is not a page with text."""
    path = Path(path)
    tree = load_html(raw)
    if tree is None:
        raise ArticleError((f"{where}: " if where else "") + "not an HTML page", path)
    meta = trafilatura.extract_metadata(tree, default_url=url, extensive=False)
    date = htmldate.find_date(tree, extensive_search=False, original_date=True,
                              outputformat="%Y-%m-%d")
    text = trafilatura.extract(tree, output_format="txt", include_comments=False,
                               include_tables=False, deduplicate=False) or ""
    title = one_line(meta.title) if meta is not None else None
    lines = [line for line in text.split("\n") if line.strip()]
    if lines and title and one_line(lines[0]) == title:
        lines = lines[1:]  # the headline, when the extractor kept it, is the title already
    return Draft(
        id=article_id or path.stem, path=str(path), body=paragraphs_text(lines),
        date=date, title=title, source=one_line(meta.sitename) if meta is not None else None,
        url=one_line((meta.url if meta is not None else None) or url), where=where,
        date_hint="no publication date found in the page (metadata, time tags, URL)",
    )


def read_html(path: Path) -> list[Draft]:
    """A saved page file: one draft (see :func:`read_page`)."""
    draft = read_page(read_bytes(path, MAX_PAGE_BYTES, "page"), path)
    if not draft.body:
        raise ArticleError("no article text found in the page", path)
    return [draft]


def fragment_paragraphs(markup: str) -> list[str]:
    """The paragraphs of an HTML fragment (a feed item's content): block elements and
    ``<br>`` break the text, as a browser shows it."""
    try:
        root = lxml.html.fromstring(f"<div>{markup}</div>")
    except lxml.etree.ParserError:
        return []
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        if element.tag == "br":
            element.tail = "\n" + (element.tail or "")
        elif element.tag in _BLOCKS:
            element.tail = "\n\n" + (element.tail or "")
    return body_paragraphs(root.text_content())
