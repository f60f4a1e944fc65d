"""The build's total time budget for online lookups (``claimmap build --online-budget``).

Why: per-request timeouts and retries bound one query, not a build. A geocoder that hangs
until each timeout cost 85 s for 7 articles before it was given up, and a slow one costs
that for every unknown name of a 10k-article build. So the time spent asking (rate-limit
waits, requests, retries) is summed over the build; each request's timeout is cut to what
is left, and once it is spent no more queries are sent: the offline gazetteer's answers
stand for the rest of the build (cached online answers are still used, they cost nothing).
The budget can be overrun by at most one wait between attempts (``error_wait_seconds``),
since geopy's rate limiter sleeps there without asking.
"""

from __future__ import annotations

import time
from contextlib import contextmanager
from typing import Iterator

from geopy.exc import GeopyError


class BudgetSpent(GeopyError):
    """Raised before a request when the budget is spent; a GeopyError that geopy's rate
    limiter does not retry, so it ends the query at once."""


class Budget:
    """Seconds of online lookups left in this build (``None`` seconds: no limit)."""

    def __init__(self, seconds: float | None):
        self.seconds = seconds
        self.spent = 0.0
        self._since: float | None = None

    def remaining(self) -> float:
        """Seconds left, counting the query being asked now."""
        if self.seconds is None:
            return float("inf")
        running = time.monotonic() - self._since if self._since is not None else 0.0
        return self.seconds - self.spent - running

    @property
    def exhausted(self) -> bool:
        return self.remaining() <= 0

    @contextmanager
    def counting(self) -> Iterator[None]:
        """Count the time spent inside the block as spent."""
        self._since = time.monotonic()
        try:
            yield
        finally:
            self.spent += time.monotonic() - self._since
            self._since = None

    def timeout(self, wanted: float) -> float:
        """The timeout for the next request: ``wanted``, cut to what is left; raises
        :class:`BudgetSpent` when nothing is."""
        left = self.remaining()
        if left <= 0:
            raise BudgetSpent(f"the online budget of {self.seconds:g} s is spent")
        return min(wanted, left)
