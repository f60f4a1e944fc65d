"""Lists of place names, whose members share what the text says of one of them.

Why apart: "the Belgorod, Kursk and Bryansk regions" names three regions though only the
last stands by the region word, and "… Olhivske and Charivne" lists two villages of which
one may lack evidence of its own; both read the same list shape (:data:`.forms.LIST_GAP`).
Pure functions of the text, the spots and (for the second) the readings.
"""

from __future__ import annotations

import re

from . import spotting
from .forms import LIST_GAP

_PLURAL_REGION = re.compile(r"[ \t\u00a0]+(?:regions|oblasts|provinces)\b", re.IGNORECASE)


def listed_regions(text: str, spots: list[spotting.Spot]) -> frozenset[int]:
    """Indices of the spots in a list of two or more names closed by a plural region word:
    "the Belgorod, Kursk and Bryansk regions" names three regions, whatever the cues around
    them, though only the last name is next to the region word."""
    listed: set[int] = set()
    for i in (i for i, last in enumerate(spots) if _PLURAL_REGION.match(text, last.end)):
        first = i
        while first > 0 and LIST_GAP.fullmatch(text, spots[first - 1].end, spots[first].start):
            first -= 1
        listed.update(range(first, i + 1) if first < i else ())
    return frozenset(listed)


def listed_together(text: str, spots: list[spotting.Spot], readings: list[tuple]) -> list[tuple]:
    """Readings with the evidence of a list shared: a settlement left without evidence
    ("… Olhivske and Charivne") is kept when a name it is listed with is a place."""
    out = list(readings)
    for order in (range(1, len(out)), range(len(out) - 2, -1, -1)):
        for i in order:
            j = i - 1 if order.step == 1 else i + 1
            place, _, pending = out[i]
            left, right = (spots[j], spots[i]) if j < i else (spots[i], spots[j])
            if place is None and pending is not None and out[j][0] is not None \
                    and LIST_GAP.fullmatch(text, left.end, right.start):
                out[i] = pending[0], f"{pending[1]}; listed with {text[spots[j].start:spots[j].end]!r}", None
    return out
