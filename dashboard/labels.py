"""Readable names for articles and outlets that carry no title or source.

Seed and scraped articles often have neither: the page showed hash ids
(``002_3f0cff5302c0621a``) and ``(no source)``. An article is named by its title, else by its
outlet (the source, else the URL's host) and date, else as an untitled report of its date
opening with its first claim's words. Pure; the layer index builds the names once per layer.
"""

from __future__ import annotations

from urllib.parse import urlsplit

OPENING_WORDS = 8
NO_OUTLET = "(outlet not named)"


def outlet(source: str | None, url: str | None) -> str | None:
    """The source, else the host of an http(s) URL (without ``www.``), else ``None``."""
    if source:
        return source
    if url and url.lower().startswith(("http://", "https://")):
        host = urlsplit(url).hostname or ""
        return host.removeprefix("www.") or None
    return None


def opening(text: str | None, words: int = OPENING_WORDS) -> str:
    """The first ``words`` words of ``text``, with an ellipsis when cut."""
    parts = (text or "").split()
    return " ".join(parts[:words]) + ("…" if len(parts) > words else "")


def article_name(title: str | None, source: str | None, url: str | None, date: str,
                 first_claim: str | None = None, dated: bool = True) -> str:
    """What the page calls an article (never its id); ``dated``: say its date when it has
    no title (off where the date is written next to it already)."""
    if title:
        return title
    when = f", {date}" if dated else ""
    where = outlet(source, url)
    if where:
        return where + when
    start = opening(first_claim)
    return "untitled report" + (f" of {date}" if dated else "") + (f" “{start}”" if start else "")
