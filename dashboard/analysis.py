"""The layer's ``analysis`` member as the dashboard uses it (pure: no Streamlit).

What it gives the rest of the dashboard, built once when a layer is loaded
(:func:`layer_analysis`, called by :func:`dashboard.layerdata.index_layer`):

* :class:`Notes` per claim — its figures' spans and the claims that corroborate, dispute or
  are compared with it — hashable, so the memoised popup builder can take them;
* the event-time interval of every row (the publication date when the claim names none), for
  the date slider's event-time mode (:func:`event_mask`);
* the places where a claim is disputed (their marker style), and the comparisons for the
  Disputes table and the exports.

A layer without ``analysis`` (written before issue 18) gives empty notes, publication dates
as event times and no comparisons.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import numpy as np

PUBLICATION, EVENT = "publication", "event"
TIME_BASES = (PUBLICATION, EVENT)


@dataclass(frozen=True)
class Related:
    """Another claim a claim is compared with: its id, a label and its article's URL."""

    claim_id: str
    label: str
    url: str | None


@dataclass(frozen=True)
class Notes:
    """What the analysis says about one claim (all tuples: hashable)."""

    figures: tuple[tuple[int, int, str], ...] = ()
    """(start, end, text) of each figure, article offsets."""
    event: tuple[str, str, str, str] | None = None
    """(start, end, precision, expression) of its event time."""
    corroborated_by: tuple[Related, ...] = ()
    disputed_by: tuple[Related, ...] = ()
    compared_with: tuple[Related, ...] = ()


NO_NOTES = Notes()


@dataclass(frozen=True, eq=False)
class LayerAnalysis:
    """The analysis of a loaded layer; ``event_start``/``event_end`` are day ordinals, one
    per row of :class:`dashboard.layerdata.LayerData`."""

    notes: dict[str, Notes] = field(default_factory=dict)
    entries: dict[str, dict] = field(default_factory=dict)
    comparisons: tuple[dict, ...] = ()
    disputed_places: frozenset[str] = frozenset()
    event_start: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    event_end: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))

    def of(self, claim_id: str) -> Notes:
        return self.notes.get(claim_id, NO_NOTES)


def _label(entry: dict) -> str:
    who = entry["speaker"] or "(the article itself)"
    return f"{entry['date']} · {who}" + (f" ({entry['source']})" if entry["source"] else "")


def _related(layer_analysis: dict) -> dict[str, dict[str, list[Related]]]:
    """claim id → relation → the other claims (from the comparisons' claim entries)."""
    entries = {e["claim_id"]: e for c in layer_analysis["comparisons"] for e in c["claims"]}
    found: dict[str, dict[str, list[Related]]] = {}
    for claim in layer_analysis["claims"]:
        found[claim["claim_id"]] = {
            name: [Related(i, _label(entries[i]), entries[i]["url"]) for i in claim[name]
                   if i in entries]
            for name in ("corroborated_by", "disputed_by", "compared_with")}
    return found


def _notes(claim: dict, related: dict[str, list[Related]]) -> Notes:
    when = claim["event_time"]
    return Notes(
        figures=tuple((f["span"][0], f["span"][1], f["text"]) for f in claim["figures"]),
        event=(when["start"], when["end"], when["precision"], when["text"]) if when else None,
        corroborated_by=tuple(related["corroborated_by"]),
        disputed_by=tuple(related["disputed_by"]),
        compared_with=tuple(related["compared_with"]))


def layer_analysis(layer: dict, claims, day: np.ndarray) -> LayerAnalysis:
    """The dashboard's view of ``layer["analysis"]``; ``claims`` and ``day`` are the rows of
    the loaded layer (claim records with ``claim_id``; publication day ordinals)."""
    member = layer.get("analysis") or {"claims": [], "comparisons": []}
    related = _related(member)
    entries = {c["claim_id"]: c for c in member["claims"]}
    notes = {claim_id: _notes(c, related[claim_id]) for claim_id, c in entries.items()}
    start, end = day.copy(), day.copy()
    for row, claim in enumerate(claims):
        note = notes.get(claim.claim_id)
        if note is not None and note.event is not None:
            start[row] = dt.date.fromisoformat(note.event[0]).toordinal()
            end[row] = dt.date.fromisoformat(note.event[1]).toordinal()
    disputed_claims = {i for c in member["comparisons"] if c["disputed"]
                       for i in (e["claim_id"] for e in c["claims"])}
    places = frozenset(
        f["id"] for f in layer.get("features", ())
        if any(c["claim_id"] in disputed_claims for c in f["properties"]["claims"]))
    return LayerAnalysis(notes, entries, tuple(member["comparisons"]), places, start, end)


def event_mask(analysis: LayerAnalysis, start: dt.date | None, end: dt.date | None) -> np.ndarray:
    """Rows whose event interval overlaps start..end (inclusive; ``None`` is open-ended)."""
    mask = np.ones(len(analysis.event_start), dtype=bool)
    if start is not None:
        mask &= analysis.event_end >= start.toordinal()
    if end is not None:
        mask &= analysis.event_start <= end.toordinal()
    return mask


def event_bounds(analysis: LayerAnalysis) -> tuple[dt.date | None, dt.date | None]:
    """The first and last day any claim's event time covers."""
    if not len(analysis.event_start):
        return None, None
    return (dt.date.fromordinal(int(analysis.event_start.min())),
            dt.date.fromordinal(int(analysis.event_end.max())))


def export_member(analysis: LayerAnalysis, claim_ids: set[str]) -> dict:
    """The ``analysis`` member of a filtered layer: the entries of the claims in it, and the
    comparisons that have one of them (whole, so a reader sees the other side)."""
    return {"claims": [analysis.entries[i] for i in sorted(claim_ids & set(analysis.entries))],
            "comparisons": [c for c in analysis.comparisons
                            if any(e["claim_id"] in claim_ids for e in c["claims"])]}


def csv_columns(notes: Notes) -> dict[str, str]:
    """The analysis columns of a claim's row in the table and the CSV download."""
    event = notes.event
    return {"figures": " | ".join(text for _, _, text in notes.figures),
            "event_start": event[0] if event else "", "event_end": event[1] if event else "",
            "event_precision": event[2] if event else "",
            "corroborated_by": " ".join(r.claim_id for r in notes.corroborated_by),
            "disputed_by": " ".join(r.claim_id for r in notes.disputed_by)}


CSV_COLUMNS = ("figures", "event_start", "event_end", "event_precision", "corroborated_by",
               "disputed_by")
