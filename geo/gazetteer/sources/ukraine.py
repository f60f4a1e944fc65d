"""Every Ukrainian settlement: the KATOTTG 2025 codifier, Who's On First names and points,
OCHA COD-AB centroids where a settlement has no point.

Why these three together: KATOTTG is the official list (29,705 settlements, their raion and
hromada, 2024 names such as Krynychne for Lastochkyne); the data brief joined 72 % of them to
a Who's On First locality, whose record brings the names reports also use — the pre-rename
name, the Russian name (Авдеевка, Очеретино) and its romanisation; COD-AB gives each hromada
and raion a centroid, so a settlement without a point is drawn at its hromada (else its
raion), with that precision said, never as its whole oblast (data/gazetteer/SOURCES.md,
docs/gazetteer.md).

Contract: :func:`read_tables` reads the three files once (they also feed
:mod:`.districts`); :func:`read_settlements` gives one record per settlement: id
``geonames:<id>`` when its Who's On First record is a GeoNames place the index already has
(the two records then merge into one place), else ``katottg:<code>``; precision
``settlement`` with a point, ``hromada`` or ``district`` (approximate) at a centroid. A point
the brief flags as far from its hromada (``far_flag``, > 30 km: a doubtful join) is not
trusted: the settlement is drawn at its hromada's centroid.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ... import config
from ... import geometry as geom
from ...errors import GazetteerError
from ...model import Place
from ..names import key
from ..translit import russian_latin, ukrainian_bgn
from .records import PRIORITY, Record, csv_rows

HROMADA_CODE, RAION_CODE = 9, 6
"""A KATOTTG settlement code starts with its hromada's (9 characters) and raion's (6) COD-AB pcode."""


@dataclass(frozen=True)
class Tables:
    """The Ukrainian source rows, read once per build."""

    settlements: list[tuple[int, dict[str, str]]]
    wof: dict[str, dict[str, str]]
    centroids: dict[str, dict[str, str]]
    forms: dict[str, list[str]]


def read_tables(data_dir: Path) -> Tables:
    """The KATOTTG, Who's On First, COD-AB and curated name-form rows."""
    settlements = csv_rows(data_dir / config.KATOTTG_FILE,
                           {"katottg", "category", "name_uk", "name_en", "oblast_iso", "lat", "lon",
                            "wof_id", "far_flag"})
    wof = {row["wof_id"]: row for _, row in csv_rows(
        data_dir / config.WOF_FILE, {"wof_id", "geonames_id", "name", "name_uk", "name_ru", "name_en",
                                     "lat", "lon", "admin1_iso", "old_raion"})}
    centroids = {row["pcode"]: row for _, row in csv_rows(
        data_dir / config.CODAB_FILE, {"level", "pcode", "parent_pcode", "name_en", "name_uk",
                                       "name_ru", "lat", "lon"})}
    forms: dict[str, list[str]] = {}
    for _, row in csv_rows(data_dir / config.UA_NAME_FORMS_FILE, {"katottg", "name", "source_url"}):
        forms.setdefault(row["katottg"], []).append(row["name"])
    return Tables(settlements, wof, centroids, forms)


def _same_start(alias: str, name: str) -> bool:
    """Who's On First's ``name:ukr`` is sometimes another place's name (Кипуче on Artemivsk):
    a Cyrillic alias is kept only when it starts like the record's own name."""
    return bool(alias) and key(alias)[:1] == key(name)[:1]


def wof_names(row: dict[str, str]) -> list[str]:
    """The names a Who's On First locality gives: its own, the Ukrainian and Russian ones
    (checked by :func:`_same_start`), the Russian name's romanisations and the English name
    when it starts like them."""
    names = [row["name"]] + [n for n in (row["name_uk"], row["name_ru"]) if _same_start(n, row["name"])]
    latin = [form for n in names[1:] for form in russian_latin(n)] if row["name_ru"] else []
    latin += [form for n in names if n and n[0] >= "\u0400" for form in ukrainian_bgn(n)]
    initials = {key(n)[:1] for n in latin} | {key(row["name"])[:1]}
    if row["name_en"] and key(row["name_en"])[:1] in initials:
        latin.append(row["name_en"])
    return names + latin


def centroid(tables: Tables, code: str) -> tuple[dict[str, float], str] | None:
    """(point, precision) of the hromada, else the raion, a settlement code lies in."""
    for length, precision in ((HROMADA_CODE, "hromada"), (RAION_CODE, "district")):
        row = tables.centroids.get(code[:length])
        if row is not None:
            return geom.point(float(row["lon"]), float(row["lat"])), precision
    return None


def read_settlements(data_dir: Path, tables: Tables, geonames_ids: set[str]) -> list[Record]:
    """One record per KATOTTG settlement (see the module docstring)."""
    path = data_dir / config.KATOTTG_FILE
    records = []
    for line, row in tables.settlements:
        code = row["katottg"]
        wof = tables.wof.get(row["wof_id"]) if row["wof_id"] else None
        if row["lat"] and row["far_flag"] != "1":
            geometry, precision = geom.point(float(row["lon"]), float(row["lat"])), "settlement"
        else:
            found = centroid(tables, code)
            if found is None:
                raise GazetteerError(f"settlement {code} has neither a point nor a centroid", path, line)
            geometry, precision = found
        gid = wof["geonames_id"] if wof else ""
        place = Place(
            id=f"geonames:{gid}" if gid in geonames_ids else f"katottg:{code}", name=row["name_en"],
            kind="settlement", country="UA", admin1=row["oblast_iso"], geometry=geometry,
            precision=precision, approximate=precision != "settlement", source="katottg")
        names = [row["name_en"], row["name_uk"], *ukrainian_bgn(row["name_uk"]),
                 *(wof_names(wof) if wof else ()), *tables.forms.get(code, ())]
        records.append(Record(place, tuple(dict.fromkeys(n for n in names if n)), 0,
                              PRIORITY["katottg"]))
    return records
