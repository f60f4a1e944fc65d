"""The incremental store: each article's results kept in SQLite, so a build of a growing
corpus processes only the articles it has not seen (``claimmap build DIR --store FILE``).

Contract:

* a result is keyed by the article's **content** — every field of its
  :class:`~geo.model.Document` but the file path (id, date, text, title, outlet, URL) — and
  by the **version** of everything that makes it: claimmap's version and source code, every
  rule file of ``geo/rules/``, the gazetteer's index fingerprint (its sources, packs and
  overrides) and the online geocoder when one is used (:func:`store_version`). Editing a
  rule, the gazetteer or the code makes every stored result stale: it is computed again,
  and rows of other versions are dropped at the end of the build;
* what is stored is the article's own result — claims, mentions, links, unplaced claims —
  *before* the passes over the whole layer (:func:`geo.claims.unify_speakers`), which run at
  layer-writing time over every result, stored or new, as in a full build: the layer
  written from the store is byte-identical to a full rebuild (tests/test_store.py);
* places are stored by their gazetteer id (the gazetteer gives them back, geometry and all);
  a place the gazetteer does not have (an online geocoder's answer) is stored whole;
* the store also remembers which inputs each layer was built from, so the dashboard's
  "Add reports" panel can add an article to the layer's own folder and rebuild it.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Iterable

from . import __version__, config
from .errors import UsageError
from .gazetteer import Gazetteer
from .model import ArticleResult, Claim, Document, Link, Mention, Place

FORMAT = 1
"""Bumped when the stored form of a result changes."""

_SCHEMA = """
CREATE TABLE IF NOT EXISTS results (doc TEXT NOT NULL, version TEXT NOT NULL, payload TEXT NOT NULL,
                                    PRIMARY KEY (doc, version)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS builds (layer TEXT PRIMARY KEY, inputs TEXT NOT NULL);
"""


def store_version(gazetteer: Gazetteer, online: str | None = None) -> str:
    """The version of the results (see the module): a hash of the code, rules and gazetteer."""
    digest = hashlib.sha256(f"{__version__}|{FORMAT}|{online or 'offline'}".encode())
    digest.update(str(getattr(gazetteer, "path", None) and gazetteer.path.name).encode())
    for path in sorted(config.GEO_DIR.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".txt", ".csv", ".json") \
                and "bundled" not in path.relative_to(config.GEO_DIR).parts:
            digest.update(path.relative_to(config.GEO_DIR).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def document_key(doc: Document) -> str:
    """The article's content hash: every Document field but its path."""
    fields = [doc.id, doc.date.isoformat(), doc.body_start, doc.title, doc.source, doc.url,
              doc.text]
    return hashlib.sha256(json.dumps(fields, ensure_ascii=False).encode("utf-8")).hexdigest()


def _claim(claim: Claim) -> list:
    return [claim.id, claim.speaker, claim.speaker_title, claim.verb, claim.text, claim.quote,
            list(claim.span), claim.attribution, list(claim.sentence)]


def _unclaim(row: list, doc: Document) -> Claim:
    cid, speaker, title, verb, text, quote, span, attribution, sentence = row
    return Claim(cid, doc.id, doc.date, speaker, title, verb, text, quote, tuple(span),
                 attribution, tuple(sentence))


def encode(result: ArticleResult, gazetteer: Gazetteer) -> str:
    """The stored form of one article's result (JSON; claims referred to by position)."""
    def place(found: Place) -> str | dict:
        try:
            if gazetteer.get(found.id) == found:
                return found.id
        except KeyError:
            pass
        return {k: getattr(found, k) for k in Place.__dataclass_fields__}

    index = {id(claim): n for n, claim in enumerate(result.claims)}
    return json.dumps({
        "claims": [_claim(c) for c in result.claims],
        "mentions": [[m.start, m.end, m.surface, place(m.place) if m.place else None, m.reading,
                      m.reason] for m in result.mentions],
        "links": [[index[id(link.claim)], place(link.place), link.link] for link in result.links],
        "unplaced": [index[id(c)] for c in result.unplaced],
    }, ensure_ascii=False, separators=(",", ":"))


def decode(payload: str, doc: Document, gazetteer: Gazetteer) -> ArticleResult:
    """The inverse of :func:`encode`, with ``doc`` and the gazetteer's places put back."""
    data = json.loads(payload)

    def place(value: str | dict) -> Place:
        return gazetteer.get(value) if isinstance(value, str) else Place(**value)

    claims = [_unclaim(row, doc) for row in data["claims"]]
    mentions = [Mention(doc.id, start, end, surface, place(p) if p is not None else None,
                        reading, reason)
                for start, end, surface, p, reading, reason in data["mentions"]]
    links = [Link(claims[n], place(p), kind) for n, p, kind in data["links"]]
    return ArticleResult(doc, claims, mentions, links, [claims[n] for n in data["unplaced"]])


class Store:
    """One store file (SQLite); results of one ``version`` are read and written."""

    def __init__(self, path: str | Path, version: str):
        self.path = Path(path)
        self.version = version
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._conn = sqlite3.connect(self.path)
            self._conn.executescript(_SCHEMA)
        except sqlite3.DatabaseError as exc:
            raise UsageError(f"{self.path}: not a claimmap store ({exc})") from None
        self.hits = self.misses = 0

    def get(self, keys: Iterable[str]) -> dict[str, str]:
        """Stored payloads of these document keys (this version), by key."""
        wanted = set(keys)
        rows = self._conn.execute("SELECT doc, payload FROM results WHERE version = ?",
                                  (self.version,))
        found = {doc: payload for doc, payload in rows if doc in wanted}
        self.hits, self.misses = len(found), len(wanted) - len(found)
        return found

    def put(self, items: Iterable[tuple[str, str]]) -> None:
        with self._conn:
            self._conn.executemany("INSERT OR REPLACE INTO results VALUES (?, ?, ?)",
                                   ((key, self.version, payload) for key, payload in items))

    def finish(self, layer: str | Path | None, inputs: Iterable[str]) -> None:
        """Drop other versions' rows; remember the inputs ``layer`` was built from."""
        with self._conn:
            self._conn.execute("DELETE FROM results WHERE version != ?", (self.version,))
            if layer is not None:
                self._conn.execute("INSERT OR REPLACE INTO builds VALUES (?, ?)", (
                    str(Path(layer).resolve()),
                    json.dumps([str(Path(i).resolve()) for i in inputs])))

    def inputs_of(self, layer: str | Path) -> list[str] | None:
        """The inputs the layer was last built from with this store, or None."""
        row = self._conn.execute("SELECT inputs FROM builds WHERE layer = ?",
                                 (str(Path(layer).resolve()),)).fetchone()
        return json.loads(row[0]) if row else None

    def close(self) -> None:
        with closing(self._conn):
            pass
