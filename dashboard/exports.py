"""What the page shows besides the map, and what it lets the user download (pure).

* :func:`claims_frame` — the table: one row per distinct claim in view (a claim linked to two
  places is one row listing both), newest first; also the CSV download.
* :func:`filtered_layer` — the view as a layer that still validates against the schema
  (same features, only the claims in view), for the GeoJSON download.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from geo.layer import dumps_layer

from .analysis import CSV_COLUMNS, csv_columns, export_member
from .layerdata import NO_PLACE, View

TABLE_COLUMNS = ["date", "speaker", "speaker_title", "text", "quote", "places", "article",
                 "source", "url", "attribution", "claim_id", "article_id", "span",
                 *CSV_COLUMNS]
TABLE_ROWS = 500
"""Claims in the page's table (newest first): its cost and payload stay flat however wide the
window; the CSV download has every claim in range."""
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
    names = data.article_labels
    records = []
    for row, uid in zip(rows.tolist(), data.uid[rows].tolist()):
        claim = data.claims[row]
        records.append({
            "date": claim.date, "speaker": claim.speaker_label,
            "speaker_title": claim.speaker_title, "text": claim.text, "quote": claim.quote,
            "places": places[uid],
            "article": names.get(claim.article_id, claim.article_name),
            "source": claim.source, "url": claim.url, "attribution": claim.attribution,
            "claim_id": claim.claim_id, "article_id": claim.article_id,
            "span": f"{claim.span[0]}-{claim.span[1]}",
            **csv_columns(data.analysis.of(claim.claim_id)),
        })
    return pd.DataFrame.from_records(records, columns=TABLE_COLUMNS)


def claims_csv(view: View) -> str:
    return claims_frame(view).to_csv(index=False, lineterminator="\n")


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
