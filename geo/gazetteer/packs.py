"""User gazetteer packs and the overrides file (schema documented in docs/gazetteer.md).

Why: the project cannot ship every village (some good lists carry a non-commercial licence),
so a user may load their own CSV. Columns: ``name`` (required), ``lat``/``lon`` (both or
neither), ``id``, ``alt_names`` (``|``-separated), ``kind``, ``country``, ``admin1``,
``population``. A row without coordinates needs a known ``admin1`` and is placed at that
region's polygon with ``approximate`` set, never at an invented point. In the overrides file a
row whose ``id`` is an existing place id replaces that place; every override outranks all
other candidates for its names.
"""

from __future__ import annotations

from pathlib import Path

from .. import geometry as geom
from ..errors import GazetteerError
from ..model import Place
from .sources.records import PRIORITY, Record, csv_rows, slug

KINDS = ("country", "admin1", "admin2", "settlement", "other")
PRECISION = {"country": "country", "admin1": "region", "admin2": "district",
             "settlement": "settlement", "other": "settlement"}


def _coordinates(row: dict[str, str], path: Path, line: int) -> tuple[float, float] | None:
    lat, lon = (row.get("lat") or "").strip(), (row.get("lon") or "").strip()
    if not lat and not lon:
        return None
    try:
        lat_f, lon_f = float(lat), float(lon)
    except ValueError:
        raise GazetteerError(f"bad coordinates lat={lat!r} lon={lon!r}", path, line) from None
    if not (-90 <= lat_f <= 90 and -180 <= lon_f <= 180):
        raise GazetteerError(f"coordinates out of range lat={lat_f} lon={lon_f}", path, line)
    return lon_f, lat_f


def read_pack(path: Path, regions: dict[str, Place], existing: dict[str, Place],
              override: bool = False) -> list[Record]:
    """Read one pack (or the overrides file) into records.

    ``regions`` maps ISO 3166-2 codes to admin-1 places (for coordinate-less rows);
    ``existing`` maps ids to already-loaded places (overrides may replace them).
    """
    records = []
    for line, row in csv_rows(path, {"name"}):
        name = (row.get("name") or "").strip()
        if not name:
            raise GazetteerError("empty name", path, line)
        kind = (row.get("kind") or "settlement").strip()
        if kind not in KINDS:
            raise GazetteerError(f"kind {kind!r} is not one of {', '.join(KINDS)}", path, line)
        row_id = (row.get("id") or "").strip()
        base = existing.get(row_id) if override and row_id else None
        admin1 = (row.get("admin1") or "").strip() or (base.admin1 if base else None)
        country = (row.get("country") or "").strip() or (base.country if base else None)
        point = _coordinates(row, path, line)
        approximate = False
        if point is not None:
            geometry = geom.point(*point)
        elif base is not None:
            geometry, approximate = base.geometry, base.approximate
        elif admin1 in regions:
            geometry, approximate = regions[admin1].geometry, kind == "settlement"
        else:
            raise GazetteerError(
                "row has no lat/lon and no known admin1 (ISO 3166-2) to place it in", path, line)
        place_id = row_id if base else f"user:{path.stem}:{row_id or slug(name)}"
        place = Place(
            id=place_id, name=name, kind=kind, country=country or None, admin1=admin1 or None,
            geometry=geometry,
            precision="region" if approximate else PRECISION[kind],
            approximate=approximate, source=f"user:{path.name}",
        )
        alts = [a.strip() for a in (row.get("alt_names") or "").split("|") if a.strip()]
        try:
            population = int(row.get("population") or 0)
        except ValueError:
            raise GazetteerError(f"population {row.get('population')!r} is not a number",
                                 path, line) from None
        records.append(Record(place, tuple(dict.fromkeys([name, *alts])), population,
                              PRIORITY["override" if override else "user"]))
    return records
