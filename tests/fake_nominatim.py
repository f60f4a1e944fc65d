"""A tiny Nominatim look-alike on 127.0.0.1 for the online-geocoding tests.

It answers /search by query — a place, nothing, HTTP 500, 429, garbage, or too slowly —
in Nominatim's JSON format (a hand-written answer, tests/fixtures/geocoding/), so geopy's
real request and parsing code runs and no test touches the network. Queries named in
``Nominatim.failing`` answer 500, so a test can make the service fail, then recover; with
``Nominatim.hanging`` set, every query waits that many seconds before it answers.
"""

from __future__ import annotations

import threading
import time
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Iterator
from urllib.parse import parse_qs, urlparse

SUDZHA = (Path(__file__).parent / "fixtures" / "geocoding" / "nominatim_sudzha.json").read_bytes()
ANSWERS = {
    "Sudzha": (200, SUDZHA), "Zorinka": (200, SUDZHA), "Nowhere": (200, b"[]"),
    "Boom": (500, b"oops"), "Busy": (429, b"slow down"), "Garbage": (200, b"<html>not json"),
    "Nonsense": (200, b'[{"lat": "999", "lon": "35", "display_name": "x"}]'),
}


class Nominatim(BaseHTTPRequestHandler):
    """Request handler; ``hits`` counts the queries asked, ``failing`` forces HTTP 500."""

    hits: dict[str, int] = {}
    failing: set[str] = set()
    hanging: float = 0.0

    def do_GET(self):  # noqa: N802 (http.server's name)
        query = parse_qs(urlparse(self.path).query).get("q", [""])[0]
        type(self).hits[query] = type(self).hits.get(query, 0) + 1
        status, body = (500, b"down") if query in self.failing else ANSWERS.get(query, (200, b"[]"))
        if query == "Slow" or self.hanging:
            time.sleep(self.hanging or 1.0)
        try:
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (the "Slow" timeout case)

    def log_message(self, *_args):
        pass


@contextmanager
def running() -> Iterator[str]:
    """Serve on a free port; yield ``host:port``."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Nominatim)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
