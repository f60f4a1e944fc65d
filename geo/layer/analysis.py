"""The layer's ``analysis`` member: figures, event times and comparisons as JSON.

Why a member of its own, beside ``features``, and not more fields in every claim record: a
comparison links claims of different places and articles, so it belongs to the layer, and
the claim records (which the dashboard's row types and older layers share) stay as they
were; a claim's entry here is found by its ``claim_id``. Documented in docs/layer.md, in
the schema as ``analysis``; optional, so a layer written before it still validates.

Deterministic: claims sorted by id, comparisons in :func:`geo.analysis.analyse`'s order, a
figure's value written as an integer when it is one.
"""

from __future__ import annotations

from ..model import Analysis, Claim, Comparison, Document, EventTime, Figure


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else round(value, 6)


def figure_record(figure: Figure) -> dict:
    return {"text": figure.text, "span": [figure.start, figure.end],
            "value": _number(figure.value), "unit": figure.unit, "counted": figure.counted,
            "qualifier": figure.qualifier,
            "also": [{"value": _number(v), "unit": u} for v, u in figure.also]}


def time_record(when: EventTime | None) -> dict | None:
    if when is None:
        return None
    return {"start": when.start.isoformat(), "end": when.end.isoformat(),
            "precision": when.precision, "text": when.text}


def _comparison_record(comparison: Comparison, claims: dict[str, tuple[Claim, Document]]) -> dict:
    entries = []
    for claim_id, figures in comparison.claims:
        claim, doc = claims[claim_id]
        entries.append({"claim_id": claim_id, "article_id": doc.id, "date": claim.date.isoformat(),
                        "speaker": claim.speaker, "source": doc.source, "url": doc.url,
                        "figures": list(figures)})
    return {"id": comparison.id, "kind": comparison.kind, "reason": comparison.reason,
            "disputed": comparison.disputed, "subject": comparison.subject,
            "place_ids": list(comparison.places),
            "period": {"start": comparison.start.isoformat(), "end": comparison.end.isoformat()},
            "claims": entries}


def _related(analysis: Analysis) -> dict[str, dict[str, set[str]]]:
    """claim id → corroborated_by / disputed_by / compared_with / comparisons."""
    related: dict[str, dict[str, set[str]]] = {}
    for comparison in analysis.comparisons:
        ids = [claim_id for claim_id, _ in comparison.claims]
        field = ("corroborated_by" if comparison.kind == "corroboration" else
                 "disputed_by" if comparison.disputed else "compared_with")
        for claim_id in ids:
            entry = related.setdefault(claim_id, {name: set() for name in (
                "corroborated_by", "disputed_by", "compared_with", "comparisons")})
            entry[field].update(other for other in ids if other != claim_id)
            entry["comparisons"].add(comparison.id)
    return related


def analysis_member(analysis: Analysis, claims: dict[str, tuple[Claim, Document]]) -> dict:
    """The ``analysis`` member for the claims ``claims`` (claim id → claim and its article)."""
    related = _related(analysis)
    empty: dict[str, set[str]] = {}
    entries = []
    for claim_id in sorted(set(analysis.figures) | set(analysis.times) | set(related)):
        links = related.get(claim_id, empty)
        entries.append({
            "claim_id": claim_id,
            "figures": [figure_record(f) for f in analysis.figures.get(claim_id, ())],
            "event_time": time_record(analysis.times.get(claim_id)),
            **{name: sorted(links.get(name, ())) for name in (
                "corroborated_by", "disputed_by", "compared_with", "comparisons")},
        })
    return {"claims": entries,
            "comparisons": [_comparison_record(c, claims) for c in analysis.comparisons]}
