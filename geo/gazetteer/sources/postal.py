"""The Russian border oblasts' villages and raions: GeoNames postal places (Kursk, Belgorod,
Bryansk, Voronezh, Rostov) and GeoNames' admin2 names.

Why: cities500 has 41 places in Kursk oblast; reports name the villages and the districts
("Sudzhansky District", "Krasnoyaruzhsky district", "Grayvoronsky municipal district").
The postal layer marks which points are real settlement positions (``usable``: accuracy 4
and inside the oblast; median 0.56 km off in the brief's check); the others are estimates
(a namesake's point, or an average of neighbouring postcodes), good for the name and raion
only (data/gazetteer/SOURCES.md §D).

Contract: :func:`read_postal` gives a settlement per postal place — a ``usable`` one at its
point (precision ``settlement``), the rest at their raion's centroid (precision
``district``, approximate), or at their oblast's polygon when the raion has no usable point
(precision ``region``, approximate) — and an ``admin2`` record per raion, at the mean of its
usable points, named in every spelling ("Sudzhanskiy Rayon", "Sudzhansky District",
"Суджанский район"), with GeoNames' id and name when GeoNames' admin2 list has the raion.
The curated theatre rows win over these (:mod:`.merge`).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from ... import config
from ... import geometry as geom
from ...errors import GazetteerError
from ...model import Place
from ..names import adjective_forms, district_names, key, loose_key
from ..translit import russian_latin
from .records import PRIORITY, Record, csv_rows, slug

_TYPE_SUFFIXES = (" rayon", " raion", " district", " municipal district", " gorodskoy okrug",
                  " urban district", " urban okrug", " municipal okrug")


def _adjective(name: str) -> str:
    """"Sudzhanskiy Rayon" -> "sudzhanskiy" (a GeoNames or postal raion name's adjective)."""
    name = key(name)
    for suffix in _TYPE_SUFFIXES:
        name = name.removesuffix(suffix)
    return name


def _geonames_admin2(data_dir: Path, raions: dict[tuple[str, str], str]) -> dict[tuple[str, str], list[dict]]:
    """GeoNames admin2 rows of each postal raion ((oblast, loose adjective) -> rows). GeoNames
    numbers its admin-1 regions its own way (RU.41 = Kursk): each code is mapped to the oblast
    whose postal raions its names match most often."""
    rows = [r for _, r in csv_rows(data_dir / config.ADMIN2_FILE, {"code", "name", "geonameid"})
            if r["code"].startswith("RU.")]
    by_adjective = {}
    for (oblast, adjective) in raions:
        by_adjective.setdefault(adjective, set()).add(oblast)
    votes: dict[str, Counter] = {}
    for row in rows:
        for oblast in by_adjective.get(loose_key(_adjective(row["name"])), ()):
            votes.setdefault(row["code"][:5], Counter())[oblast] += 1
    region_of = {code: count.most_common(1)[0][0] for code, count in votes.items()
                 if count.most_common(1)[0][1] >= 3}
    found: dict[tuple[str, str], list[dict]] = {}
    for row in rows:
        oblast = region_of.get(row["code"][:5])
        wanted = (oblast, loose_key(_adjective(row["name"])))
        if oblast and wanted in raions:
            found.setdefault(wanted, []).append(row)
    return found


def read_postal(data_dir: Path, admin1: list[Record]) -> list[Record]:
    """Postal settlements and their raions (see the module docstring)."""
    path = data_dir / config.POSTAL_FILE
    polygons = {r.place.admin1: r.place.geometry for r in admin1}
    rows = csv_rows(path, {"name_ru", "name_en", "oblast_iso", "raion_ru", "raion_en", "lat", "lon",
                           "usable"})
    points: dict[tuple[str, str], list[tuple[float, float]]] = {}
    raion_names: dict[tuple[str, str], tuple[str, str]] = {}
    for line, row in rows:
        if row["oblast_iso"] not in polygons:
            raise GazetteerError(f"unknown oblast {row['oblast_iso']!r}", path, line)
        if row["raion_en"]:
            group = (row["oblast_iso"], loose_key(_adjective(row["raion_en"])))
            raion_names.setdefault(group, (row["raion_en"], row["raion_ru"]))
            if row["usable"] == "1":
                points.setdefault(group, []).append((float(row["lon"]), float(row["lat"])))
    centres = {g: (round(sum(p[0] for p in ps) / len(ps), 5), round(sum(p[1] for p in ps) / len(ps), 5))
               for g, ps in points.items()}
    records = [_settlement(row, centres, polygons) for _, row in rows]
    geonames = _geonames_admin2(data_dir, raion_names)
    for group, (raion_en, raion_ru) in sorted(raion_names.items()):
        if group in centres:
            records.append(_raion(group, raion_en, raion_ru, centres[group], geonames.get(group, [])))
    return records


def _settlement(row: dict[str, str], centres: dict, polygons: dict) -> Record:
    oblast = row["oblast_iso"]
    group = (oblast, loose_key(_adjective(row["raion_en"]))) if row["raion_en"] else None
    if row["usable"] == "1":
        geometry, precision = geom.point(float(row["lon"]), float(row["lat"])), "settlement"
    elif group in centres:
        geometry, precision = geom.point(*centres[group]), "district"
    else:
        geometry, precision = polygons[oblast], "region"
    ident = f"postal:{oblast}-{slug(row['name_en'])}" + (f"-{slug(_adjective(row['raion_en']))}"
                                                         if row["raion_en"] else "")
    place = Place(id=ident, name=row["name_en"], kind="settlement", country="RU", admin1=oblast,
                  geometry=geometry, precision=precision, approximate=precision != "settlement",
                  source="geonames_postal")
    names = (row["name_en"], row["name_ru"], *russian_latin(row["name_ru"]))
    return Record(place, tuple(dict.fromkeys(names)), 0, PRIORITY["postal"])


def _raion(group: tuple[str, str], raion_en: str, raion_ru: str, lonlat: tuple[float, float],
           geonames: list[dict]) -> Record:
    oblast = group[0]
    adjective_ru = raion_ru.removesuffix(" район")
    latin = [raion_en.rsplit(" ", 1)[0], *russian_latin(adjective_ru)]
    stems = [form for name in latin for form in adjective_forms(name)] + [adjective_ru]
    names = tuple(dict.fromkeys([raion_en, raion_ru, *(r["name"] for r in geonames),
                                 *district_names("raion", stems)]))
    ident = f"geonames:{geonames[0]['geonameid']}" if geonames else f"postal-raion:{oblast}-{slug(raion_en)}"
    name = f"{adjective_forms(latin[0])[1] if len(adjective_forms(latin[0])) > 1 else latin[0]} District"
    place = Place(id=ident, name=name, kind="admin2", country="RU", admin1=oblast,
                  geometry=geom.point(*lonlat), precision="district", approximate=True,
                  source="geonames_postal")
    return Record(place, (name, *names), 0, PRIORITY["admin2"], names)
