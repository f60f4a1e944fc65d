"""Assembling the GeoJSON layer: places linked to their dated claims.

The layer's schema is written down once, in ``geo/layer/layer.schema.json`` (documented in
``docs/layer.md``); :func:`geo.layer.schema.validate_layer` checks a layer against it.

Deterministic: features sorted by place id, claims by (date, article, span), articles by id,
geometry rounded to 6 decimals with RFC 7946 ring winding, a fixed key order and no
timestamps — the same inputs give the same dict, which :mod:`.write` serialises byte for
byte the same.
"""

from __future__ import annotations

from .. import __version__
from ..geometry import normalise_geometry
from ..model import (ARTICLE_FIELDS, CLAIM_FIELDS, PLACE_FIELDS, Analysis, ArticleResult, Claim,
                     Document, Place)
from .analysis import analysis_member

SCHEMA_VERSION = 1


def claim_record(claim: Claim, doc: Document, link: str) -> dict:
    """The claim as it appears in a feature's ``claims`` list: a :class:`ClaimRecord`'s
    fields, in its order (the values below are in that order)."""
    return dict(zip(CLAIM_FIELDS, (
        claim.id, claim.date.isoformat(), claim.speaker, claim.speaker_title, claim.verb,
        claim.text, claim.quote, doc.id, doc.title, doc.source, doc.url,
        [claim.span[0], claim.span[1]], claim.attribution, link)))


def _claim_order(record: dict) -> tuple:
    return (record["date"], record["article_id"], record["span"][0], record["span"][1],
            record["claim_id"])


def _feature(place: Place, records: list[dict], surfaces: set[str]) -> dict:
    return {
        "type": "Feature",
        "id": place.id,
        "geometry": normalise_geometry(place.geometry),
        "properties": dict(zip(PLACE_FIELDS, (
            place.id, place.name, place.kind, place.country, place.admin1, place.precision,
            place.approximate, place.source, sorted(surfaces))),
            claims=sorted(records, key=_claim_order)),
    }


def assemble_layer(results: list[ArticleResult], analysis: Analysis | None = None) -> dict:
    """Build the FeatureCollection from per-article results (pure; order-independent), with
    the ``analysis`` member when :func:`geo.analysis.analyse` was run on them."""
    results = sorted(results, key=lambda r: r.document.id)
    places: dict[str, Place] = {}
    records: dict[str, dict[tuple[str, str], dict]] = {}
    surfaces: dict[str, set[str]] = {}
    unresolved: list[dict] = []
    unplaced: list[dict] = []
    for result in results:
        doc = result.document
        for mention in result.mentions:
            if mention.place is None:
                unresolved.append({
                    "mention": mention.surface,
                    "article_id": doc.id,
                    "span": [mention.start, mention.end],
                    "reason": mention.reason or "not in the gazetteer",
                })
            else:
                surfaces.setdefault(mention.place.id, set()).add(mention.surface)
        for link in result.links:
            places.setdefault(link.place.id, link.place)
            bucket = records.setdefault(link.place.id, {})
            key = (doc.id, link.claim.id)
            # a claim both named and reached by context keeps the stronger "named" link
            if key not in bucket or link.link == "named":
                bucket[key] = claim_record(link.claim, doc, link.link)
        unplaced.extend(claim_record(claim, doc, "none") for claim in result.unplaced)
    features = [
        _feature(places[pid], list(records[pid].values()), surfaces.get(pid, set()))
        for pid in sorted(places)
    ]
    layer = {
        "type": "FeatureCollection",
        "generator": {"name": "claimmap", "version": __version__, "schema": SCHEMA_VERSION},
        "articles": [
            dict(zip(ARTICLE_FIELDS, (r.document.id, r.document.date.isoformat(),
                                      r.document.title, r.document.source, r.document.url,
                                      len(r.claims))))
            for r in results
        ],
        "unresolved": sorted(unresolved, key=lambda u: (u["article_id"], u["span"])),
        "unplaced": sorted(unplaced, key=_claim_order),
        "features": features,
    }
    if analysis is not None:
        layer["analysis"] = analysis_member(analysis, {
            claim.id: (claim, r.document) for r in results for claim in r.claims})
    return layer
