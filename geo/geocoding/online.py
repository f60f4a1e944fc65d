"""Online geocoding through any geopy geocoder, only when the user asks (``--online``).

Why this shape: public services (Nominatim) require an identifying user agent, at most one
request per second and no repeated queries. So a user agent is mandatory (UsageError without
one), calls go through geopy's RateLimiter with a timeout, and every answer is kept in a
persistent cache (:mod:`geo.geocoding.cache`). Any failure — timeout, HTTP 429/500, an
unparseable answer — becomes :class:`GeocoderError`; :func:`resolve_online` then keeps the
mention unresolved with the reason, and the query is retried on the next build. The whole
build's online time is bounded too (:mod:`geo.geocoding.budget`): once the budget is spent a
warning says so, once, and the offline gazetteer's answers stand for the rest of the build.
"""

from __future__ import annotations

import warnings
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import Any, Callable

from geopy.exc import GeocoderNotFound, GeopyError
from geopy.extra.rate_limiter import RateLimiter
from geopy.geocoders import get_geocoder_for_service
from geopy.location import Location

from .. import config
from .. import geometry as geom
from ..errors import GeocoderError, UsageError
from ..gazetteer import Gazetteer
from ..model import Mention, Place
from .base import Geocoder
from .budget import Budget, BudgetSpent
from .cache import GeocodeCache

DEFAULT_TIMEOUT = 10.0
DEFAULT_MIN_DELAY = 1.0
"""Nominatim's usage policy: at most one request per second."""

MAX_FAILURES_IN_A_ROW = 3
"""After this many consecutive failures the service is taken as down for the rest of the build:
further queries fail at once (and are retried next build) instead of each waiting for timeouts."""



class BudgetSpentError(GeocoderError):
    """A query not sent because the build's online budget is spent (warned about once)."""


SETTLEMENT_TYPES = frozenset("city town village hamlet suburb locality isolated_dwelling".split())


class OnlineGeocoder:
    """A geopy geocoder by service name, rate-limited, with timeout and persistent cache."""

    def __init__(self, service: str, *, user_agent: str | None = None,
                 timeout: float = DEFAULT_TIMEOUT, min_delay_seconds: float = DEFAULT_MIN_DELAY,
                 max_retries: int = 2, error_wait_seconds: float = 5.0,
                 cache_path: Path | None = None,
                 budget_seconds: float | None = config.ONLINE_BUDGET_SECONDS, **options: Any):
        if not user_agent or not user_agent.strip():
            raise UsageError("online geocoding needs --user-agent (e.g. 'claimmap/0.1 you@example.org'): "
                             "public geocoders refuse anonymous clients")
        try:
            cls = get_geocoder_for_service(service)
        except GeocoderNotFound:
            raise UsageError(f"unknown geocoder {service!r} (any geopy service name, e.g. nominatim)") from None
        self.name = service
        try:
            backend = cls(user_agent=user_agent, timeout=timeout, **options)
        except (TypeError, GeopyError) as exc:
            raise UsageError(f"geocoder {service!r} cannot be set up: {exc}") from None
        if budget_seconds is not None and not budget_seconds > 0:
            raise UsageError(f"--online-budget must be more than 0 seconds, not {budget_seconds}")
        self.budget = Budget(budget_seconds)
        self._budget_warned = False
        self.timeout = timeout
        self._backend = backend
        self._geocode = RateLimiter(self._attempt, min_delay_seconds=min_delay_seconds,
                                    max_retries=max_retries, error_wait_seconds=error_wait_seconds,
                                    swallow_exceptions=False)
        self.cache = GeocodeCache(cache_path or config.geocode_cache(service))
        self.failures_in_a_row = 0

    def geocode(self, query: str, *, exactly_one: bool = True) -> Location | list[Location] | None:
        """Cached answer, or one (rate-limited) request; GeocoderError on any failure."""
        locations = self.cache.get(self.name, query)
        if locations is None:
            locations = self._ask(query)
            self.cache.put(self.name, query, locations)
        if exactly_one:
            return locations[0] if locations else None
        return locations

    def _attempt(self, query: str, **kw: Any):
        """One request, its timeout cut to the budget left (BudgetSpent when none is)."""
        return self._backend.geocode(query, timeout=self.budget.timeout(self.timeout), **kw)

    def _ask(self, query: str) -> list[Location]:
        if not self.budget.exhausted:
            try:
                with self.budget.counting():
                    return self._ask_now(query)
            except BudgetSpent:
                pass
        if not self._budget_warned:
            self._budget_warned = True
            warnings.warn(f"online geocoding stopped: its budget of {self.budget.seconds:g} s "
                          f"(--online-budget) is spent; {self.name} is not asked for {query!r} "
                          "nor any later name, the offline gazetteer's answers stand for the "
                          "rest of this build", stacklevel=3)
        raise BudgetSpentError(f"{self.name} not asked for {query!r}: the online budget of "
                               f"{self.budget.seconds:g} s is spent")

    def _ask_now(self, query: str) -> list[Location]:
        if self.failures_in_a_row >= MAX_FAILURES_IN_A_ROW:
            raise GeocoderError(f"{self.name} not asked for {query!r}: it failed "
                                f"{self.failures_in_a_row} times in a row in this build")
        try:
            answer = self._geocode(query, exactly_one=False)
        except BudgetSpent:
            raise
        except GeopyError as exc:
            self.failures_in_a_row += 1
            raise GeocoderError(f"{self.name} failed for {query!r}: {type(exc).__name__}: {exc}") from None
        except (ValueError, TypeError, KeyError, AttributeError) as exc:
            self.failures_in_a_row += 1
            raise GeocoderError(f"{self.name} returned garbage for {query!r}: {exc}") from None
        locations = list(answer or [])
        for loc in locations:
            valid = isinstance(loc, Location) and -90 <= loc.latitude <= 90 and -180 <= loc.longitude <= 180
            if not valid:
                self.failures_in_a_row += 1
                raise GeocoderError(f"{self.name} returned an invalid location for {query!r}")
        self.failures_in_a_row = 0
        return locations


def location_place(location: Location, service: str, gazetteer: Gazetteer | None = None) -> Place:
    """A Place from an online answer: a point, with the admin-1 region from the bundled
    polygons when it falls in Russia or Ukraine; coarse answers are flagged approximate."""
    raw = location.raw if isinstance(location.raw, dict) else {}
    lat, lon = location.latitude, location.longitude
    region = gazetteer.region_at(lon, lat) if gazetteer is not None else None
    osm = raw.get("osm_type"), raw.get("osm_id")
    place_id = f"osm:{osm[0]}/{osm[1]}" if all(osm) else f"{service}:{lat:.5f},{lon:.5f}"
    is_settlement = raw.get("type") in SETTLEMENT_TYPES or raw.get("addresstype") in SETTLEMENT_TYPES
    country = (raw.get("address") or {}).get("country_code", "").upper() or (
        region.country if region else None)
    return Place(
        id=place_id, name=(location.address or "").split(",")[0].strip() or place_id,
        kind="settlement" if is_settlement else "other", country=country or None,
        admin1=region.admin1 if region else None, geometry=geom.point(lon, lat),
        precision="settlement", approximate=not is_settlement, source=f"online:{service}",
    )


def resolve_online(mentions: list[Mention], geocoder: Geocoder,
                   gazetteer: Gazetteer | None = None) -> list[Mention]:
    """Geocode the unresolved mentions online; resolved ones are returned untouched.

    A failure keeps the mention unresolved, its reason saying why (and a warning is
    issued), so nothing is lost and the query is retried on the next build.
    """
    out = []
    for mention in mentions:
        if mention.place is not None:
            out.append(mention)
            continue
        try:
            location = geocoder.geocode(mention.surface, exactly_one=True)
        except GeocoderError as exc:
            if not isinstance(exc, BudgetSpentError):  # that one is warned about once
                warnings.warn(str(exc), stacklevel=2)
            out.append(replace(mention, reason=f"{mention.reason or 'unresolved'}; online: {exc}"))
            continue
        if location is None:
            out.append(replace(mention, reason=f"{mention.reason or 'unresolved'}; "
                                               f"{geocoder.name} found nothing either"))
            continue
        place = location_place(location, geocoder.name, gazetteer)
        out.append(replace(mention, place=place, reason=None,
                           reading=f"geocoded online by {geocoder.name}: {location.address}"))
    return out


def online_mention_hook(service: str, *, user_agent: str | None, gazetteer: Gazetteer | None = None,
                        **options: Any) -> Callable[[list[Mention]], list[Mention]]:
    """The build's ``--online`` hook: unresolved mentions → :func:`resolve_online`.
    Raises UsageError at once (before any article is read) without a user agent."""
    geocoder = OnlineGeocoder(service, user_agent=user_agent, **options)
    return partial(resolve_online, geocoder=geocoder, gazetteer=gazetteer)
