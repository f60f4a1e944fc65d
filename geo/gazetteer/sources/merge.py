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

TWIN_KM = 5.0
"""Two located records of one name and region this close are one place."""
CENTROID_TWIN_KM = 30.0
"""A record drawn at its hromada's or raion's centroid is the located namesake this close
(the brief's 95th percentile of settlement-to-hromada-centroid distances is 20.7 km)."""


def _twin(record: Record, other: Record) -> bool:
    """Whether ``other`` (a located settlement of the same name and region) is the same
    place as ``record``: a record known only by its region's polygon is; one at a centroid
    is when close to it; a located one when GeoNames has it within TWIN_KM, or a source
    ranked before its own (the curated theatre rows before the postal places) does."""
    if record.place.geometry["type"] != "Point":
        return True
    distance = geom.distance_km(geom.representative_lonlat(record.place.geometry),
                                geom.representative_lonlat(other.place.geometry))
    if record.place.approximate:
        return distance <= CENTROID_TWIN_KM
    return distance <= TWIN_KM and (other.place.source == "geonames" or other.priority < record.priority)


def _absorbs(target: Record, record: Record) -> bool:
    """Whether ``target`` may take ``record`` in: GeoNames always (its id is kept), another
    source only when ranked before the record's and not the same source (two KATOTTG rows
    are two settlements, whatever their names)."""
    if target.place.source == "geonames":
        return True
    return target.priority < record.priority and target.place.source != record.place.source


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
            if target != record.place.id and _absorbs(by_id[target], record) \
                    and _twin(record, by_id[target]):
                absorbed[record.place.id] = target
                break
    for source_id, target in sorted(absorbed.items()):
        while target in absorbed:  # a postal place taken by a theatre row that GeoNames took
            target = absorbed[target]
        kept = by_id[target]
        by_id[target] = replace(kept, names=tuple(dict.fromkeys(kept.names + by_id[source_id].names)))
    return [by_id[i] for i in sorted(by_id) if i not in absorbed]
