"""Make the theatre-wide gazetteer files of data/gazetteer/ from the project's data brief.

Why a script: the brief's files (``../shared/data/``, provenance in its SOURCES.md, sections
A–E) are large CSVs with columns the gazetteer never reads; shipped as they are they would
triple the repository's data. This keeps only the columns the readers in
``geo/gazetteer/sources/`` use, keeps every row and its order, and writes gzip files with a
zero timestamp, so the same input gives byte-identical output.

Kept columns (file → columns):
- ``ua_settlements_katottg2025.csv.gz``: katottg, category, name_uk, name_en, oblast_iso,
  lat, lon, wof_id (the number of ``coord_source`` ``wof:<id>``), far_flag;
- ``ua_wof_localities.csv.gz``: wof_id, geonames_id, name, name_uk, name_ru, name_en, lat,
  lon, admin1_iso, old_raion;
- ``ua_codab_admin_centroids.csv.gz``: all columns;
- ``ru_border_geonames_postal_places.csv.gz``: name_ru, name_en, oblast_iso, raion_ru,
  raion_en, lat, lon, usable;
- ``geonames_admin2_ru_ua.csv.gz``: code, name, geonameid (the TSV's asciiname repeats name).

Usage: ``python data/gazetteer/scripts/make_theatre_wide.py SHARED_DATA_DIR DATA_DIR``.
"""

from __future__ import annotations

import csv
import gzip
import io
import sys
from pathlib import Path

FILES = {
    "ua_settlements_katottg2025.csv": ("ua_settlements_katottg2025.csv.gz",
        ("katottg", "category", "name_uk", "name_en", "oblast_iso", "lat", "lon", "wof_id", "far_flag")),
    "ua_wof_localities.csv": ("ua_wof_localities.csv.gz",
        ("wof_id", "geonames_id", "name", "name_uk", "name_ru", "name_en", "lat", "lon",
         "admin1_iso", "old_raion")),
    "ua_codab_admin_centroids.csv": ("ua_codab_admin_centroids.csv.gz",
        ("level", "pcode", "parent_pcode", "name_en", "name_uk", "name_ru", "lat", "lon")),
    "ru_border_geonames_postal_places.csv": ("ru_border_geonames_postal_places.csv.gz",
        ("name_ru", "name_en", "oblast_iso", "raion_ru", "raion_en", "lat", "lon", "usable")),
    "geonames_admin2_ru_ua.tsv": ("geonames_admin2_ru_ua.csv.gz", ("code", "name", "geonameid")),
}


def convert(source: Path, target: Path, columns: tuple[str, ...]) -> int:
    """Write ``columns`` of ``source`` (CSV, or TSV by suffix) to gzip ``target``; rows written."""
    delimiter = "\t" if source.suffix == ".tsv" else ","
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    count = 0
    with source.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter=delimiter):
            if "coord_source" in row:
                row["wof_id"] = row["coord_source"].removeprefix("wof:")
            writer.writerow([row[c] for c in columns])
            count += 1
    with target.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as gz:
        gz.write(out.getvalue().encode("utf-8"))
    return count


def main(argv: list[str]) -> int:
    shared, data = Path(argv[0]), Path(argv[1])
    for name, (target, columns) in FILES.items():
        rows = convert(shared / name, data / target, columns)
        print(f"{target}: {rows} rows, {(data / target).stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
