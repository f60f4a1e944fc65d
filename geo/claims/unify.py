"""One speaker across the articles of a layer: "Klymenko" in one report is the "Ihor
Klymenko" another report names in full.

Why: within an article a surname is linked to the full name the article gives
(:mod:`.registry`), but a short report may name a person by surname alone ("Klymenko said
…") while the layer's other reports name him in full; the analyst filtering by speaker must
find both under one name.

Contract: :func:`unify_speakers` renames, in every claim of every result (its claims, its
links and its unplaced claims alike), each single-word speaker that is the surname of
exactly one multi-word speaker of the layer to that full name. Every other speaker stays as
written: a surname two full names share, an acronym ("TASS"), a one-word organisation
("Rybar"). The renaming depends only on the set of speakers, not on the order of the
articles, so the layer stays deterministic.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from typing import Iterable, Sequence

from ..model import ArticleResult, Claim


def surname_renames(claims: Iterable[Claim]) -> dict[str, str]:
    """single-word speaker → the one full name of the layer whose last word it is."""
    names = {c.speaker for c in claims if c.speaker}
    by_surname: dict[str, set[str]] = defaultdict(set)
    for name in names:
        words = name.split()
        if len(words) > 1 and words[-1][:1].isupper() and not name.isupper():
            by_surname[words[-1]].add(name)
    return {name: min(by_surname[name]) for name in names
            if " " not in name and not name.isupper() and len(by_surname.get(name, ())) == 1}


def unify_speakers(results: Sequence[ArticleResult]) -> None:
    """Rename layer-wide surnames to their full names in ``results`` (in place)."""
    renames = surname_renames(c for result in results for c in result.claims)
    if not renames:
        return
    for result in results:
        renamed: dict[int, Claim] = {}
        for claim in result.claims:
            if claim.speaker in renames:
                renamed[id(claim)] = replace(claim, speaker=renames[claim.speaker])
        if not renamed:
            continue
        result.claims = [renamed.get(id(c), c) for c in result.claims]
        result.unplaced = [renamed.get(id(c), c) for c in result.unplaced]
        result.links = [replace(link, claim=renamed[id(link.claim)]) if id(link.claim) in renamed else link
                        for link in result.links]
