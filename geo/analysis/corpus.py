"""The analysis of a whole layer: figures and event time of every claim, then comparisons.

Why at layer time, in the parent process: comparisons need every article, and figures and
time expressions are cheap regular expressions over claim texts, so nothing is shipped back
from the workers for them. Deterministic: the result depends on the set of results only
(articles are sorted by id first).
"""

from __future__ import annotations

from typing import Sequence

from ..model import Analysis, ArticleResult, Claim, EventTime, Place
from .compare import Item, compare
from .eventtime import event_time
from .figures import find_figures


FINE_KINDS = frozenset({"settlement", "admin2", "other"})


def region(place: Place) -> str:
    """What two places must share to be "the same place": the first-level region of a place
    inside one, else the place itself (a country, a region)."""
    return place.admin1 or place.id


def _item(claim: Claim, article_id: str, places: list[Place], figures, when: EventTime | None) -> Item:
    period = (when.start, when.end) if when else (claim.date, claim.date)
    return Item(claim.id, article_id, claim.speaker, claim.text, claim.span[0], period,
                when is not None, frozenset(region(p) for p in places), frozenset(p.country for p in places if p.country),
                bool(places) and all(p.kind == "country" for p in places),
                frozenset((p.id, region(p)) for p in places),
                frozenset(p.id for p in places if p.kind in FINE_KINDS), tuple(figures))


def analyse(results: Sequence[ArticleResult]) -> Analysis:
    """Figures, event times and comparisons of every claim of ``results``."""
    figures: dict[str, tuple] = {}
    times: dict[str, EventTime] = {}
    items: list[Item] = []
    for result in sorted(results, key=lambda r: r.document.id):
        places: dict[str, list[Place]] = {}
        for link in result.links:
            places.setdefault(link.claim.id, []).append(link.place)
        for claim in result.claims:
            found = tuple(find_figures(claim.text, claim.span[0]))
            when = event_time(claim.text, claim.date)
            if found:
                figures[claim.id] = found
            if when is not None:
                times[claim.id] = when
            items.append(_item(claim, result.document.id, places.get(claim.id, []), found, when))
    return Analysis(figures, times, compare(items))
