"""Candidate pairs and groups of claims for :mod:`.compare`.

Why apart from the rules of comparison: these are the data structures — the claim as the
comparison sees it (:class:`Item`), the pairs worth comparing (:func:`near_pairs`, a sweep
over periods within blocks, so the work grows with the claims that can be about the same
thing, not with the square of the layer) and the union-find that joins pairs into groups
(:class:`Groups`). Deterministic: groups do not depend on the order pairs come in.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from dataclasses import dataclass
from typing import Callable, Hashable, Iterable, Iterator, TypeVar

from ..model import Figure

T = TypeVar("T")


@dataclass(frozen=True)
class Item:
    """One claim as the comparison sees it."""

    claim_id: str
    article_id: str
    speaker: str | None
    text: str
    start: int
    """The claim's offset in its article (figure spans are article offsets)."""
    period: tuple
    dated: bool
    """The period is an event time, not the article's date."""
    regions: frozenset[str]
    """The first-level regions of its places (a place without one: its id)."""
    countries: frozenset[str]
    coarse: bool
    """Every place of the claim is a country: it is about any region of them."""
    places: frozenset[tuple[str, str]]
    """(place id, region) of every place the claim is tied to."""
    fine: frozenset[str]
    """Its places finer than a region (settlements, districts, sites): two claims that both
    name some are about the same place only if they share one."""
    figures: tuple[Figure, ...]


def near_pairs(entries: list[tuple[Item, T]], block: Callable[[Item], Iterable[Hashable]],
               reach_days: int, anchor: Callable[[Item], bool] | None = None,
               ) -> Iterator[tuple[tuple[Item, T], tuple[Item, T]]]:
    """Each pair of ``entries`` that share a block key (``block``: an item's keys) and whose
    periods start within ``reach_days`` of the other's end, once, in entry order; with
    ``anchor``, only pairs with an anchor in them (few anchors: each scans its block)."""
    blocks: dict[Hashable, list[int]] = {}
    for index, (item, _) in enumerate(entries):
        for key in block(item):
            blocks.setdefault(key, []).append(index)
    seen: set[tuple[int, int]] = set()
    reach = dt.timedelta(days=reach_days)
    for key in sorted(blocks, key=repr):
        ordered = sorted(blocks[key], key=lambda i: (entries[i][0].period[0], i))
        starts = [entries[i][0].period[0] for i in ordered]
        longest = max(entries[i][0].period[1] - entries[i][0].period[0] for i in ordered)
        for at, i in enumerate(ordered):
            item = entries[i][0]
            if anchor is not None and not anchor(item):
                continue
            end = item.period[1] + reach
            first = bisect_left(starts, item.period[0] - reach - longest)
            others = ordered[first:] if anchor is not None else ordered[at + 1:]
            for j in others:
                other = entries[j][0]
                if other.period[0] > end:
                    break
                if j == i or other.period[1] + reach < item.period[0]:
                    continue
                pair = (min(i, j), max(i, j))
                if pair not in seen:
                    seen.add(pair)
                    yield entries[pair[0]], entries[pair[1]]


class Groups:
    """Union-find over claim ids, with the figures that joined them."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}
        self.figures: dict[str, set[Figure]] = {}
        self.disputed: set[str] = set()
        """Claims of a joined pair whose figures differ beyond their qualifiers."""

    def find(self, x: str) -> str:
        while self.parent.setdefault(x, x) != x:
            x = self.parent[x]
        return x

    def join(self, a: Item, b: Item, fa: Figure | None = None, fb: Figure | None = None,
             disputed: bool = False) -> None:
        """Put ``a`` and ``b`` in one group, remembering the figures compared (``fa`` of
        ``a``, ``fb`` of ``b``) and whether they dispute each other."""
        ra, rb = self.find(a.claim_id), self.find(b.claim_id)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)
        if disputed:
            self.disputed.update((a.claim_id, b.claim_id))
        for item, figure in ((a, fa), (b, fb)):
            shared = self.figures.setdefault(item.claim_id, set())
            if figure is not None:
                shared.add(figure)

    def members(self) -> list[list[str]]:
        found: dict[str, list[str]] = {}
        for claim_id in sorted(self.parent):
            found.setdefault(self.find(claim_id), []).append(claim_id)
        return [ids for ids in found.values() if len(ids) > 1]
