"""The curated lists: the border-theatre places and the landmarks (rivers, facilities).

The theatre list (``kursk_theatre_places.csv``) is hand-checked, with coordinates; its rows
that GeoNames also has keep their GeoNames id. The landmarks (``landmarks.csv``) are a few
rivers and facilities, each row with its source page. Sources and licences:
docs/gazetteer.md.
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


def read_landmarks(data_dir: Path, admin1: list[Record]) -> list[Record]:
    """Rivers and facilities reports cite (the Dnipro, the Zaporizhzhia nuclear plant, the
    Kerch bridge), kind ``other``, each row naming its source page. A river is a line, so it
    is drawn at a label point marked approximate. Every name in the file denotes the
    landmark alone (no bare "Dnipro", which is the city), so all are typed: the text asks
    for the landmark."""
    path = data_dir / config.LANDMARKS_FILE
    codes = {r.place.admin1 for r in admin1}
    records = []
    for line, row in csv_rows(path, {"id", "name", "alt_names", "lat", "lon", "approximate",
                                     "admin1", "source_url"}):
        if row["admin1"] not in codes or not row["source_url"].startswith("https://"):
            raise GazetteerError("a landmark needs a known admin1 and a source_url", path, line)
        try:
            geometry = geom.point(float(row["lon"]), float(row["lat"]))
        except ValueError:
            raise GazetteerError(f"bad coordinates {row['lat']!r}, {row['lon']!r}", path, line) from None
        approximate = row["approximate"] == "1"
        place = Place(id=row["id"], name=row["name"], kind="other", country=row["admin1"][:2],
                      admin1=row["admin1"], geometry=geometry,
                      precision="region" if approximate else "settlement", approximate=approximate,
                      source="landmarks")
        names = tuple(dict.fromkeys([row["name"], *(n for n in row["alt_names"].split("|") if n)]))
        records.append(Record(place, names, 0, PRIORITY["landmark"], names))
    return records
