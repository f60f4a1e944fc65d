"""Finding and reading a layer file; every failure is one :class:`LayerError` line.

The dashboard shows that line with ``st.error`` (file, line, what is wrong) instead of a
traceback: a missing, empty, non-UTF-8, non-JSON or schema-violating layer is a user error.
Schema checks are :func:`geo.layer.validate_layer`, the same the pipeline's output passes.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from geo import config
from geo.errors import LayerError
from geo.layer import validate_layer


def read_layer_json(path: str | Path) -> dict:
    """Read and validate a layer file; every failure is a :class:`LayerError` naming it."""
    path = Path(path)
    if not path.exists():
        raise LayerError("layer file not found (build it with `make build`, or open another "
                         "with `--layer PATH` / CLAIMMAP_LAYER)", path)
    if path.is_dir():
        raise LayerError("is a directory, not a layer file", path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise LayerError(f"cannot read: {exc.strerror or exc}", path) from None
    if not raw.strip():
        raise LayerError("empty file: a layer is a GeoJSON FeatureCollection", path, 1)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise LayerError(f"not UTF-8 (byte offset {exc.start})", path,
                         raw.count(b"\n", 0, exc.start) + 1) from None
    try:
        layer = json.loads(text)
    except json.JSONDecodeError as exc:
        raise LayerError(f"not valid JSON: {exc.msg} (column {exc.colno})", path,
                         exc.lineno) from None
    validate_layer(layer, str(path))
    return layer


def layer_path(argv: list[str], environ: dict[str, str]) -> Path:
    """Which layer to open: ``--layer PATH`` (after ``--`` on the streamlit command line),
    else :func:`geo.config.default_layer` (``$CLAIMMAP_LAYER``, ``./data/claims.geojson``,
    the bundled seeds' layer)."""
    parser = argparse.ArgumentParser(add_help=False, allow_abbrev=False)
    parser.add_argument("--layer")
    chosen = parser.parse_known_args(argv)[0].layer
    return Path(chosen) if chosen else config.default_layer(environ)
