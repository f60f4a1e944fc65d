"""Polite fetching (``build --fetch``, ``claimmap add``), never online: the saved pages of
tests/fixtures/pages/ are served by a local http.server thread that records every request."""

from __future__ import annotations

import datetime as dt
import threading
import time
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest

from conftest import FIXTURES, run_cli
from geo.layer import dumps_layer
from geo.pipeline import build
from geo.text import read_corpus
from geo.text.fetching import DEFAULT_USER_AGENT, Fetcher, page_name

PAGES = FIXTURES / "pages"
TUNE = FIXTURES / "real" / "tune"
MT = "r112_moscowtimes_belgorod_oil_depot"
KI = "r126_kyivindependent_kharkiv_governor"
ROBOTS = b"User-agent: *\nDisallow: /private/\n"


class _Handler(SimpleHTTPRequestHandler):
    seen: list[tuple[str, str]]

    def do_GET(self):  # noqa: N802 (http.server's name)
        self.seen.append((self.path, self.headers.get("User-Agent", "")))
        if self.path == "/robots.txt":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            self.wfile.write(ROBOTS)
        elif self.path.startswith("/slow/"):
            time.sleep(1.5)
            self.send_error(504)
        else:
            super().do_GET()

    def log_message(self, *args):
        pass


@pytest.fixture()
def site(tmp_path):
    """(base URL, the requests it got) of a local server of a copy of the saved pages."""
    root = tmp_path / "site"
    root.mkdir()
    for page in PAGES.glob("*.html"):
        (root / page.name).write_bytes(page.read_bytes())
    seen: list[tuple[str, str]] = []
    handler = type("Handler", (_Handler,), {"seen": seen, "root": root})
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(handler, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", seen
    finally:
        server.shutdown()
        server.server_close()


def test_a_url_list_is_fetched_politely_and_builds_like_the_text(site, tmp_path, gazetteer):
    base, seen = site
    urls = tmp_path / "reading.urls"
    urls.write_text(f"{base}/{MT}.html\n{base}/{KI}.html\n{base}/private/{MT}.html\n"
                    f"{base}/absent.html\n", "utf-8")
    fetcher = Fetcher(delay=0, cache_dir=tmp_path / "cache")
    result = build([str(urls)], gazetteer, fetch=fetcher)
    assert sorted((e.line, e.message.split(":")[-1].strip()[:8]) for e in result.errors) == [
        (3, "robots.t"), (4, "HTTP 404")]
    assert all(e.path == str(urls) for e in result.errors)
    assert [p for p, _ in seen if p.startswith("/private")] == []  # robots.txt obeyed
    assert {agent for _, agent in seen} == {DEFAULT_USER_AGENT}
    texts = build([str(TUNE / f"{s}.txt") for s in (MT, KI)], gazetteer).layer
    # the ids are the list's; everything else is the articles'
    assert sorted(a["title"] for a in result.layer["articles"]) == sorted(
        a["title"] for a in texts["articles"])
    assert sorted(c["text"] for f in result.layer["features"] for c in f["properties"]["claims"]) \
        == sorted(c["text"] for f in texts["features"] for c in f["properties"]["claims"])

    again = Fetcher(delay=0, cache_dir=tmp_path / "cache")
    before = len(seen)
    rebuilt = build([str(urls)], gazetteer, fetch=again)
    assert dumps_layer(rebuilt.layer) == dumps_layer(result.layer)
    assert again.requests == 2 and len(seen) == before + 2  # only robots.txt and the 404


def test_requests_to_one_host_are_spaced_by_the_delay(site, tmp_path):
    base, _ = site
    now = [100.0]
    slept: list[float] = []

    def sleep(seconds: float) -> None:
        slept.append(round(seconds, 3))
        now[0] += seconds

    fetcher = Fetcher(delay=2.0, cache_dir=tmp_path, clock=lambda: now[0], sleep=sleep)
    fetcher(f"{base}/{MT}.html")
    fetcher(f"{base}/{KI}.html")
    assert slept == [2.0, 2.0]  # robots.txt, then each page two seconds after the last request


def test_a_hanging_site_times_out_with_a_message(site, tmp_path):
    base, _ = site
    fetcher = Fetcher(delay=0, timeout=0.5, cache_dir=tmp_path)
    with pytest.raises(Exception, match="cannot download") as caught:
        fetcher(f"{base}/slow/page.html")
    assert caught.value.path == f"{base}/slow/page.html"


def test_feed_items_without_saved_pages_are_fetched(site, tmp_path):
    base, _ = site
    feed = tmp_path / "mt.rss"
    feed.write_text(f"""<?xml version="1.0"?><rss version="2.0"><channel><title>The Moscow Times</title>
<item><title>Depot</title><link>{base}/{MT}.html</link><pubDate>Fri, 01 Apr 2022 08:00:00 GMT</pubDate>
<description>Summary only.</description></item></channel></rss>""", "utf-8")
    offline = read_corpus([feed]).documents[0]
    assert offline.body.strip() == "Summary only."
    fetched = read_corpus([feed], fetch=Fetcher(delay=0, cache_dir=tmp_path / "c")).documents[0]
    assert fetched.text == (TUNE / f"{MT}.txt").read_text("utf-8") and fetched.id == offline.id


def test_claimmap_add_saves_pages_and_dates_an_undated_one(site, tmp_path):
    base, _ = site
    (tmp_path / "site" / "undated-test.html").write_text("<html><head><title>Depot fire</title></head><body><article><p>Governor "
                       "Vyacheslav Gladkov said a drone hit a depot in Belgorod, and nobody was "
                       "hurt in the attack.</p></article></body></html>", "utf-8")
    env = {"CLAIMMAP_CACHE": str(tmp_path / "cache")}
    proc = run_cli("add", f"{base}/{MT}.html", f"{base}/undated-test.html", "--to",
                   str(tmp_path / "in"), "--fetch-delay", "0", env=env)
    assert proc.returncode == 1, proc.stderr
    assert "undated-test.html: no publication date" in proc.stderr and "--date" in proc.stderr
    assert [p.name for p in (tmp_path / "in").iterdir()] == [page_name(f"{base}/{MT}.html")]
    assert proc.stdout.strip() == f"saved {tmp_path / 'in' / page_name(f'{base}/{MT}.html')}"
    proc = run_cli("add", f"{base}/undated-test.html", "--to", str(tmp_path / "in"),
                   "--date", "2024-05-01", "--fetch-delay", "0", env=env)
    assert proc.returncode == 0, proc.stderr
    docs = read_corpus(sorted((tmp_path / "in").iterdir())).documents
    assert sorted(d.date for d in docs) == [dt.date(2022, 4, 1), dt.date(2024, 5, 1)]
