"""A persistent JSON cache of geocoder answers, so no query is ever sent twice.

Only answers are stored (a "nothing found" answer included); failures never are, so a query
that timed out is retried on the next build. A corrupt file is moved aside to
``<name>.corrupt`` with a warning and the cache starts empty; an unwritable location keeps
the cache in memory with a warning. Writes are atomic (:mod:`geo.files`).
"""

from __future__ import annotations

import json
import os
import warnings
from pathlib import Path

from geopy.location import Location

from ..files import atomic_path

VERSION = 1


def _encode(location: Location) -> dict:
    return {"address": location.address, "lat": location.latitude, "lon": location.longitude,
            "raw": location.raw}


def _decode(item: dict) -> Location:
    return Location(item["address"], (item["lat"], item["lon"]), item["raw"])


class GeocodeCache:
    """``get``/``put`` lists of Locations under (service, query) keys, saved on every put."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self._entries: dict[str, list[dict]] = self._read()

    def _read(self) -> dict[str, list[dict]]:
        if not self.path.exists():
            return {}
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            if data.get("version") != VERSION or not isinstance(data.get("entries"), dict):
                raise ValueError("unknown cache layout")
            return {k: v for k, v in data["entries"].items() if isinstance(v, list)}
        except (OSError, ValueError, AttributeError) as exc:
            aside = self.path.with_name(self.path.name + ".corrupt")
            warnings.warn(f"{self.path}: unreadable geocoding cache ({exc}); moved to {aside.name}, "
                          "starting empty", stacklevel=3)
            try:
                os.replace(self.path, aside)
            except OSError:
                pass  # read-only location: the warning already says the cache is not used
            return {}

    @staticmethod
    def key(service: str, query: str) -> str:
        return f"{service}|{' '.join(query.split()).casefold()}"

    def get(self, service: str, query: str) -> list[Location] | None:
        """The stored answer (possibly empty), or None when this query was never answered."""
        items = self._entries.get(self.key(service, query))
        if items is None:
            return None
        return [_decode(item) for item in items]

    def put(self, service: str, query: str, locations: list[Location]) -> None:
        """Store an answer and save the file (a write failure only warns)."""
        self._entries[self.key(service, query)] = [_encode(loc) for loc in locations]
        self._save()

    def _save(self) -> None:
        data = {"version": VERSION, "entries": dict(sorted(self._entries.items()))}
        try:
            with atomic_path(self.path) as tmp, tmp.open("w", encoding="utf-8") as out:
                json.dump(data, out, ensure_ascii=False, indent=1, sort_keys=True)
        except OSError as exc:
            warnings.warn(f"{self.path}: cannot save the geocoding cache ({exc}); "
                          "answers are kept in memory for this run", stacklevel=3)
