"""The offline gazetteer: every bundled source behind one fast name lookup.

Contract: :meth:`Gazetteer.load` returns a ready gazetteer whatever the state of the cache
(it builds, rebuilds or falls back to memory with a warning); :meth:`Gazetteer.lookup` gives
the candidate places for a name in any language or spelling, best first; :meth:`Gazetteer.get`
returns a place by its stable id. Sources, the pack schema and measured load times are in
docs/gazetteer.md.
"""

from __future__ import annotations

import gc
import json
import sqlite3
import time
from functools import lru_cache
from pathlib import Path
from typing import Sequence

from .. import config
from .. import geometry as geom
from ..errors import GazetteerError
from ..model import Candidate, Place
from . import names, sources
from .index import fingerprint, open_index
from .packs import read_pack

def _build(data_dir: Path, packs: Sequence[Path], overrides: Path | None) -> list[sources.Record]:
    """Read every source (seconds: only when the index is missing or stale)."""
    gc.disable()  # hundreds of thousands of small objects: the collector only slows this down
    try:
        return _read_all(data_dir, packs, overrides)
    finally:
        sources.release_cache()
        gc.enable()


def _read_all(data_dir: Path, packs: Sequence[Path], overrides: Path | None) -> list[sources.Record]:
    admin1 = sources.read_admin1(data_dir)
    world = sources.read_world_admin1(data_dir)
    countries = sources.read_countries(data_dir, sources.country_names(data_dir))
    polygons = {r.place.admin1 or r.place.country: r.place.geometry for r in admin1 + world + countries}
    records = admin1 + world + countries + sources.read_world_regions(data_dir, polygons)
    records += sources.read_geonames(admin1, sources.geonames_admin1(data_dir))
    records += sources.read_theatre(data_dir, admin1) + sources.read_landmarks(data_dir, admin1)
    ukraine = sources.read_tables(data_dir)
    records += sources.read_settlements(data_dir, ukraine, set(sources.cities500()))
    records += sources.read_districts(data_dir, ukraine) + sources.read_postal(data_dir, admin1)
    by_code = {r.place.admin1: r.place for r in admin1}
    existing = {r.place.id: r.place for r in records}
    for pack in packs:
        records += read_pack(pack, by_code, existing)
    if overrides is not None:
        records += read_pack(overrides, by_code, existing, override=True)
    return sources.merge(records)


class Gazetteer:
    """Read-only view of the index; safe to share between threads.

    Why the in-memory caches: a build asks about the same few thousand names and places
    over and over (116k queries for 1,000 articles), so every answer is memoised per name
    key and every polygon is parsed, and its representative point computed, once per
    geometry. :meth:`knows`, asked about every capitalised word and word run of every
    article (175k times for 2,000 articles), is memoised per surface string as well, so a
    repeated surface costs one lookup instead of normalising it again. The caches belong
    to the instance: two gazetteers never share answers. Cached answers are immutable
    (tuples of frozen dataclasses) or copied.
    """

    def __init__(self, conn: sqlite3.Connection, path: Path | None, load_seconds: float):
        self._conn = conn
        self.path = path
        self.load_seconds = load_seconds
        row = conn.execute("SELECT v FROM meta WHERE k = 'acronyms'").fetchone()
        self.acronyms: frozenset[str] = frozenset(json.loads(row[0]) if row else ())
        """Keys of the names a source writes in capitals ("US", "U.S.", "UAE", "ZNPP"): spotting
        reads a word in capitals as a place only if it is one of these (or a dateline)."""
        self._place = lru_cache(maxsize=1 << 15)(self._read_place)
        self._geometry = lru_cache(maxsize=1024)(self._read_geometry)
        self._lonlat = lru_cache(maxsize=1024)(self._read_lonlat)
        self._knows = lru_cache(maxsize=1 << 17)(self._knows_key)
        self._knows_surface = lru_cache(maxsize=1 << 17)(self._surface_known)
        self._candidates = lru_cache(maxsize=1 << 15)(self._read_candidates)

    @classmethod
    def load(
        cls,
        data_dir: Path = config.GAZETTEER_DIR,
        packs: Sequence[Path] = (),
        overrides: Path | None = None,
        cache_dir: Path | None = None,
    ) -> "Gazetteer":
        """Open (building if needed) the index for these sources.

        A pack may be a CSV file or a folder of them; packs in ``<data_dir>/packs/`` are
        always added; ``<data_dir>/overrides.csv``
        is used when ``overrides`` is None. Raises :class:`GazetteerError` for a missing
        source or a malformed pack (naming the file and line).
        """
        start = time.perf_counter()
        data_dir = Path(data_dir)
        pack_dir = data_dir / config.PACKS_SUBDIR
        all_packs: list[Path] = []
        for pack in [*packs, *([pack_dir] if pack_dir.is_dir() else [])]:
            pack = Path(pack)
            all_packs += sorted(pack.glob("*.csv")) if pack.is_dir() else [pack]
        if overrides is None and (data_dir / config.OVERRIDES_FILE).is_file():
            overrides = data_dir / config.OVERRIDES_FILE
        files = [data_dir / name for name in config.GAZETTEER_SOURCES] + all_packs
        files += [Path(overrides)] if overrides is not None else []
        for path in files:
            if not path.is_file():
                raise GazetteerError("gazetteer source not found", path)
        key = fingerprint(files, sources.RULES_READ)
        conn, path = open_index(
            Path(cache_dir) if cache_dir is not None else config.cache_dir(), key,
            lambda: _build(data_dir, all_packs, Path(overrides) if overrides else None))
        return cls(conn, path, time.perf_counter() - start)

    def _read_geometry(self, ref: str) -> dict:
        """A shared polygon, parsed once: every place that carries it gets the same dict."""
        text = self._conn.execute("SELECT json FROM geometries WHERE hash = ?", (ref,)).fetchone()[0]
        return json.loads(text)

    def _read_lonlat(self, ref: str) -> tuple[float, float]:
        return geom.representative_lonlat(self._geometry(ref))

    def _read_place(self, place: int | str) -> tuple[Place, int, int, tuple[float, float]] | None:
        column = "n" if isinstance(place, int) else "id"
        row = self._conn.execute(
            "SELECT id, name, kind, country, admin1, geometry, precision, approximate, source, "
            f"population, priority FROM places WHERE {column} = ?", (place,)).fetchone()
        if row is None:
            return None
        ref = row[5]
        shared = ref.startswith("@")
        geometry = self._geometry(ref) if shared else json.loads(ref)
        found = Place(
            id=row[0], name=row[1], kind=row[2], country=row[3], admin1=row[4],
            geometry=geometry, precision=row[6], approximate=bool(row[7]), source=row[8])
        lonlat = self._lonlat(ref) if shared else geom.representative_lonlat(geometry)
        return found, row[9], row[10], lonlat

    def get(self, place_id: str) -> Place:
        """The place with this id; KeyError when unknown."""
        found = self._place(place_id)
        if found is None:
            raise KeyError(f"no place with id {place_id!r} in the gazetteer")
        return found[0]

    def knows(self, name: str) -> bool:
        """Whether any place is known by this name (exact or transliteration-folded)."""
        return self._knows_surface(name)

    def _surface_known(self, name: str) -> bool:
        name_key = names.key(name)
        return bool(name_key) and self._knows(name_key)

    def _knows_key(self, name_key: str) -> bool:
        row = self._conn.execute(
            "SELECT 1 FROM names WHERE key = ? UNION ALL SELECT 1 FROM names WHERE loose = ? "
            "LIMIT 1", (name_key, names.loose_key(name_key))).fetchone()
        return row is not None

    def candidates(self, name: str, *, loose: bool = True) -> list[Candidate]:
        """Every place known by ``name``, best first: exact before transliteration-folded
        matches, then source priority (overrides first), then population, then id."""
        name_key = names.key(name)
        return list(self._candidates(name_key, loose)) if name_key else []

    def _read_candidates(self, name_key: str, loose: bool) -> tuple[Candidate, ...]:
        rows = self._conn.execute(
            "SELECT place, typed, 0 FROM names WHERE key = ?", (name_key,)).fetchall()
        if loose:
            seen = {r[0] for r in rows}
            rows += [r for r in self._conn.execute(
                "SELECT place, typed, 1 FROM names WHERE loose = ?",
                (names.loose_key(name_key),)).fetchall() if r[0] not in seen]
        found = []
        for number, typed, is_loose in rows:
            place, population, priority, lonlat = self._place(number)
            found.append(Candidate(place, population, priority, bool(typed), bool(is_loose), lonlat))
        return tuple(sorted(found, key=lambda c: (c.loose, c.priority, -c.population, c.place.id)))

    def lookup(self, name: str, kinds: Sequence[str] | None = None, *, loose: bool = True) -> list[Place]:
        """Candidate places for a name (any alias, any language), best first; optionally
        only those of the given kinds."""
        return [c.place for c in self.candidates(name, loose=loose)
                if kinds is None or c.place.kind in kinds]

    def region_at(self, lon: float, lat: float) -> Place | None:
        """The Russian or Ukrainian admin-1 region containing a point, if any."""
        rows = self._conn.execute("SELECT id FROM places WHERE kind = 'admin1' AND country IN "
                                  "('RU', 'UA') ORDER BY id").fetchall()
        for (place_id,) in rows:
            place = self.get(place_id)
            if geom.contains(place.geometry, lon, lat):
                return place
        return None

    def size(self) -> tuple[int, int]:
        """(number of places, number of names) in the index."""
        places = self._conn.execute("SELECT COUNT(*) FROM places").fetchone()[0]
        count = self._conn.execute("SELECT COUNT(*) FROM names").fetchone()[0]
        return places, count
