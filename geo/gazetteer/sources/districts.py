"""Ukrainian districts as places of kind ``admin2``: the 136 raions and 1,766 hromadas of
2020 (OCHA COD-AB centroids) and the pre-2020 raions (Who's On First's county parents).

Why: reports place events by district — "Pokrovsk raion", "Pavlohrad district", "Ocheretyne
hromada", and before 2020 "Yasynuvata district" — and a district is neither its centre town
nor its oblast. Each is named as reports write it: the COD-AB adjective ("Pokrovskyi") in
every spelling, its Ukrainian and Russian forms, and the centre town's name ("Pokrovsk
raion"), found from the data — GeoNames' admin2 name, or the hromada whose centre (KATOTTG
number 001) shares the district's stem — never from a hand list.

Contract: :func:`read_districts` gives ``admin2`` records at a centroid (COD-AB for the
current units; the mean of the unit's Who's On First points for the old raions), precision
``district`` and approximate (no open polygons were found); every name states its type, so
a bare "Pokrovsk" stays the town. An old raion whose name a current raion of the oblast
also bears is not added (the current one is the place reports mean).
"""

from __future__ import annotations

import re
from pathlib import Path

from ... import config
from ... import geometry as geom
from ...model import Place
from ..names import adjective_forms, district_names, key
from ..translit import russian_latin
from .records import PRIORITY, Record, csv_rows, slug
from .ukraine import HROMADA_CODE, RAION_CODE, Tables

_ROOT_END = re.compile(r"(?:s|ts|z|ch|)k(?:yi|iy|y|ii|a|e)$|(?:sk|ska|a|e|y|i|ia|ie|ye|yi)$")
_NOT_RAION = re.compile(r"\d{2}00$")
"""COD-AB's oblast-level units (UA3200, UA8000, UA8500) are not raions."""


def _root(name: str) -> str:
    """The stem a district adjective and its centre town share: Pokrovskyi, Pokrovsk ->
    pokrov; Yasynuvatskyi, Yasynuvata -> yasynuvat; Sumskyi, Sumy -> sum."""
    return _ROOT_END.sub("", key(name))


def centre_town(adjective: str, towns: list[str]) -> str | None:
    """The town whose stem the district adjective carries (Polohivskyi -> Polohy), if any:
    their stems agree but for the last two letters (Tokmatskyi, Tokmak; Mezhivska, Mezhova:
    Ukrainian alternates o and i in the stem)."""
    root = _root(adjective)
    best = None
    for town in towns:
        other = _root(town)
        common = len(next((a for a in (root[:i] for i in range(len(root), 0, -1)) if other.startswith(a)), ""))
        if common >= 3 and common >= min(len(root), len(other)) - 2 and (best is None or common > best[0]):
            best = (common, town)
    return best[1] if best else None


def _names(level: str, latin: list[str], cyrillic: list[str], towns: list[str]) -> tuple[str, ...]:
    stems = [form for name in latin for form in adjective_forms(name)]
    stems += [form for name in cyrillic for n in russian_latin(name) for form in adjective_forms(n)]
    return tuple(dict.fromkeys(district_names(level, stems + towns + cyrillic)))


def _record(place_id: str, name: str, admin1: str, lonlat: tuple[float, float], source: str,
            names: tuple[str, ...]) -> Record:
    place = Place(id=place_id, name=name, kind="admin2", country="UA", admin1=admin1,
                  geometry=geom.point(*lonlat), precision="district", approximate=True, source=source)
    return Record(place, (name, *names), 0, PRIORITY["admin2"], names)


def _geonames_raions(data_dir: Path) -> dict[str, str]:
    """COD-AB raion pcode -> GeoNames' name of the raion's town ("UA.05.1416 Pokrovsk Raion")."""
    found = {}
    for _, row in csv_rows(data_dir / config.ADMIN2_FILE, {"code", "name", "geonameid"}):
        match = re.fullmatch(r"UA\.\d\d\.(\d{4})", row["code"])
        if match and row["name"].endswith(" Raion"):
            found["UA" + match.group(1)] = row["name"].removesuffix(" Raion")
    return found


def read_districts(data_dir: Path, tables: Tables) -> list[Record]:
    """Current raions and hromadas, and the old raions (see the module docstring)."""
    oblast, centres = {}, {}
    for _, row in tables.settlements:
        code = row["katottg"]
        oblast.setdefault(code[:RAION_CODE], row["oblast_iso"])
        if code[HROMADA_CODE:HROMADA_CODE + 3] == "001":
            centres.setdefault(code[:HROMADA_CODE], row["name_en"])
    towns_of: dict[str, list[str]] = {}
    for hromada, town in centres.items():
        towns_of.setdefault(hromada[:RAION_CODE], []).append(town)
    geonames = _geonames_raions(data_dir)
    records, current = [], set()
    for pcode, row in sorted(tables.centroids.items()):
        lonlat = (float(row["lon"]), float(row["lat"]))
        if row["level"] == "raion" and pcode in oblast and not _NOT_RAION.search(pcode):
            towns = [t for t in (geonames.get(pcode), centre_town(row["name_en"], towns_of.get(pcode, [])))
                     if t]
            names = _names("raion", [row["name_en"]], [row["name_uk"], row["name_ru"]], towns)
            records.append(_record(f"codab:{pcode}", f"{row['name_en']} Raion", oblast[pcode], lonlat,
                                   "codab", names))
            current.add((oblast[pcode], _root(row["name_en"])))
        elif row["level"] == "hromada" and pcode[:RAION_CODE] in oblast:
            town = centres.get(pcode)
            towns = [town] if town and centre_town(row["name_en"], [town]) else []
            names = _names("hromada", [row["name_en"]], [row["name_uk"], row["name_ru"]], towns)
            records.append(_record(f"codab:{pcode}", f"{row['name_en']} hromada", oblast[pcode[:RAION_CODE]],
                                   lonlat, "codab", names))
    return records + _old_raions(tables, current)


def _old_raions(tables: Tables, current: set[tuple[str, str]]) -> list[Record]:
    """Pre-2020 raions (Who's On First's county parents whose name is a raion adjective)."""
    points: dict[tuple[str, str], list[tuple[float, float]]] = {}
    for row in tables.wof.values():
        if row["old_raion"].endswith(("kyi", "kiy")) and row["admin1_iso"].startswith("UA-"):
            points.setdefault((row["admin1_iso"], row["old_raion"]), []).append(
                (float(row["lon"]), float(row["lat"])))
    towns_of: dict[str, list[str]] = {}
    for _, row in tables.settlements:
        if row["category"] in ("M", "X"):
            towns_of.setdefault(row["oblast_iso"], []).append(row["name_en"])
    records = []
    for (admin1, adjective), where in sorted(points.items()):
        if (admin1, _root(adjective)) in current:
            continue
        lonlat = (sum(p[0] for p in where) / len(where), sum(p[1] for p in where) / len(where))
        town = centre_town(adjective, towns_of.get(admin1, []))
        names = _names("raion", [adjective], [], [town] if town else [])
        records.append(_record(f"wof-raion:{admin1}-{slug(adjective)}", f"{adjective} Raion (before 2020)",
                               admin1, (round(lonlat[0], 5), round(lonlat[1], 5)), "whosonfirst", names))
    return records
