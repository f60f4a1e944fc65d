"""Validating a layer against the one written-down schema, ``geo/layer/layer.schema.json``.

JSON Schema (draft-07) covers structure and types; the few rules it cannot express
(ring winding, spans that are real ranges, claims sorted by date) are checked here too,
so a layer that passes :func:`validate_layer` is one the dashboard and GDAL can trust.
The schema is compiled once with ``fastjsonschema``: a 100k-claim layer is checked in
about a second, where an interpreting validator took most of a minute (docs/layer.md).
"""

from __future__ import annotations

import json
import re
from functools import lru_cache

import fastjsonschema

from .. import config
from ..errors import LayerError
from ..geometry import is_rfc7946_wound


@lru_cache(maxsize=1)
def layer_schema() -> dict:
    return json.loads(config.LAYER_SCHEMA.read_text("utf-8"))


@lru_cache(maxsize=1)
def _compiled():
    return fastjsonschema.compile(layer_schema())


def _where(name: str) -> str:
    """``data.features[0].properties`` → ``features/0/properties``."""
    path = re.sub(r"\[(\d+)\]", r".\1", name).split(".")[1:]
    return "/".join(path) or "(top level)"


def _semantic_problems(layer: dict):
    for index, feature in enumerate(layer["features"]):
        if not is_rfc7946_wound(feature["geometry"]):
            yield f"features/{index}/geometry: rings not wound per RFC 7946"
        dates = [c["date"] for c in feature["properties"]["claims"]]
        if dates != sorted(dates):
            yield f"features/{index}/properties/claims: not sorted by date"
        for c_index, claim in enumerate(feature["properties"]["claims"]):
            start, end = claim["span"]
            if end <= start:
                yield f"features/{index}/properties/claims/{c_index}/span: empty span"


def validate_layer(layer: dict, source: str | None = None) -> None:
    """Raise :class:`LayerError` naming the first problem's location; return None if valid."""
    try:
        _compiled()(layer)
    except fastjsonschema.JsonSchemaValueException as error:
        message = error.message.removeprefix(error.name).strip() if error.name else error.message
        raise LayerError(f"{_where(error.name or 'data')}: {message[:200]}", source) from None
    problem = next(_semantic_problems(layer), None)
    if problem is not None:
        raise LayerError(problem, source)
