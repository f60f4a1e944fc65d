"""The build pipeline: article files → claims and places → one layer dict.

One article's failure (unreadable, malformed, or a bug it trips in extraction) is
reported as an :class:`ArticleError` naming its file; every other article still
reaches the layer. With ``jobs > 1`` articles are processed in worker processes that
open their own gazetteer (its on-disk index is a SQLite file, and a SQLite connection
must not cross a fork); results are put back in article order, so the layer is
byte-identical whatever the number of jobs.

Why workers send back so little: pickling is what made ``--jobs 2`` slower than one
process. A worker returns only what the parent does not have — claims, mentions and
links, with each place reduced to its id (no polygon) — and the parent puts its own
document and the gazetteer's place (memoised there) back. Articles go out in chunks of
up to :data:`MAX_CHUNK`, so each round trip carries many of them.
"""

from __future__ import annotations

import datetime as dt
import gc
import multiprocessing
import sys
from dataclasses import dataclass, field, replace
from typing import Callable, Iterable, Iterator, Sequence

from tqdm import tqdm

from .analysis import analyse
from .claims import extract_claims, unify_speakers
from .errors import ArticleError
from .gazetteer import Gazetteer
from .layer import assemble_layer, link_claims, place_speakers
from .model import ArticleResult, Document, Link, Mention, Place
from .places import find_mentions
from .store import Store, decode, document_key, encode
from .text import Corpus, collect_paths, read_corpus
from .text.corpus import Fetch

GazetteerLoader = Callable[[], Gazetteer]
"""Opens a gazetteer in a worker process (picklable: e.g. a functools.partial of Gazetteer.load)."""

MentionHook = Callable[[list[Mention]], list[Mention]]
"""Post-processes an article's mentions (e.g. online geocoding of unresolved ones)."""


@dataclass
class BuildResult:
    """The layer and what went wrong on the way (nothing is dropped silently)."""

    layer: dict
    errors: list[ArticleError] = field(default_factory=list)

    @property
    def stats(self) -> dict[str, int]:
        features = self.layer["features"]
        return {
            "articles": len(self.layer["articles"]),
            "claims": sum(a["claims"] for a in self.layer["articles"]),
            "places": len(features),
            "unresolved": len(self.layer["unresolved"]),
            "unplaced": len(self.layer["unplaced"]),
            "rejected": len(self.errors),
        }


def process_document(doc: Document, gazetteer: Gazetteer) -> ArticleResult:
    """Claims, place mentions and their links for one article (pure given the gazetteer)."""
    mentions = find_mentions(doc, gazetteer)
    claims = place_speakers(extract_claims(doc), mentions)
    links, unplaced = link_claims(claims, mentions)
    return ArticleResult(doc, claims, mentions, links, unplaced)


def _safe_process(doc: Document, gazetteer: Gazetteer) -> ArticleResult | ArticleError:
    try:
        return process_document(doc, gazetteer)
    except Exception as exc:  # one article's unexpected failure must not stop the build
        return ArticleError(
            f"could not be processed ({type(exc).__name__}: {exc}); please report this", doc.path
        )


MAX_CHUNK = 64
"""Articles per task sent to a worker: big enough to amortise a round trip, small enough
that both workers stay busy to the end."""

_WORKER_GAZETTEER: Gazetteer | None = None

Shipped = tuple[list, list[Mention], list[Link], list]
"""A worker's answer for one article: (claims, mentions, links, unplaced claims), places
stripped of their geometry (see :func:`strip_places`)."""


def strip_places(result: ArticleResult) -> Shipped:
    """The result without its document, each place reduced to its id, kind and names."""
    light: dict[str, Place] = {}

    def lighten(place: Place) -> Place:
        if place.id not in light:
            light[place.id] = replace(place, geometry={})
        return light[place.id]

    mentions = [replace(m, place=lighten(m.place)) if m.place is not None else m
                for m in result.mentions]
    links = [Link(link.claim, lighten(link.place), link.link) for link in result.links]
    return result.claims, mentions, links, result.unplaced


def restore_places(doc: Document, shipped: Shipped, gazetteer: Gazetteer) -> ArticleResult:
    """The inverse of :func:`strip_places`: the parent's document and gazetteer places."""
    claims, mentions, links, unplaced = shipped
    mentions = [replace(m, place=gazetteer.get(m.place.id)) if m.place is not None else m
                for m in mentions]
    links = [Link(link.claim, gazetteer.get(link.place.id), link.link) for link in links]
    return ArticleResult(doc, claims, mentions, links, unplaced)


def _start_worker(loader: GazetteerLoader) -> None:
    global _WORKER_GAZETTEER
    _WORKER_GAZETTEER = loader()


def _worker(doc: Document) -> Shipped | ArticleError:
    assert _WORKER_GAZETTEER is not None, "worker started without a gazetteer"
    outcome = _safe_process(doc, _WORKER_GAZETTEER)
    return outcome if isinstance(outcome, ArticleError) else strip_places(outcome)


def _results(docs: Sequence[Document], gazetteer: Gazetteer, jobs: int,
             loader: GazetteerLoader) -> Iterator[ArticleResult | ArticleError]:
    if jobs <= 1 or len(docs) < 2:
        yield from (_safe_process(doc, gazetteer) for doc in docs)
        return
    chunk = max(1, min(MAX_CHUNK, len(docs) // (jobs * 4)))
    with multiprocessing.get_context("spawn").Pool(jobs, _start_worker, (loader,)) as pool:
        for doc, outcome in zip(docs, pool.imap(_worker, docs, chunksize=chunk)):
            yield outcome if isinstance(outcome, ArticleError) else \
                restore_places(doc, outcome, gazetteer)


def build(
    inputs: Iterable[str],
    gazetteer: Gazetteer,
    *,
    jobs: int = 1,
    progress: bool = False,
    mention_hook: MentionHook | None = None,
    loader: GazetteerLoader = Gazetteer.load,
    default_date: dt.date | None = None,
    fetch: Fetch | None = None,
    store: Store | None = None,
) -> BuildResult:
    """Read, extract, resolve and assemble; never raises for a bad article.

    ``loader`` must open the same gazetteer as ``gazetteer``: worker processes use it.
    ``default_date`` (``--date``) dates the pages, items and rows that have no date;
    ``fetch`` (``--fetch``) downloads the pages of feed items and URL lists
    (:func:`geo.text.read_corpus`). With a ``store`` (:mod:`geo.store`) only the articles
    it has no result for are processed (and stored); the layer is the same.

    Python's cyclic garbage collector is paused meanwhile (and left as it was found): a
    build allocates millions of small objects that all live until the layer is assembled,
    and what it keeps holds no reference cycles, so every collection would only walk the
    growing heap again (about a tenth of the CPU time of a 10k-article build, for no memory
    freed: the peak RSS is the same without it).
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        corpus = read_corpus(collect_paths(inputs), default_date=default_date, fetch=fetch,
                             progress=progress)
        return _build(corpus, gazetteer, jobs, progress, mention_hook, loader, store)
    finally:
        if collecting:
            gc.enable()


def _build(corpus: Corpus, gazetteer: Gazetteer, jobs: int, progress: bool,
           mention_hook: MentionHook | None, loader: GazetteerLoader,
           store: Store | None) -> BuildResult:
    errors = list(corpus.errors)
    keys = {id(doc): document_key(doc) for doc in corpus.documents} if store is not None else {}
    stored = store.get(keys.values()) if store is not None else {}
    todo = [doc for doc in corpus.documents if keys.get(id(doc)) not in stored]
    fresh: dict[int, ArticleResult] = {}
    new_rows: list[tuple[str, str]] = []
    bar = tqdm(total=len(todo), unit="article", disable=not progress,
               file=sys.stderr, dynamic_ncols=True)
    with bar:
        for doc, outcome in zip(todo, _results(todo, gazetteer, jobs, loader)):
            bar.update(1)
            if isinstance(outcome, ArticleError):
                errors.append(outcome)
                continue
            if mention_hook is not None:
                outcome.mentions = mention_hook(outcome.mentions)
                outcome.links, outcome.unplaced = link_claims(outcome.claims, outcome.mentions)
            fresh[id(doc)] = outcome
            if store is not None:  # the article's own result, before the layer-wide passes
                new_rows.append((keys[id(doc)], encode(outcome, gazetteer)))
    if store is not None:
        store.put(new_rows)
    results = [fresh[id(doc)] if id(doc) in fresh else decode(stored[keys[id(doc)]], doc, gazetteer)
               for doc in corpus.documents if id(doc) in fresh or keys.get(id(doc)) in stored]
    unify_speakers(results)  # "Klymenko" in one report is the "Ihor Klymenko" of another
    errors.sort(key=lambda e: (e.path or "", e.line or 0))
    # figures, event time and comparisons across the layer's articles (issue 18)
    return BuildResult(assemble_layer(results, analyse(results)), errors)
