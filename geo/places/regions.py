"""Which level a bare name means when it is more than a settlement, outside Russia and Ukraine.

Why apart from :mod:`.resolution`: the Russian and Ukrainian regions share their names with
their capitals and are read by war cues ("the offensive in Kursk"); the world's regions,
continents and areas meet other namesakes, each with its own rule:

- a continent or area ("Asia", "Siberia", "Gaza") is never the village of the same name
  (África in Colombia, Siberia in Mexico, Gaza City has its own name);
- a country ("Georgia") is the country, unless the article names other regions of a
  country that has a region of that name (Ohio, Nevada → Georgia, US);
- a first-level region that is also a big city of its country ("Washington", "New York")
  is the city, as news means it, unless the text types it ("Washington state") or names its
  head ("Quebec Premier", "New York Governor");
- a region of a country the article does not name must be big (Scotland, Alberta), and
  not named like an English word ("Central", "Western").

Contract: pure functions of the candidates and the article's :class:`.ranking.Context`.
"""

from __future__ import annotations

from .. import geometry as geom
from .. import rules
from ..model import Candidate, Place
from . import forms
from .ranking import Context

AREA_KINDS = ("continent", "area")
HEAD_AFTER = rules.words("region-after") & rules.words("head-of")
"""The title of a region's head right after its name ("Quebec Premier", "Texas Governor"):
the name is the region, even where a big city shares it."""
HOME = ("RU", "UA")
"""Their regions are read by :mod:`.resolution`'s war and city cues."""
CITY_POPULATION = 100_000
"""A region's namesake city of its own country this big is what a bare name means."""
FAR_REGION_KM2 = 10_000
"""A region of a country the article does not name is read from its bare name only if it is
at least this big (Scotland, Hesse, Alberta): a small one (Alba county, Fiji's Western
division) is more likely a word, a party or a person."""


def area_or_country(cands: list[Candidate], ctx: Context | None) -> tuple[Candidate, str] | None:
    """A country, continent or area the bare name means, if any (see the module docstring)."""
    countries = [c for c in cands if c.place.kind == "country" and not c.loose]
    if countries:
        region = next((c for c in cands if c.place.kind == "admin1" and not c.loose
                       and c.place.country != countries[0].place.country and ctx is not None
                       and any(a.startswith(f"{c.place.country}-") and a != c.place.admin1
                               for a in ctx.regions)), None)
        if region is not None:
            return region, "a region of the country whose other regions the article names"
        return countries[0], "country name"
    for c in cands:
        if c.place.kind in AREA_KINDS and not c.loose:
            return c, f"{c.place.kind} name"
    return None


def lone_region(cands: list[Candidate], ctx: Context, cls: str | None) -> Candidate | None:
    """The first-level region outside Russia and Ukraine an untyped name means whatever
    else the article says (for the article's context): its only region, no country of that
    name, big or of a named country, not a common word."""
    found = [c for c in cands if c.place.kind == "admin1" and not c.loose]
    if len(found) != 1 or cls == "common word" or found[0].place.country in HOME or any(
            c.place.kind in ("country", *AREA_KINDS) for c in cands):
        return None
    region = found[0]
    big = region.place.country in ctx.countries or \
        _area_km2(region.place.id, region.place.geometry) >= FAR_REGION_KM2
    return region if big else None


def world_region(text: str, start: int, end: int, region: Candidate, cands: list[Candidate],
                 ctx: Context, cls: str | None) -> tuple[Place | None, str]:
    """A bare name that is a first-level region outside Russia and Ukraine."""
    surface = text[start:end]
    if forms.next_word(text, end) in HEAD_AFTER:
        return region.place, f"{surface!r} before the title of its head"
    city = max((c for c in cands if c.place.kind == "settlement" and not c.loose
                and c.place.country == region.place.country and c.population >= CITY_POPULATION),
               key=lambda c: c.population, default=None)
    if city is not None:
        return city.place, f"bare {surface!r} read as the city: a big city of the region's country"
    if region.place.country in ctx.countries:
        return region.place, f"bare {surface!r}: a first-level region of a country the article names"
    if cls == "common word":
        return None, f"{surface!r} is a common word and no other place of {region.place.country} is named"
    if _area_km2(region.place.id, region.place.geometry) < FAR_REGION_KM2:
        return None, f"{surface!r} is only a small region of a country the article does not name"
    return region.place, f"bare {surface!r}: a first-level region"


_AREAS: dict[str, float] = {}


def _area_km2(place_id: str, geometry: dict) -> float:
    if place_id not in _AREAS:
        _AREAS[place_id] = geom.area_km2(geometry)
    return _AREAS[place_id]
