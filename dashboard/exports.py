"""What the page shows besides the map, and what it lets the user download (pure).

* :func:`claims_frame` — the table: one row per distinct claim in view (a claim linked to two
  places is one row listing both), newest first; also the CSV download.
* :func:`timeline_frame` — claims per day and speaker for the chart.
* :func:`filtered_layer` — the view as a layer that still validates against the schema
  (same features, only the claims in view), for the GeoJSON download.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .layerdata import NO_PLACE, View

TABLE_COLUMNS = ["date", "speaker", "speaker_title", "text", "quote", "places", "article",
                 "source", "url", "attribution", "claim_id", "article_id", "span"]
OTHER_SPEAKERS = "(other speakers)"


def claims_frame(view: View) -> pd.DataFrame:
    """One row per distinct claim in view, newest first, with the places it is linked to."""
    data = view.data
    order: list[int] = []
    places: dict[int, list[str]] = {}
    for row in view.rows:
        uid = int(data.uid[row])
        if uid not in places:
            places[uid] = []
            order.append(int(row))
        if data.place[row] != NO_PLACE:
            places[uid].append(data.places[int(data.place[row])].name)
    titles = {a.id: a.title for a in data.articles}
    records = []
    for row in order:
        claim = data.claims[row]
        records.append({
            "date": claim.date, "speaker": claim.speaker_label,
            "speaker_title": claim.speaker_title, "text": claim.text, "quote": claim.quote,
            "places": "; ".join(sorted(set(places[int(data.uid[row])]))),
            "article": claim.article_title or titles.get(claim.article_id) or claim.article_id,
            "source": claim.source, "url": claim.url, "attribution": claim.attribution,
            "claim_id": claim.claim_id, "article_id": claim.article_id,
            "span": f"{claim.span[0]}-{claim.span[1]}",
        })
    return pd.DataFrame.from_records(records, columns=TABLE_COLUMNS)


def claims_csv(view: View) -> str:
    return claims_frame(view).to_csv(index=False, lineterminator="\n")


def timeline_frame(view: View, top: int = 8) -> pd.DataFrame:
    """Distinct claims per (ISO date, speaker); speakers beyond the ``top`` busiest are merged.

    Dates stay strings so the chart has one bar per day with claims, labelled as in the data.
    """
    data = view.data
    rows = view.rows[np.unique(data.uid[view.rows], return_index=True)[1]]
    frame = pd.DataFrame({
        "date": [data.claims[r].date for r in rows],
        "speaker": [data.speakers[data.speaker[r]] for r in rows],
    })
    if frame.empty:
        return pd.DataFrame({"date": pd.Series(dtype=str),
                             "speaker": pd.Series(dtype=str), "claims": pd.Series(dtype=int)})
    busiest = frame["speaker"].value_counts().sort_index().sort_values(
        ascending=False, kind="stable").index[:top]
    frame.loc[~frame["speaker"].isin(busiest), "speaker"] = OTHER_SPEAKERS
    counts = frame.groupby(["date", "speaker"]).size().reset_index(name="claims")
    return counts.sort_values(["date", "speaker"], kind="stable").reset_index(drop=True)


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
    return layer


def layer_geojson(view: View) -> str:
    """The download's text, serialised exactly as the pipeline writes layers.

    Imported here, not at module level: ``geo.layer`` pulls in the whole pipeline, which the
    page does not otherwise need (this runs only when the user clicks the button).
    """
    from geo.layer import dumps_layer

    return dumps_layer(filtered_layer(view))
