"""Loading a claims layer, and the date index behind every filter of the dashboard.

A layer is read and validated once (:func:`load_layer`); every (claim, place) pair is then
flattened into numpy arrays sorted by date (:class:`LayerData`). A date window is two binary
searches (``numpy.searchsorted``) and the other filters are vectorised masks over that window
only, so a slider move costs in proportion to what it shows, not to the layer's whole history.

Everything here is pure (no Streamlit), so tests and benchmarks call it directly:
``filter_claims(load_layer(path), Filters(...))`` is the data half of a slider move.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import numpy as np

from geo.model import CLAIM_FIELDS, PLACE_FIELDS, ArticleRecord, ClaimRecord, PlaceRecord

from .analysis import PUBLICATION, LayerAnalysis, event_mask, layer_analysis
from .labels import NO_OUTLET, article_name, outlet
from .layerfile import read_layer_json

REPORTER_LABEL = "(the article itself)"
"""Speaker label of ``attribution: "reporter"`` claims: the article's own statements."""
UNNAMED_LABEL = "(unnamed speaker)"
NO_SOURCE_LABEL = NO_OUTLET
NO_PLACE = -1
"""Place index of the layer's ``unplaced`` claims: in the table and exports, never on the map."""


class Claim(ClaimRecord):
    """One claim record of the layer (:class:`geo.model.ClaimRecord`: the schema's fields, in
    its order), with the labels the filters list it under."""

    @classmethod
    def from_record(cls, record: dict) -> "Claim":
        return cls(**{**record, "span": (record["span"][0], record["span"][1])})

    def record(self) -> dict:
        """The schema's JSON object for this claim (span back to a list)."""
        return {name: getattr(self, name) for name in CLAIM_FIELDS} | {
            "span": [self.span[0], self.span[1]]}

    @property
    def speaker_label(self) -> str:
        """Who the speaker filter lists this claim under."""
        if self.speaker:
            return self.speaker
        return REPORTER_LABEL if self.attribution == "reporter" else UNNAMED_LABEL

    @property
    def source_label(self) -> str:
        """The outlet the sources filter lists it under (the URL's host when unnamed)."""
        return outlet(self.source, self.url) or NO_SOURCE_LABEL

    @property
    def article_name(self) -> str:
        """The article as a popup names it (:func:`dashboard.labels.article_name`)."""
        return article_name(self.article_title, self.source, self.url, self.date)


@dataclass(frozen=True)
class Place(PlaceRecord):
    """A feature of the layer without its claims (:class:`geo.model.PlaceRecord`), with the
    feature's id and its GeoJSON geometry."""

    feature_id: str
    geometry: dict = field(hash=False, compare=False)

    def feature(self, claims: list[dict]) -> dict:
        """The schema's Feature for this place carrying ``claims``."""
        properties = {name: getattr(self, name) for name in PLACE_FIELDS}
        return {"type": "Feature", "id": self.feature_id, "geometry": self.geometry,
                "properties": properties | {"mentions": list(self.mentions), "claims": claims}}


class Article(ArticleRecord):
    """An entry of the layer's ``articles`` (:class:`geo.model.ArticleRecord`)."""

    def label(self, first_claim: str | None = None) -> str:
        """How the article filter and the table name it: date, then its title, or its
        outlet, or the opening words of its first claim (never its id)."""
        name = article_name(self.title, self.source, self.url, self.date, first_claim,
                            dated=False)
        return f"{self.date} · {name}" + (f" ({self.source})" if self.source and self.title
                                          else "")


@dataclass(frozen=True, eq=False)
class LayerData:
    """A validated layer plus its date index. Row ``i`` of every array is ``claims[i]``.

    Rows are (claim, place) pairs sorted by (date, article, span, claim id, place order); a
    claim linked to two places is two rows with the same ``uid``.
    """

    path: str
    generator: dict
    places: tuple[Place, ...]
    articles: tuple[Article, ...]
    unresolved: tuple[dict, ...]
    has_unplaced: bool
    claims: tuple[Claim, ...]
    day: np.ndarray
    place: np.ndarray
    uid: np.ndarray
    speaker: np.ndarray
    source: np.ndarray
    article: np.ndarray
    reporter: np.ndarray
    speakers: tuple[str, ...]
    sources: tuple[str, ...]
    article_ids: tuple[str, ...]
    analysis: LayerAnalysis = field(default_factory=LayerAnalysis)
    """Figures, event times and comparisons (:mod:`dashboard.analysis`)."""

    @property
    def claim_count(self) -> int:
        """Distinct claims ((article, claim id) pairs); uids are dense codes 0..n-1."""
        return int(self.uid.max()) + 1 if len(self.uid) else 0

    @cached_property
    def article_labels(self) -> dict[str, str]:
        """Article id → :attr:`Article.label`, for the article filter (built once per layer:
        a 10k-article layer took milliseconds per rerun)."""
        first: dict[str, str] = {}
        for claim in sorted(self.claims, key=lambda c: (c.article_id, c.span)):
            first.setdefault(claim.article_id, claim.text)
        return {a.id: a.label(first.get(a.id)) for a in self.articles}

    @property
    def first_date(self) -> dt.date | None:
        return dt.date.fromordinal(int(self.day[0])) if len(self.day) else None

    @property
    def last_date(self) -> dt.date | None:
        return dt.date.fromordinal(int(self.day[-1])) if len(self.day) else None


@dataclass(frozen=True)
class Filters:
    """What the user asked to see. Empty sets mean "all"; ``None`` dates mean "open-ended"."""

    start: dt.date | None = None
    end: dt.date | None = None
    speakers: frozenset[str] = frozenset()
    sources: frozenset[str] = frozenset()
    articles: frozenset[str] = frozenset()
    hide_reporter: bool = False
    time_basis: str = PUBLICATION
    """``publication``: the dates are the articles'; ``event``: the claims' event times."""


@dataclass(frozen=True, eq=False)
class PlaceClaims:
    """A place that has claims in the view, and those rows, newest first."""

    index: int
    place: Place
    rows: np.ndarray

    @property
    def count(self) -> int:
        return len(self.rows)


@dataclass(frozen=True, eq=False)
class View:
    """The result of filtering: rows newest first, and the places they fall on (layer order)."""

    data: LayerData
    filters: Filters
    rows: np.ndarray
    places: tuple[PlaceClaims, ...]

    @cached_property
    def claim_rows(self) -> np.ndarray:
        """The first row of each distinct claim, in view order (newest first).

        Cached (the page asks for it several times per rerun); a view is never mutated.
        """
        _, first = np.unique(self.data.uid[self.rows], return_index=True)
        return self.rows[np.sort(first)]

    @property
    def claim_count(self) -> int:
        """Distinct claims (a claim on two places counts once)."""
        return len(self.claim_rows)

    @property
    def article_count(self) -> int:
        return len(np.unique(self.data.article[self.rows]))

    def claims_of(self, place_id: str) -> PlaceClaims | None:
        return next((p for p in self.places if p.place.place_id == place_id), None)


def _codes(labels: list[str]) -> tuple[tuple[str, ...], np.ndarray]:
    vocabulary = tuple(sorted(set(labels)))
    position = {label: i for i, label in enumerate(vocabulary)}
    return vocabulary, np.fromiter((position[x] for x in labels), dtype=np.int32,
                                   count=len(labels))


def _place(feature: dict) -> Place:
    props = feature["properties"]
    record = {name: props[name] for name in PLACE_FIELDS} | {"mentions": tuple(props["mentions"])}
    return Place(**record, feature_id=feature["id"], geometry=feature["geometry"])


def index_layer(layer: dict, path: str = "") -> LayerData:
    """Flatten a (valid) layer dict into the date-sorted arrays of :class:`LayerData`."""
    places = tuple(_place(f) for f in layer["features"])
    pairs = [(Claim.from_record(c), i)
             for i, f in enumerate(layer["features"]) for c in f["properties"]["claims"]]
    pairs += [(Claim.from_record(c), NO_PLACE) for c in layer.get("unplaced", [])]
    pairs.sort(key=lambda p: (p[0].date, p[0].article_id, p[0].span, p[0].claim_id, p[1]))
    claims = tuple(c for c, _ in pairs)
    speakers, speaker = _codes([c.speaker_label for c in claims])
    sources, source = _codes([c.source_label for c in claims])
    article_ids, article = _codes([c.article_id for c in claims])
    _, uid = _codes([f"{c.article_id}\x00{c.claim_id}" for c in claims])
    day = np.fromiter((dt.date.fromisoformat(c.date).toordinal() for c in claims),
                      dtype=np.int64, count=len(claims))
    return LayerData(
        path=path,
        generator=layer["generator"],
        places=places,
        articles=tuple(Article(**a) for a in layer["articles"]),
        unresolved=tuple(layer["unresolved"]),
        has_unplaced="unplaced" in layer,
        claims=claims,
        day=day,
        place=np.fromiter((p for _, p in pairs), dtype=np.int32, count=len(pairs)),
        uid=uid, speaker=speaker, source=source, article=article,
        reporter=np.fromiter((c.attribution == "reporter" for c in claims), dtype=bool,
                             count=len(claims)),
        speakers=speakers, sources=sources, article_ids=article_ids,
        analysis=layer_analysis(layer, claims, day),
    )


def load_layer(path: str | Path) -> LayerData:
    """Read, validate and index a layer file (raises :class:`LayerError`)."""
    return index_layer(read_layer_json(path), str(path))


def _allowed(codes: np.ndarray, vocabulary: tuple[str, ...], wanted: frozenset[str]):
    """Mask of rows whose code is in ``wanted``; ``None`` when the filter is off."""
    if not wanted:
        return None
    keep = np.fromiter((label in wanted for label in vocabulary), dtype=bool,
                       count=len(vocabulary))
    return keep[codes] if len(vocabulary) else np.zeros(len(codes), dtype=bool)


def window(data: LayerData, start: dt.date | None, end: dt.date | None) -> tuple[int, int]:
    """Row range [lo, hi) of claims dated start..end inclusive (binary search)."""
    lo = 0 if start is None else int(np.searchsorted(data.day, start.toordinal(), "left"))
    hi = len(data.day) if end is None else int(
        np.searchsorted(data.day, end.toordinal(), "right"))
    return lo, max(lo, hi)


def filter_claims(data: LayerData, filters: Filters) -> View:
    """Apply ``filters``: the rows in range newest first, grouped by place in layer order."""
    if filters.time_basis == PUBLICATION:
        lo, hi = window(data, filters.start, filters.end)
        mask = np.ones(hi - lo, dtype=bool)
    else:  # event time: no date order to search, a mask over every row
        lo, hi = 0, len(data.day)
        mask = event_mask(data.analysis, filters.start, filters.end)
    for codes, vocabulary, wanted in (
        (data.speaker, data.speakers, filters.speakers),
        (data.source, data.sources, filters.sources),
        (data.article, data.article_ids, filters.articles),
    ):
        allowed = _allowed(codes[lo:hi], vocabulary, wanted)
        if allowed is not None:
            mask &= allowed
    if filters.hide_reporter:
        mask &= ~data.reporter[lo:hi]
    rows = lo + np.flatnonzero(mask)
    rows = rows[np.lexsort((rows, -data.day[rows]))]
    placed = rows[data.place[rows] != NO_PLACE]
    by_place = placed[np.argsort(data.place[placed], kind="stable")]
    place_of = data.place[by_place]
    starts = np.flatnonzero(np.r_[True, place_of[1:] != place_of[:-1]]) if len(by_place) else []
    groups = np.split(by_place, starts[1:]) if len(by_place) else []
    places = tuple(PlaceClaims(int(data.place[g[0]]), data.places[int(data.place[g[0]])], g)
                   for g in groups)
    return View(data=data, filters=filters, rows=rows, places=places)

