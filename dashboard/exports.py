"""What the page shows besides the map, and what it lets the user download (pure).

* :func:`claims_frame` — the table: one row per distinct claim in view (a claim linked to two
  places is one row listing both), newest first; also the CSV download.
* :func:`timeline_frame` — claims per day and speaker for the chart (:data:`TIMELINE_SPEC`).
* :func:`filtered_layer` — the view as a layer that still validates against the schema
  (same features, only the claims in view), for the GeoJSON download.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from geo.layer import dumps_layer

from .analysis import CSV_COLUMNS, csv_columns, export_member
from .layerdata import NO_PLACE, View

TABLE_COLUMNS = ["date", "speaker", "speaker_title", "text", "quote", "places", "article",
                 "source", "url", "attribution", "claim_id", "article_id", "span",
                 *CSV_COLUMNS]
OTHER_SPEAKERS = "(other speakers)"
TABLE_ROWS = 500
"""Claims in the page's table (newest first): its cost and payload stay flat however wide the
window; the CSV download has every claim in range."""
TIMELINE_SPEC = {
    "mark": {"type": "bar"},
    "height": 220,
    "encoding": {
        "x": {"field": "date", "type": "temporal", "timeUnit": "yearmonthdate", "title": "date",
              "axis": {"grid": False, "labelAngle": 0, "format": "%Y-%m-%d", "labelOverlap": True,
                       "tickCount": {"interval": "day", "step": 1}}},
        "y": {"field": "claims", "type": "quantitative", "title": "claims",
              "axis": {"grid": True, "tickMinStep": 1}},
        "color": {"field": "speaker", "type": "nominal",
                  "legend": {"orient": "bottom", "titlePadding": 5, "offset": 5}},
        "tooltip": [{"field": "date", "type": "nominal"},
                    {"field": "claims", "type": "quantitative"},
                    {"field": "speaker", "type": "nominal"}],
    },
}
"""Vega-Lite spec of the claims-per-day chart (:func:`timeline_frame` is its data): what
``st.bar_chart`` draws, given directly because building it through Altair validated the spec
on every rerun (~25 ms, measured on the 100k-claim layer)."""


def _place_names(view: View, rows: np.ndarray) -> dict[int, str]:
    """uid → ``"; "``-joined sorted names of the places its claim is linked to in view."""
    data = view.data
    linked = view.rows[np.isin(data.uid[view.rows], data.uid[rows])]
    linked = linked[data.place[linked] != NO_PLACE]
    names: dict[int, set[str]] = {int(u): set() for u in data.uid[rows]}
    for uid, place in zip(data.uid[linked].tolist(), data.place[linked].tolist()):
        names[uid].add(data.places[place].name)
    return {uid: "; ".join(sorted(found)) for uid, found in names.items()}


def claims_frame(view: View, limit: int | None = None) -> pd.DataFrame:
    """One row per distinct claim in view, newest first, with the places it is linked to.

    ``limit`` keeps the first (newest) claims only: the page's table is capped so its cost
    and payload do not grow with the window, while the CSV download passes no limit.
    """
    data = view.data
    rows = view.claim_rows[:limit]
    places = _place_names(view, rows)
    titles = {a.id: a.title for a in data.articles}
    records = []
    for row, uid in zip(rows.tolist(), data.uid[rows].tolist()):
        claim = data.claims[row]
        records.append({
            "date": claim.date, "speaker": claim.speaker_label,
            "speaker_title": claim.speaker_title, "text": claim.text, "quote": claim.quote,
            "places": places[uid],
            "article": claim.article_title or titles.get(claim.article_id) or claim.article_id,
            "source": claim.source, "url": claim.url, "attribution": claim.attribution,
            "claim_id": claim.claim_id, "article_id": claim.article_id,
            "span": f"{claim.span[0]}-{claim.span[1]}",
            **csv_columns(data.analysis.of(claim.claim_id)),
        })
    return pd.DataFrame.from_records(records, columns=TABLE_COLUMNS)


def claims_csv(view: View) -> str:
    return claims_frame(view).to_csv(index=False, lineterminator="\n")


def timeline_frame(view: View, top: int = 8) -> pd.DataFrame:
    """Distinct claims per (ISO date, speaker); speakers beyond the ``top`` busiest are merged.

    Dates stay strings so the chart has one bar per day with claims, labelled as in the data.
    Counted with numpy over the day and speaker codes: no per-claim Python, so "everything"
    on a 100k-claim layer costs milliseconds. Ties among the busiest go to the first name.
    """
    data = view.data
    rows = view.claim_rows
    speaker = data.speaker[rows]
    counts = np.bincount(speaker, minlength=len(data.speakers))
    busiest = [int(c) for c in np.argsort(-counts, kind="stable")[:top] if counts[c]]
    names = sorted({data.speakers[c] for c in busiest} | (
        {OTHER_SPEAKERS} if len(busiest) < np.count_nonzero(counts) else set()))
    code_of = np.full(len(data.speakers), names.index(OTHER_SPEAKERS) if OTHER_SPEAKERS in names
                      else -1, dtype=np.int64)
    for c in busiest:
        code_of[c] = names.index(data.speakers[c])
    keys, tally = np.unique(data.day[rows] * len(names) + code_of[speaker],
                            return_counts=True)
    days, codes = np.divmod(keys, max(len(names), 1))
    return pd.DataFrame({
        "date": pd.Series([dt.date.fromordinal(int(d)).isoformat() for d in days], dtype=str),
        "speaker": pd.Series([names[int(c)] for c in codes], dtype=str),
        "claims": pd.Series(tally, dtype=int),
    })


def filtered_layer(view: View) -> dict:
    """The view as a schema-valid layer: features in layer order, claims by date."""
    data = view.data
    ascending = np.sort(view.rows)
    features = []
    for entry in view.places:
        rows = np.sort(entry.rows)
        features.append(entry.place.feature([data.claims[r].record() for r in rows]))
    counted: dict[str, set[int]] = {}
    for row in ascending:
        counted.setdefault(data.claims[row].article_id, set()).add(int(data.uid[row]))
    layer = {
        "type": "FeatureCollection",
        "generator": dict(data.generator),
        "articles": [
            {"id": a.id, "date": a.date, "title": a.title, "source": a.source, "url": a.url,
             "claims": len(counted[a.id])}
            for a in data.articles if a.id in counted
        ],
        "unresolved": [u for u in data.unresolved if u["article_id"] in counted],
    }
    if data.has_unplaced:
        layer["unplaced"] = [data.claims[r].record() for r in ascending
                             if data.place[r] == NO_PLACE]
    layer["features"] = features
    if data.analysis.entries or data.analysis.comparisons:
        layer["analysis"] = export_member(data.analysis,
                                          {data.claims[r].claim_id for r in ascending})
    return layer


def layer_geojson(view: View) -> str:
    """The download's text, serialised exactly as the pipeline writes layers."""
    return dumps_layer(filtered_layer(view))
