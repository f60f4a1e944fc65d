"""Polite downloading of article pages: ``build --fetch`` and ``claimmap add``. Opt-in only:
nothing else in claimmap goes online for articles, and the tests never do (they serve saved
pages from a local server).

Polite means: every request names the tool (a user agent, the user's when given); a site's
``robots.txt`` is read first (:mod:`urllib.robotparser`) and a page it disallows is not
fetched, its ``Crawl-delay`` honoured; two requests to one host are at least ``delay``
seconds apart; every request has a timeout; and every page downloaded is kept in an on-disk
cache (``$CLAIMMAP_CACHE/pages/``, one file per URL), so a second build asks nobody.
Failures are :class:`~geo.errors.ArticleError` naming the URL, never a traceback.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import sys
import time
import urllib.error
import urllib.request
import urllib.robotparser
from pathlib import Path
from typing import Callable
from urllib.parse import urlsplit

from tqdm import tqdm

from .. import __version__, config
from ..errors import ArticleError
from ..files import write_atomic
from .readers.html import MAX_PAGE_BYTES, read_page

DEFAULT_USER_AGENT = f"claimmap/{__version__} (news claims research; python-urllib)"

Clock = Callable[[], float]


class Fetcher:
    """``fetcher(url)`` → (page bytes, final URL after redirects); see the module."""

    def __init__(self, user_agent: str | None = None, delay: float = 2.0, timeout: float = 20.0,
                 cache_dir: Path | None = None, clock: Clock = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep):
        self.user_agent = user_agent or DEFAULT_USER_AGENT
        self.delay = delay
        self.timeout = timeout
        self.cache_dir = cache_dir or config.pages_cache()
        self.requests = 0
        """How many requests went out (robots.txt included): what the tests count."""
        self._clock, self._sleep = clock, sleep
        self._last: dict[str, float] = {}
        self._robots: dict[str, urllib.robotparser.RobotFileParser] = {}

    def __call__(self, url: str) -> tuple[bytes, str]:
        cached = self._cached(url)
        if cached is not None:
            return cached
        robots = self._robots_for(url)
        if not robots.can_fetch(self.user_agent, url):
            raise ArticleError("robots.txt of the site disallows fetching this page", url)
        raw, final_url = self._get(url, robots.crawl_delay(self.user_agent))
        self._store(url, raw, final_url)
        return raw, final_url

    def _paths(self, url: str) -> tuple[Path, Path]:
        key = hashlib.sha256(url.encode("utf-8")).hexdigest()[:32]
        return self.cache_dir / f"{key}.html", self.cache_dir / f"{key}.json"

    def _cached(self, url: str) -> tuple[bytes, str] | None:
        page, meta = self._paths(url)
        try:
            info = json.loads(meta.read_text(encoding="utf-8"))
            if info.get("url") == url:
                return page.read_bytes(), info["final_url"]
        except (OSError, ValueError, KeyError):
            return None  # not cached, or a damaged entry: fetched again
        return None

    def _store(self, url: str, raw: bytes, final_url: str) -> None:
        page, meta = self._paths(url)
        write_atomic(page, raw)
        write_atomic(meta, json.dumps({"url": url, "final_url": final_url}).encode("utf-8"))

    def _wait(self, host: str, extra: float | None) -> None:
        gap = max(self.delay, extra or 0.0)
        if host in self._last:
            remaining = self._last[host] + gap - self._clock()
            if remaining > 0:
                self._sleep(remaining)
        self._last[host] = self._clock()

    def _open(self, url: str, crawl_delay: float | None = None):
        self._wait(urlsplit(url).netloc.lower(), crawl_delay)
        self.requests += 1
        request = urllib.request.Request(url, headers={
            "User-Agent": self.user_agent, "Accept": "text/html,application/xhtml+xml,*/*;q=0.5"})
        return urllib.request.urlopen(request, timeout=self.timeout)

    def _robots_for(self, url: str) -> urllib.robotparser.RobotFileParser:
        parts = urlsplit(url)
        site = f"{parts.scheme}://{parts.netloc.lower()}"
        if site not in self._robots:
            robots = urllib.robotparser.RobotFileParser(f"{site}/robots.txt")
            try:
                with self._open(f"{site}/robots.txt") as reply:
                    robots.parse(reply.read(512 * 1024).decode("utf-8", "replace").splitlines())
            except urllib.error.HTTPError as exc:
                # as urllib.robotparser reads it: 401/403 forbid everything, other codes nothing
                robots.disallow_all = exc.code in (401, 403)
                robots.allow_all = not robots.disallow_all
            except (urllib.error.URLError, OSError, ValueError):
                robots.allow_all = True  # no robots.txt to be had: the page's own fetch decides
            self._robots[site] = robots
        return self._robots[site]

    def _get(self, url: str, crawl_delay: float | None) -> tuple[bytes, str]:
        try:
            with self._open(url, crawl_delay) as reply:
                raw = reply.read(MAX_PAGE_BYTES + 1)
                final_url = reply.geturl()
        except urllib.error.HTTPError as exc:
            raise ArticleError(f"HTTP {exc.code} {exc.reason}", url) from None
        except (urllib.error.URLError, OSError, ValueError) as exc:
            reason = getattr(exc, "reason", exc)
            raise ArticleError(f"cannot download ({reason})", url) from None
        if len(raw) > MAX_PAGE_BYTES:
            raise ArticleError(f"page over the {MAX_PAGE_BYTES:,}-byte limit", url)
        if not raw:
            raise ArticleError("empty reply", url)
        return raw, final_url


def page_name(url: str) -> str:
    """The file name a downloaded page is saved under: the URL's last path segment made
    safe (``a-z0-9-``, at most 60 characters) and 6 hex digits of the URL, so two pages never
    share a name and adding one URL again replaces its own file."""
    segments = [s for s in urlsplit(url).path.split("/") if s]
    stem = re.sub(r"[^a-z0-9]+", "-", (segments[-1] if segments else "page").lower()).strip("-")
    stem = re.sub(r"-(html?|php|aspx?)$", "", stem)[:60].strip("-") or "page"
    return f"{stem}-{hashlib.sha1(url.encode('utf-8')).hexdigest()[:6]}.html"


def _dated(raw: bytes, date: dt.date) -> bytes:
    """The page with ``date`` as its ``article:published_time`` (for a page that has none):
    the saved file then carries the date the user gave, and builds as it did when added."""
    meta = f'<meta property="article:published_time" content="{date.isoformat()}">'.encode()
    head = re.search(rb"<head[^>]*>", raw, re.IGNORECASE)
    return raw[:head.end()] + meta + raw[head.end():] if head else meta + raw


def add_pages(urls: list[str], folder: Path, fetch: Callable[[str], tuple[bytes, str]],
              default_date: dt.date | None = None,
              progress: bool = False) -> tuple[list[Path], list[ArticleError]]:
    """``claimmap add``: download each page into ``folder`` as ``.html`` (see :func:`page_name`),
    each checked as a build reads it first (main text found, a date found, else the user's
    ``default_date`` written into the saved copy); a page that fails is not saved and is
    one error naming its URL."""
    from .readers.draft import finish

    saved, errors = [], []
    for url in tqdm(urls, unit="page", desc="fetching", file=sys.stderr, dynamic_ncols=True,
                    disable=not progress or len(urls) < 2):
        try:
            raw, final_url = fetch(url)
            draft = read_page(raw, url, url=final_url)
            finish(draft, default_date)
        except ArticleError as exc:
            errors.append(ArticleError(exc.message, url))
            continue
        if draft.date is None:
            raw = _dated(raw, default_date)
        saved.append(write_atomic(folder / page_name(url), raw))
    return saved, errors
