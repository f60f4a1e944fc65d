"""Ranking the namesakes of a place name by coherence with the rest of the article.

Contract: :func:`rank` sorts the candidates by their coherence key (stable: equal keys keep
the gazetteer's order), and :func:`own_name_first` picks the best of them; both are pure
given the article's :class:`Context`. :mod:`.resolution` decides when a name needs ranking at
all (a typed name, a region or a country does not).

Why :func:`rank` does not simply compute the whole key of every candidate: its distance part
costs a great-circle distance to every other place of the article, and it can only change
the order between candidates that tie on everything before it (exactness, region, country).
So it is measured for those candidates only, and a lone candidate is not sorted at all.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

from .. import geometry as geom
from ..gazetteer.names import key, loose_key
from ..model import Candidate

SAME_LOCALITY_KM = 25.0
"""Namesakes in one region this close are one locality: a town and the suburb or district
centre whose GeoNames alternate names repeat the town's name (L'govskiy lists "Lgov")."""


@dataclass
class Context:
    """What the whole article says, used to read each ambiguous name."""

    countries: set[str]
    admin1s: set[str]
    points: set[tuple[float, float]]
    homes: set[str] = field(default_factory=set)
    """Countries of the article's unambiguous regions and settlements (not of its bare
    country names: "US aid" does not put American towns in play)."""
    regions: set[str] = field(default_factory=set)
    """ISO codes of the first-level regions the article names as regions."""
    prepared: tuple = ()
    """``points`` ready for :func:`geom.nearest_km` (set once the context is complete)."""
    nearest: dict[tuple[float, float], float] = field(default_factory=dict)
    """Memo of :func:`nearest_km` per candidate point (an article asks about the same few)."""
    neighbours: tuple = ()
    """The article's other settlements as first resolved (:func:`geom.prepare_points`
    output), for a second reading of namesakes in one region: measured like ``points``
    (Levadne near Hulyaipole, not the Levadne 90 km away). Set by :mod:`.resolution`."""
    current: str = ""
    """The key of the name being ranked (set by :mod:`.resolution`): a prominent city must
    bear it as its own name."""


def nearest_km(cand: Candidate, ctx: Context) -> float:
    """Distance from the candidate to the nearest of the article's unambiguous places (and,
    on a second reading, of its other names' first readings)."""
    here = cand.lonlat
    if here not in ctx.nearest:
        ctx.nearest[here] = geom.nearest_km(here, ctx.prepared)
    if not ctx.neighbours:
        return ctx.nearest[here]
    return min(ctx.nearest[here], geom.nearest_km(here, ctx.neighbours))


PROMINENT_POPULATION = 100_000
"""A city this big is in play wherever the article is: "Kryvyi Rih" in a report on the
Kherson region is the city of 600,000, not the Kherson oblast village of that name."""


def _prominent(cand: Candidate, ctx: Context) -> bool:
    """A big city bearing the name being read as its own, in any romanisation (GeoNames'
    "Kryvyy Rih" is "Kryvyi Rih"), not as one of its aliases (GeoNames lists "Pokrovsk",
    Engels' old name, among Engels' names)."""
    return cand.place.kind == "settlement" and cand.population >= PROMINENT_POPULATION \
        and loose_key(cand.place.name) == loose_key(ctx.current)


def _head(cand: Candidate, ctx: Context) -> tuple[bool, bool, bool]:
    """The first three parts of the key: exactness, region, country (a prominent city counts
    as inside the article's region)."""
    place = cand.place
    outside = place.admin1 not in ctx.admin1s and not _prominent(cand, ctx)
    return cand.loose, outside, outside and place.country not in ctx.countries


def _key(cand: Candidate, head: tuple[bool, bool, bool], ctx: Context, measure: bool) -> tuple:
    """The whole key; its distance part is 0 unless ``measure`` (and the place is coherent)."""
    # log-scale distance: 50 km vs 600 km matters (Loknya), 7,500 vs 8,000 km does not
    far = int(math.log2(1 + nearest_km(cand, ctx) / 50)) if measure and not head[2] \
        and not _prominent(cand, ctx) else 0
    return (*head, far, cand.place.approximate, cand.priority, -cand.population, cand.place.id)


def rank(cands: list[Candidate], ctx: Context) -> list[Candidate]:
    """The candidates best first: exact before transliteration-folded, in a region the
    article names (or a prominent city), in a country it names, near its other places (for a
    candidate in such a region or country; a prominent city counts as near), placed at its
    own point before one drawn at a centroid, then source priority, population and id. The distance is measured
    only for candidates that tie on the first three: for the others it cannot matter."""
    if len(cands) < 2:
        return list(cands)
    heads = [_head(c, ctx) for c in cands]
    ties = Counter(heads)
    keys = [_key(c, head, ctx, ties[head] > 1) for c, head in zip(cands, heads)]
    return [cands[i] for i in sorted(range(len(cands)), key=keys.__getitem__)]


def own_name_first(surface: str, ranked: list[Candidate]) -> Candidate:
    """The best-ranked candidate, unless it only carries ``surface`` as an alias and a
    namesake of the same locality (same region, within SAME_LOCALITY_KM) bears it as its own
    name: GeoNames repeats a town's name among its neighbour's alternates, and the bigger
    neighbour would otherwise win on population. Looks only at this name's candidates."""
    best = ranked[0]
    wanted = key(surface)
    if key(best.place.name) == wanted or best.place.admin1 is None:
        return best
    for cand in ranked[1:]:
        if (cand.loose == best.loose and cand.place.admin1 == best.place.admin1
                and key(cand.place.name) == wanted
                and geom.distance_km(cand.lonlat, best.lonlat) <= SAME_LOCALITY_KM):
            return cand
    return best
