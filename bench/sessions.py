"""Ten browser sessions on one dashboard for a minute: errors seen and memory per session.

Issue 20: many analysts on one server at once must not make it fail. Ten chromium pages
(one browser, ten contexts: ten Streamlit sessions) open the seeds' layer, then for a
minute each in turn flips the "Show countries" toggle (a rerun of its session). Counted as
errors: exceptions drawn on a page, uncaught page errors, console errors, pages whose map
did not draw. Memory per session is the server's resident set after, minus before the
sessions opened, divided by ten (read from /proc: Linux only). Run alone with
``python -m bench.sessions``; ``make bench`` prints it among the others.
"""

from __future__ import annotations

import time
from pathlib import Path

from dashboard.server import CHROMIUM, CHROMIUM_ARGS, serve_process
from geo import config

SESSIONS = 10
SECONDS = 60
MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]'


def _rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS in /proc status")


def session_figures(layer: Path = config.SEED_LAYER) -> dict[str, str]:
    """Print and return errors and memory per session for :data:`SESSIONS` sessions."""
    from playwright.sync_api import Error as PlaywrightError, sync_playwright

    errors: list[str] = []
    with serve_process(layer) as (url, server), sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        before = _rss_mb(server.pid)
        pages = []
        for index in range(SESSIONS):
            page = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
            page.on("pageerror", lambda error, i=index: errors.append(f"{i}: {error}"))
            page.on("console", lambda message, i=index: errors.append(f"{i}: {message.text}")
                    if message.type == "error" else None)
            page.goto(url)
            pages.append(page)
        for index, page in enumerate(pages):
            try:
                page.wait_for_selector(MAP_FRAME, timeout=120_000)
            except PlaywrightError as error:  # counted; the bench goes on
                errors.append(f"{index}: no map ({type(error).__name__})")
        flips, deadline = 0, time.monotonic() + SECONDS
        while time.monotonic() < deadline:
            for page in pages:
                toggle = page.locator('[data-testid="stToggle"]').filter(has_text="Show countries")
                if toggle.count():
                    toggle.first.click()
                    flips += 1
            time.sleep(1)
        for index, page in enumerate(pages):
            shown = page.locator('[data-testid="stException"]').count()
            errors += [f"{index}: exception on the page"] * shown
        after = _rss_mb(server.pid)
        browser.close()
    per_session = (after - before) / SESSIONS
    print(f"sessions: {SESSIONS} browser sessions for {SECONDS} s, {flips} toggle reruns, "
          f"{len(errors)} errors; server {before:.0f} MB before, {after:.0f} MB after: "
          f"{per_session:.1f} MB per session")
    for error in errors[:10]:
        print(f"sessions error: {error}")
    return {"session_errors": str(len(errors)), "mb_per_session": f"{per_session:.1f}"}


if __name__ == "__main__":
    session_figures()
