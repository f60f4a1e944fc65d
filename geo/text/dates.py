"""The window of publication dates an article may carry, checked by every reader.

Why a window: a date is the axis of the whole dashboard, and one article dated 9999-12-31
or 0001-01-02 (a typo, a placeholder, a hostile file) used to build without a word and then
stretch the date slider past what the browser can represent, so nobody saw a map. A news
report claimmap reads was published after 1900 and not after the build (one day of slack,
so a report dated in a timezone ahead of UTC is not refused): anything else is a mistake in
the file, reported with its file and line while the other articles are kept.

Every reader calls :func:`check_publication_date` once it has a date (the text reader in
:mod:`geo.text.documents`; a reader of HTML or feeds does the same with the date it found).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..errors import ArticleError

EARLIEST = dt.date(1900, 1, 1)
"""The first publication date accepted."""

SLACK = dt.timedelta(days=1)
"""How far past the build's day (UTC) a publication date may be."""


def latest(today: dt.date | None = None) -> dt.date:
    """The last publication date accepted: the day after ``today`` (default: today, UTC)."""
    return (today or dt.datetime.now(dt.timezone.utc).date()) + SLACK


def check_publication_date(date: dt.date, path: str | Path, line: int | None = None,
                           today: dt.date | None = None) -> dt.date:
    """``date`` if it lies in :data:`EARLIEST` .. :func:`latest` (inclusive), else an
    :class:`ArticleError` naming the file and line and the window."""
    last = latest(today)
    if not EARLIEST <= date <= last:
        raise ArticleError(
            f"date {date.isoformat()} is outside the accepted publication dates "
            f"{EARLIEST.isoformat()} .. {last.isoformat()} (the day after the build)",
            path, line)
    return date
