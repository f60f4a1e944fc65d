"""Serialising and writing the layer: compact, deterministic JSON, written atomically.

Contract: the same layer dict gives the same bytes (UTF-8, text kept as is, a fixed key
order given by :mod:`.assemble`, one trailing newline); :func:`write_layer` leaves the old
complete file or the new one, never a truncated file.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..files import write_atomic


def dumps_layer(layer: dict) -> str:
    """Serialise deterministically: compact, UTF-8 text kept as is, one trailing newline.

    No circular-reference check: :func:`assemble_layer` builds a tree of fresh dicts and
    lists, and the check would remember and forget each of its 100k+ containers."""
    return json.dumps(layer, ensure_ascii=False, separators=(",", ":"), allow_nan=False,
                      check_circular=False) + "\n"


def write_layer(layer: dict, out: str | Path) -> Path:
    """Write atomically (:func:`geo.files.write_atomic`): an interrupted build leaves the old
    complete layer or the new one, never a truncated file. The layer is serialised before
    anything is written, so a layer that cannot be (a NaN) leaves the old file as it was."""
    return write_atomic(out, dumps_layer(layer).encode("utf-8"))
