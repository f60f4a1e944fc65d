"""The curated lists: the border-theatre places and the Ukrainian KATOTTG settlements.

The theatre list (``kursk_theatre_places.csv``) is hand-checked, with coordinates; its rows
that GeoNames also has keep their GeoNames id. KATOTTG gives Ukrainian settlements by name
only, so each is placed at its oblast's polygon and flagged approximate — never at an
invented point. Sources and licences: docs/gazetteer.md.
"""

from __future__ import annotations

import re
from pathlib import Path

from ... import config
from ... import geometry as geom
from ...errors import GazetteerError
from ...model import Place
from ..names import key
from .records import PRIORITY, Record, csv_rows, slug

def region_codes(admin1: list[Record]) -> dict[str, str]:
    """Map any region name key ("kursk oblast", "sumy") to its ISO 3166-2 code."""
    codes: dict[str, str] = {}
    for record in admin1:
        for name in record.names:
            codes.setdefault(key(name), record.place.admin1 or "")
        codes[key(record.place.admin1 or "")] = record.place.admin1 or ""
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
            country="UA" if codes.get(key(row["admin1"]), "").startswith("UA") else "RU",
            admin1=codes.get(key(row["admin1"])), geometry=geom.point(lon, lat),
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
