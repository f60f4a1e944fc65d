"""What every gazetteer source is read into, and the CSV reading the sources and packs share.

A :class:`Record` is one place and every name it is known by; :data:`PRIORITY` ranks the
sources when two candidates are otherwise equal. :func:`csv_rows` reports a missing column
or an unreadable file as a :class:`geo.errors.GazetteerError` naming the file (and line).
"""

from __future__ import annotations

import csv
import gzip
import re
from dataclasses import dataclass
from pathlib import Path

from ...errors import GazetteerError
from ...model import Place
from ..names import key

PRIORITY = {"override": 0, "user": 1, "country": 2, "admin1": 3, "admin2": 3, "kursk_theatre": 4,
            "landmark": 4, "geonames": 5, "katottg": 6, "postal": 7}
"""Lower wins when two candidates are otherwise equal (an overrides file wins over everything)."""


@dataclass(frozen=True)
class Record:
    """One place and every name it is known by (names[0] is canonical)."""

    place: Place
    names: tuple[str, ...]
    population: int = 0
    priority: int = PRIORITY["geonames"]
    typed_names: tuple[str, ...] = ()
    """Names that state the place's type ("Kursk Oblast"): the text asks for the region."""


def csv_rows(path: Path, required: set[str]) -> list[tuple[int, dict[str, str]]]:
    """(line number, row) pairs; a missing column is a GazetteerError naming the file. A
    ``.gz`` file is read through gzip (the big theatre-wide sources ship compressed)."""
    try:
        opened = gzip.open(path, "rt", encoding="utf-8-sig", newline="") if path.suffix == ".gz" \
            else path.open(encoding="utf-8-sig", newline="")
        with opened as handle:
            reader = csv.DictReader(handle)
            missing = required - set(reader.fieldnames or ())
            if missing:
                raise GazetteerError(f"missing column(s) {', '.join(sorted(missing))}", path, 1)
            return [(reader.line_num, row) for row in reader]
    except (OSError, EOFError, UnicodeDecodeError, csv.Error) as exc:
        raise GazetteerError(f"cannot read CSV: {exc}", path) from None


def slug(text: str) -> str:
    """A lower-case ASCII-ish id fragment: "Kazachya Loknya" -> "kazachya-loknya"."""
    return re.sub(r"[^a-z0-9]+", "-", key(text)).strip("-")
