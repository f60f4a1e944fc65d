"""The build pipeline: article files → claims and places → one layer dict.

One article's failure (unreadable, malformed, or a bug it trips in extraction) is
reported as an :class:`ArticleError` naming its file; every other article still
reaches the layer. With ``jobs > 1`` articles are processed in worker processes that
open their own gazetteer (its on-disk index is a SQLite file, and a SQLite connection
must not cross a fork); results are put back in article order, so the layer is
byte-identical whatever the number of jobs.
"""

from __future__ import annotations

import multiprocessing
import sys
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator, Sequence

from tqdm import tqdm

from .claims import extract_claims
from .documents import Document, collect_paths, read_corpus
from .errors import ArticleError
from .gazetteer import Gazetteer
from .layer import ArticleResult, assemble_layer
from .linking import link_claims
from .places import Mention, find_mentions

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
    claims = extract_claims(doc)
    mentions = find_mentions(doc, gazetteer)
    links, unplaced = link_claims(claims, mentions)
    return ArticleResult(doc, claims, mentions, links, unplaced)


def _safe_process(doc: Document, gazetteer: Gazetteer) -> ArticleResult | ArticleError:
    try:
        return process_document(doc, gazetteer)
    except Exception as exc:  # one article's unexpected failure must not stop the build
        return ArticleError(
            f"could not be processed ({type(exc).__name__}: {exc}); please report this", doc.path
        )


_WORKER_GAZETTEER: Gazetteer | None = None


def _start_worker(loader: GazetteerLoader) -> None:
    global _WORKER_GAZETTEER
    _WORKER_GAZETTEER = loader()


def _worker(doc: Document) -> ArticleResult | ArticleError:
    assert _WORKER_GAZETTEER is not None, "worker started without a gazetteer"
    return _safe_process(doc, _WORKER_GAZETTEER)


def _results(docs: Sequence[Document], gazetteer: Gazetteer, jobs: int,
             loader: GazetteerLoader) -> Iterator:
    if jobs <= 1 or len(docs) < 2:
        yield from (_safe_process(doc, gazetteer) for doc in docs)
        return
    chunk = max(1, min(64, len(docs) // (jobs * 8)))
    with multiprocessing.get_context("spawn").Pool(jobs, _start_worker, (loader,)) as pool:
        yield from pool.imap(_worker, docs, chunksize=chunk)


def build(
    inputs: Iterable[str],
    gazetteer: Gazetteer,
    *,
    jobs: int = 1,
    progress: bool = False,
    mention_hook: MentionHook | None = None,
    loader: GazetteerLoader = Gazetteer.load,
) -> BuildResult:
    """Read, extract, resolve and assemble; never raises for a bad article.

    ``loader`` must open the same gazetteer as ``gazetteer``: worker processes use it.
    """
    corpus = read_corpus(collect_paths(inputs))
    errors = list(corpus.errors)
    results: list[ArticleResult] = []
    bar = tqdm(total=len(corpus.documents), unit="article", disable=not progress,
               file=sys.stderr, dynamic_ncols=True)
    with bar:
        for outcome in _results(corpus.documents, gazetteer, jobs, loader):
            bar.update(1)
            if isinstance(outcome, ArticleError):
                errors.append(outcome)
                continue
            if mention_hook is not None:
                outcome.mentions = mention_hook(outcome.mentions)
                outcome.links, outcome.unplaced = link_claims(outcome.claims, outcome.mentions)
            results.append(outcome)
    errors.sort(key=lambda e: (e.path or "", e.line or 0))
    return BuildResult(assemble_layer(results), errors)
