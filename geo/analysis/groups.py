"""Candidate pairs and groups of claims for :mod:`.compare`.

Why apart from the rules of comparison: these are the data structures — the pairs worth
comparing (:func:`near_pairs`: a sweep over periods within blocks, so the figures compared
grow with the claims that can be about the same thing, not with the square of the layer's
claims of one subject) and the union-find that joins pairs into groups (:class:`Groups`).
Deterministic: groups do not depend on the order pairs come in.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Callable, Hashable, Iterable, Iterator, TypeVar

from ..model import Figure

T = TypeVar("T")


def near_pairs(entries: list[tuple[Any, T]], block: Callable[[Any], Iterable[Hashable]],
               reach_days: int) -> Iterator[tuple[tuple[Any, T], tuple[Any, T]]]:
    """Each pair of ``entries`` — (item, payload), an item having ``period`` (start, end
    dates) — that share a block key (``block``: an item's keys) and whose periods start
    within ``reach_days`` of the other's end, once, in entry order."""
    blocks: dict[Hashable, list[int]] = {}
    for index, (item, _) in enumerate(entries):
        for key in block(item):
            blocks.setdefault(key, []).append(index)
    seen: set[tuple[int, int]] = set()
    reach = dt.timedelta(days=reach_days)
    for key in sorted(blocks, key=repr):
        ordered = sorted(blocks[key], key=lambda i: (entries[i][0].period[0], i))
        for at, i in enumerate(ordered):
            end = entries[i][0].period[1] + reach
            for j in ordered[at + 1:]:
                if entries[j][0].period[0] > end:
                    break  # sorted by start: no later one is within reach either
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

    def join(self, a, b, fa: Figure | None = None, fb: Figure | None = None,
             disputed: bool = False) -> None:
        """Put claims ``a`` and ``b`` (items with a ``claim_id``) in one group, remembering
        the figures compared (``fa`` of ``a``, ``fb`` of ``b``) and whether they dispute."""
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
