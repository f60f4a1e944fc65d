"""The world beyond Russia and Ukraine: first-level regions, continents and world regions,
and the English names news gives countries.

Why a source of its own: reports about the war name Ohio, Bavaria, Scotland, Europe, the
Middle East or Donbas; without these the worldwide populated-places list turns "Scotland"
into a village in the US and "Siberia" into one in Mexico. The files are made by the scripts
in ``data/gazetteer/scripts/`` from Natural Earth, Unicode CLDR and GeoNames (docs/gazetteer.md, data notice).

Contract: :func:`read_world_admin1` gives one ``admin1`` record per region (polygon, ISO
3166-2 id, CLDR's English name first); :func:`read_world_regions` gives ``continent`` and
``area`` records, drawn as their point or as the union of their members' polygons;
:func:`country_names` maps ISO 3166-1 codes to CLDR's English names; :func:`geonames_admin1`
maps a GeoNames admin-1 code ("DE.02") to the ISO code of the region ("DE-BY"), so a city
gets its region without a point-in-polygon test. Errors name the file (and line).
"""

from __future__ import annotations

import json
from pathlib import Path

from shapely.ops import unary_union

from ... import config
from ... import geometry as geom
from ...errors import GazetteerError
from ...model import Place
from ..names import key, region_aliases
from .records import PRIORITY, Record, csv_rows

KINDS = ("continent", "area")


def _features(data_dir: Path) -> list[dict]:
    path = data_dir / config.WORLD_ADMIN1_FILE
    try:
        return json.loads(path.read_text(encoding="utf-8"))["features"]
    except (OSError, ValueError, KeyError) as exc:
        raise GazetteerError(f"cannot read world regions: {exc}", path) from None


def read_world_admin1(data_dir: Path) -> list[Record]:
    """First-level regions of every other country (Natural Earth, simplified; CLDR names)."""
    records = []
    for feature in _features(data_dir):
        props = feature["properties"]
        code, name = props["iso_3166_2"], props["name"]
        # "X region" is English for an area around X ("the Danube region"), not a type
        typed = [n for n in region_aliases(name)[1:] if not n.endswith(" region")] + [f"{name} state"]
        names = [name, *typed, *(n for n in props["names"] if len(key(n)) >= 3)]
        place = Place(id=f"iso:{code}", name=name, kind="admin1", country=props["country_iso2"],
                      admin1=code, geometry=feature["geometry"], precision="region",
                      approximate=False, source="naturalearth")
        records.append(Record(place, tuple(dict.fromkeys(names)), 0, PRIORITY["admin1"], tuple(typed)))
    return records


def geonames_admin1(data_dir: Path) -> dict[str, str]:
    """GeoNames admin-1 code ("DE.02") -> ISO 3166-2 code ("DE-BY")."""
    return {gn: f["properties"]["iso_3166_2"] for f in _features(data_dir)
            for gn in f["properties"]["geonames_admin1"]}


def read_world_regions(data_dir: Path, polygons: dict[str, dict]) -> list[Record]:
    """Continents and world regions; ``polygons`` maps ISO codes ("DE", "UA-14") to the
    geometries their members are drawn with."""
    path = data_dir / config.WORLD_REGIONS_FILE
    records = []
    for line, row in csv_rows(path, {"id", "name", "alt_names", "kind", "members", "lat", "lon",
                                     "source"}):
        if row["kind"] not in KINDS or not row["source"]:
            raise GazetteerError(f"kind must be one of {', '.join(KINDS)}, with a source", path, line)
        if row["lat"]:
            try:
                geometry, approximate = geom.point(float(row["lon"]), float(row["lat"])), True
            except ValueError:
                raise GazetteerError(f"bad coordinates {row['lat']!r}, {row['lon']!r}", path, line) from None
        else:
            missing = [m for m in row["members"].split() if m not in polygons]
            if missing or not row["members"]:
                raise GazetteerError(f"member {missing[0] if missing else '(none)'!r} has no polygon",
                                     path, line)
            shapes = [geom.from_geojson(polygons[m]) for m in row["members"].split()]
            geometry, approximate = geom.to_geojson(unary_union(shapes).buffer(0)), False
        countries = {m[:2] for m in row["members"].split()}
        place = Place(id=row["id"], name=row["name"], kind=row["kind"],
                      country=countries.pop() if len(countries) == 1 else None, admin1=None,
                      geometry=geometry, precision="region", approximate=approximate,
                      source="world_regions")
        names = [row["name"], *(n for n in row["alt_names"].split("|") if n)]
        records.append(Record(place, tuple(dict.fromkeys(names)), 0, PRIORITY["admin1"]))
    return records


def country_names(data_dir: Path) -> dict[str, tuple[str, ...]]:
    """ISO 3166-1 alpha-2 -> CLDR's English names and their short and variant forms."""
    path = data_dir / config.COUNTRY_NAMES_FILE
    found: dict[str, list[str]] = {}
    for _, row in csv_rows(path, {"iso2", "name", "source"}):
        found.setdefault(row["iso2"], []).append(row["name"])
    return {iso2: tuple(dict.fromkeys(names)) for iso2, names in found.items()}
