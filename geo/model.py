"""The types that pass between the pipeline's stages, and nothing else (no logic).

Why one module: every stage reads what an earlier one made — the reader makes a
:class:`Document`, the splitter :class:`Sentence` objects, claim extraction :class:`Claim`
objects, the gazetteer :class:`Place` and :class:`Candidate` objects, place recognition
:class:`Mention` objects, linking :class:`Link` objects, and the pipeline one
:class:`ArticleResult` per article for the layer. Defined here, beside the stages instead of
inside one of them, no stage has to import a later one to name what it receives (the old
gazetteer ↔ places cycle). Types used inside one stage only (a spotted name, a token, a
speaker being resolved) stay in that stage.

Every type is a frozen dataclass except :class:`ArticleResult`, whose mentions and links the
build may replace (online geocoding of unresolved names).

The layer's own records — :class:`ClaimRecord`, :class:`PlaceRecord`, :class:`ArticleRecord`
— are here too: the layer writes its JSON objects with their fields in their order, and the
dashboard's row types are these records, so the field lists are written once.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields


@dataclass(frozen=True)
class Document:
    """One article. ``text`` is the whole decoded file (BOM removed); the body, where claims
    and places are looked for, is ``text[body_start:]``. Every offset in every later type
    points into ``text``."""

    id: str
    path: str
    date: dt.date
    text: str
    body_start: int
    title: str | None = None
    source: str | None = None
    url: str | None = None
    sha256: str = field(default="", compare=False)

    @property
    def body(self) -> str:
        return self.text[self.body_start:]


@dataclass(frozen=True)
class Sentence:
    """A sentence: ``text == document_text[start:end]``, with no surrounding whitespace."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Claim:
    """One claim; ``text == document.text[span[0]:span[1]]``.

    ``attribution`` is ``"speaker"`` (``speaker`` is a canonical name; ``verb`` the reporting
    verb as written, ``None`` when layout gave the speaker) or ``"reporter"`` (the article's
    own statement: no speaker). ``quote`` is the directly quoted words, fragments joined by
    " … ". ``sentence`` is the span of the whole sentence the claim is (part of)."""

    id: str
    article_id: str
    date: dt.date
    speaker: str | None
    speaker_title: str | None
    verb: str | None
    text: str
    quote: str | None
    span: tuple[int, int]
    attribution: str
    sentence: tuple[int, int]


@dataclass(frozen=True)
class Figure:
    """A number a text states as a quantity; ``document.text[start:end] == text``.

    ``unit`` is ``count`` for a number of things (``counted`` names them: "settlements",
    "Ukrainian soldiers") or a unit (``km2``, ``percent``, ``usd`` …); ``qualifier`` bounds
    it ("over", "about", "at least", "up to" …, ``None`` when exact); ``also`` is the same
    figure in other units ("(386 square miles)"), as (value, unit) pairs."""

    start: int
    end: int
    text: str
    value: float
    unit: str
    counted: str | None
    qualifier: str | None
    also: tuple[tuple[float, str], ...] = ()


@dataclass(frozen=True)
class EventTime:
    """When a claim says its event happened: the days ``start`` … ``end`` (inclusive) that
    its time expression (``text``, as written) means against the article's date, and how
    precise that is (``day``, ``week`` or ``month``, as ACLED's time_precision 1-3)."""

    start: dt.date
    end: dt.date
    precision: str
    text: str


@dataclass(frozen=True)
class Comparison:
    """Claims of a layer about the same subject, place and period, grouped with a reason.

    ``kind`` is ``corroboration`` (one speaker, the same figures or near-identical text in
    several reports), ``same-speaker`` (one speaker's differing figures across reports),
    ``different-speakers`` (their figures for the same thing) or ``denial`` (a claim and
    the one it denies); ``disputed`` when figures differ beyond their qualifiers, or for a
    denial. ``claims`` are (claim id, the figures compared, as written), in date order;
    ``places`` the place ids they share; ``start``/``end`` the period they cover."""

    id: str
    kind: str
    reason: str
    disputed: bool
    subject: str
    places: tuple[str, ...]
    start: dt.date
    end: dt.date
    claims: tuple[tuple[str, tuple[str, ...]], ...]


@dataclass(frozen=True)
class Analysis:
    """What :mod:`geo.analysis` found in a layer's claims: each claim's figures and event
    time (claims without either are absent), and the comparisons between claims."""

    figures: dict[str, tuple[Figure, ...]]
    times: dict[str, EventTime]
    comparisons: tuple[Comparison, ...]


@dataclass(frozen=True)
class Place:
    """A place on the earth, as precise as the sources honestly allow.

    ``geometry`` is a GeoJSON geometry dict (a point, or the polygon of the region a place
    is only known to lie in: then ``approximate``); ``precision`` is ``country``, ``region``,
    ``district``, ``hromada`` (a Ukrainian settlement drawn at its hromada's centroid) or
    ``settlement``; ``source`` names the gazetteer source."""

    id: str
    name: str
    kind: str
    country: str | None
    admin1: str | None
    geometry: dict
    precision: str
    approximate: bool
    source: str


@dataclass(frozen=True)
class Candidate:
    """A place a name may denote, with what the ranking needs."""

    place: Place
    population: int
    priority: int
    typed: bool
    """The name itself states the type ("Kursk Oblast", "Sumy region")."""
    loose: bool
    """Matched only after folding transliteration variants."""
    lonlat: tuple[float, float]
    """A point inside the place (``geometry.representative_lonlat``), computed once per geometry."""


@dataclass(frozen=True)
class Mention:
    """One place name in one article; ``document.text[start:end] == surface``.

    ``place`` is ``None`` for a name recognised but not resolved, ``reason`` then says why;
    ``reading`` says how a resolved name was read ("the name states the region type")."""

    article_id: str
    start: int
    end: int
    surface: str
    place: Place | None
    reading: str | None
    reason: str | None


@dataclass(frozen=True)
class Link:
    """One claim tied to one place; ``link`` is ``"named"`` or ``"context"``."""

    claim: Claim
    place: Place
    link: str


@dataclass
class ArticleResult:
    """What the pipeline found in one article: its claims, place mentions, the links between
    them, and the claims no place could be tied to."""

    document: Document
    claims: list[Claim]
    mentions: list[Mention]
    links: list[Link]
    unplaced: list[Claim] = field(default_factory=list)


@dataclass(frozen=True)
class ClaimRecord:
    """A claim as the layer stores it (a feature's ``claims``, the layer's ``unplaced``): the
    fields of ``layer.schema.json`` in its key order. ``date`` is ISO; ``link`` is
    ``"named"``, ``"context"`` or ``"none"`` (unplaced)."""

    claim_id: str
    date: str
    speaker: str | None
    speaker_title: str | None
    verb: str | None
    text: str
    quote: str | None
    article_id: str
    article_title: str | None
    source: str | None
    url: str | None
    span: tuple[int, int]
    attribution: str
    link: str


@dataclass(frozen=True)
class PlaceRecord:
    """A layer feature's ``properties`` except ``claims``, which come last, in the schema's
    key order; ``gazetteer`` is the place's source, ``mentions`` the surface forms seen."""

    place_id: str
    name: str
    kind: str
    country: str | None
    admin1: str | None
    precision: str
    approximate: bool
    gazetteer: str
    mentions: tuple[str, ...]


@dataclass(frozen=True)
class ArticleRecord:
    """An entry of the layer's ``articles`` list (``claims`` is how many the article has)."""

    id: str
    date: str
    title: str | None
    source: str | None
    url: str | None
    claims: int


CLAIM_FIELDS = tuple(f.name for f in fields(ClaimRecord))
PLACE_FIELDS = tuple(f.name for f in fields(PlaceRecord))
ARTICLE_FIELDS = tuple(f.name for f in fields(ArticleRecord))
"""The records' keys in the layer's order (its JSON objects are built from these)."""
