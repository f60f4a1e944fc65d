"""Starting the dashboard headless on a free localhost port, for tests and the benchmark.

Both drive the real app (``streamlit run dashboard/app.py -- --layer PATH``, with the
options of :data:`geo.config.STREAMLIT_OPTIONS`) in Debian chromium; this is the one place
that knows how to start it and wait until it is healthy.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from geo import config

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
"""Chromium flags for a closed network: no background connections that would be refused."""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_healthy(process: subprocess.Popen, url: str, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"streamlit exited: {process.stderr.read().decode()[-2000:]}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=1) as reply:
                if reply.status == 200:
                    return
        except OSError:
            time.sleep(0.25)
    raise RuntimeError(f"streamlit did not become healthy in {seconds:.0f} s")


@contextmanager
def serve_process(layer: Path, seconds: float = 60, root: Path | None = None
                  ) -> Iterator[tuple[str, subprocess.Popen]]:
    """Run the app (this package's, or that of the checkout at ``root``) on ``layer``; yield
    its base URL and the server process (the benchmark reads its memory); stop it on exit."""
    port = free_port()
    app = root / "dashboard" / "app.py" if root is not None else config.DASHBOARD_APP
    command = [sys.executable, "-m", "streamlit", "run", str(app), *config.STREAMLIT_FLAGS,
               "--server.port", str(port), "--server.address", "127.0.0.1",
               "--server.fileWatcherType", "none", "--", "--layer", str(layer)]
    process = subprocess.Popen(command, cwd=root, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, env={**os.environ})
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_healthy(process, url, seconds)
        yield url, process
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


@contextmanager
def serve(layer: Path, seconds: float = 60, root: Path | None = None) -> Iterator[str]:
    """:func:`serve_process`, yielding only the base URL."""
    with serve_process(layer, seconds, root) as (url, _process):
        yield url
