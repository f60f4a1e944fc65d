"""Merging the records of all sources into one record per place.

Why: the same village can come from GeoNames, the curated theatre list and KATOTTG; kept
apart, one name would have two or three candidates that are one place, and a polygon-only
KATOTTG village could win over the located one.
"""

from __future__ import annotations

from dataclasses import replace

from ... import geometry as geom
from ..names import key
from .records import Record

def _twin(record: Record, other: Record) -> bool:
    """Whether ``other`` (a located settlement) is the same place as ``record``, which is a
    coordinate-less katottg village or a curated row that GeoNames also has."""
    if record.place.approximate:
        return True
    return other.place.source == "geonames" and geom.distance_km(
        geom.representative_lonlat(record.place.geometry),
        geom.representative_lonlat(other.place.geometry)) <= 5.0


def merge(records: list[Record]) -> list[Record]:
    """Merge records that are one place: the same id (a curated GeoNames row), a curated row
    GeoNames also has (same name and admin-1, within 5 km: the GeoNames id is kept), and a
    katottg village that a located source already places (the located one is kept). The
    absorbed record's names are added to the kept one, so no spelling is lost."""
    by_id: dict[str, Record] = {}
    for record in sorted(records, key=lambda r: (r.priority, r.place.id)):
        old = by_id.get(record.place.id)
        by_id[record.place.id] = record if old is None else replace(
            old, names=tuple(dict.fromkeys(old.names + record.names)),
            population=max(old.population, record.population))
    located: dict[tuple[str, str | None], list[str]] = {}
    for record in by_id.values():
        if record.place.kind == "settlement" and not record.place.approximate:
            for name in record.names:
                located.setdefault((key(name), record.place.admin1), []).append(record.place.id)
    absorbed: dict[str, str] = {}
    for record in by_id.values():
        if record.place.kind != "settlement" or record.place.id.startswith("geonames:"):
            continue
        for target in located.get((key(record.place.name), record.place.admin1), []):
            if target != record.place.id and _twin(record, by_id[target]):
                absorbed[record.place.id] = target
                break
    for source_id, target in sorted(absorbed.items()):
        kept = by_id[target]
        by_id[target] = replace(kept, names=tuple(dict.fromkeys(kept.names + by_id[source_id].names)))
    return [by_id[i] for i in sorted(by_id) if i not in absorbed]
