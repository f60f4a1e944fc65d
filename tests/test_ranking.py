"""Tests for geo.places.ranking: ranking namesakes measures distances only where they can
change the order, and gives the order of the full coherence key."""

from __future__ import annotations

import dataclasses
import math

from hypothesis import given, settings
from hypothesis import strategies as st

from factories import place
from geo import geometry as geom
from geo.model import Candidate
from geo.places.ranking import Context, rank

POINTS = [(35.25, 51.24), (35.26, 51.19), (36.19, 51.73), (34.8, 50.91), (30.52, 50.45), (37.6, 55.75)]


def reference_key(cand: Candidate, ctx: Context) -> tuple:
    """The coherence key as first written, every distance measured."""
    here = cand.place
    coherent = here.admin1 in ctx.admin1s or here.country in ctx.countries
    far = geom.nearest_km(cand.lonlat, ctx.prepared)
    return (cand.loose, here.admin1 not in ctx.admin1s, not coherent,
            int(math.log2(1 + far / 50)) if coherent else 0,
            cand.priority, -cand.population, here.id)


@st.composite
def candidates(draw) -> Candidate:
    where = dataclasses.replace(
        place(f"test:{draw(st.integers(0, 9))}"),
        admin1=draw(st.sampled_from(["RU-KRS", "RU-BEL", "UA-59", None])),
        country=draw(st.sampled_from(["RU", "UA", "BY"])))
    return Candidate(where, draw(st.sampled_from([0, 500, 20_000])), draw(st.integers(0, 2)),
                     False, draw(st.booleans()), draw(st.sampled_from(POINTS)))


def context(admin1s: set[str], countries: set[str], points: set[tuple[float, float]]) -> Context:
    return Context(countries=countries, admin1s=admin1s, points=points,
                   prepared=geom.prepare_points(points))


contexts = st.builds(
    context,
    st.sets(st.sampled_from(["RU-KRS", "RU-BEL", "UA-59"])), st.sets(st.sampled_from(["RU", "UA"])),
    st.sets(st.sampled_from(POINTS)))


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.lists(candidates(), max_size=7), contexts)
def test_rank_is_the_order_of_the_full_coherence_key(cands, ctx):
    ranked = rank(cands, ctx)
    assert [id(c) for c in ranked] == [id(c) for c in sorted(cands, key=lambda c: reference_key(c, ctx))]


def test_a_lone_candidate_or_a_unique_region_needs_no_distance():
    ctx = context({"RU-KRS"}, {"RU"}, {POINTS[0]})
    near = Candidate(place("test:near"), 0, 0, False, False, POINTS[1])
    assert rank([near], ctx) == [near] and not ctx.nearest
    elsewhere = Candidate(dataclasses.replace(place("test:far"), admin1="UA-59", country="UA"),
                          0, 0, False, False, POINTS[4])
    assert rank([elsewhere, near], ctx) == [near, elsewhere] and not ctx.nearest
