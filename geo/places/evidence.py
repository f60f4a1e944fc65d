"""Evidence that a name from the worldwide populated-places list is a place in this article.

Why: GeoNames' 235k populated places share their names with English words ("Police", "God"
= Göd, "Still"), with people ("Smirnov" is an alternate name of Smirnykh, "Lincoln"), with
outlets and organisations ("Tass", "Hamas" = a name of Hamm) and, far away, with anything.
A reader takes such a word for a place only when the text says so, so a GeoNames settlement
is kept only with evidence, and the evidence asked for depends on what else the word is:

==============  ==================================================================
the word is     it is a place when
==============  ==================================================================
an outlet or    a settlement word names it: "the village of X", "X village"
organisation
a first name    that, or a place cue before it ("in X", "near X"), or it lies in a
                region the article names or near its other places, or it is a
                dateline, or a city of at least 1,000,000 people
a common word   the same
a surname       the same as a first name, or a town of at least 15,000 people in a
                country whose regions or towns the article names
anything else   any preposition before it, or a place in Russia, Ukraine or Belarus (the
                war's theatre), or the same as a surname, or in a country the article
                names, or a city of at least 100,000 people; elsewhere a place under
                15,000 people needs a cue or coherence
==============  ==================================================================

Contract: :func:`word_class` names the class of a surface (``None`` for an ordinary name);
:func:`settlement_evidence` returns why a candidate is a place here, or ``None`` when the
text gives no evidence. Both are pure; the lists are data in ``geo/rules/``.
"""

from __future__ import annotations

import re

from ..gazetteer.names import DIRECTIONS, key
from ..model import Candidate
from ..rules import (CAPITALISED_WORDS, COMMON_WORDS, FIRST_NAMES, GIVEN_NAMES,
                     ORGANISATIONS_NOT_PLACES, OUTLETS, SURNAMES, words)
from .ranking import Context, nearest_km
from . import spotting

EVIDENCE_SOURCES = frozenset({"geonames"})
"""The sources whose places need evidence: the curated ones (theatre lists, packs,
overrides) are places by construction."""
PLACE_CUES = words("place-cue")
"""Prepositions before a name that make it a place ("in X", "near X")."""
PERSON_SAFE_CUES = PLACE_CUES - words("person-preposition")
"""The cues that do not also introduce a person ("to X", "from X" do)."""
PREPOSITIONS = PLACE_CUES | (words("preposition") - words("article"))
"""Before a name that is no word or person, any preposition will do ("the shelling of X")."""
SETTLEMENT_TYPES = words("settlement-type")
THEATRE = frozenset({"RU", "UA", "BY"})
"""The countries claimmap maps the war in: a town there is never "far away"."""
NEAR_KM = 100.0
MIN_POPULATION = 15_000
FAR_POPULATION = 100_000
BIG_CITY = 1_000_000
"""A first name or a common word that is a city this big is the city ("Charlotte" is not)."""
_FIRST_NAMES = frozenset(key(n) for n in FIRST_NAMES) | GIVEN_NAMES
_NOT_PLACES = frozenset(key(n) for n in OUTLETS | ORGANISATIONS_NOT_PLACES)
_NEXT_WORD = re.compile(r"[ \t\u00a0]+([^\W\d_][\w'\u2019-]*)")
_APPOSITION = re.compile(r",[ \t\u00a0]+(?:a|an|the)[ \t\u00a0]+(?:small[ \t\u00a0]+)?([^\W\d_]+)")
AXIS_WORDS = words("axis")
"""A front's sector named after a town ("the Avdiivka sector", "the Pokrovsk direction")."""
LIST_CUES = tuple(sorted(tuple(phrase.split()) for phrase in words("list-cue")))
"""Words that open a list of places ("villages, among them A, B and C")."""


def outlet_keys(source: str | None) -> frozenset[str]:
    """The article's own outlet ("source: Orda.kz") as it may appear in the text: whole,
    its first word and its domain stem ("orda")."""
    if not source:
        return frozenset()
    name = source.split("(")[0].strip()
    forms = {name, name.split()[0] if name.split() else name, name.split(".")[0]}
    return frozenset(key(f) for f in forms if len(key(f)) >= 3)


def word_class(surface: str, outlet: frozenset[str] = frozenset(),
               initial: bool = False) -> str | None:
    """"outlet", "first name", "common word", "surname" or ``None`` (an ordinary name); a
    word English also has as a proper noun ("Nice", "Reading") is a common word only as a
    sentence's first word (``initial``), where its capital says nothing."""
    name = key(surface)
    if name in _NOT_PLACES or name in outlet:
        return "outlet"
    if name in _FIRST_NAMES:
        return "first name"
    if name in COMMON_WORDS or name in DIRECTIONS or (initial and name in CAPITALISED_WORDS):
        return "common word"
    if name in SURNAMES:
        return "surname"
    return None


def named_as_settlement(text: str, start: int, end: int) -> bool:
    """"the village of X", "the town X", "X village", "the X sector", "X, a village"."""
    before = spotting.token_window(text, start, 3)
    if before[-2:-1] and before[-1] == "of" and before[-2] in SETTLEMENT_TYPES:
        return True
    if before and before[-1] in SETTLEMENT_TYPES:
        return True
    after = _NEXT_WORD.match(text, end) or _APPOSITION.match(text, end)
    return after is not None and key(after.group(1)) in SETTLEMENT_TYPES | AXIS_WORDS


def cue(text: str, start: int, cues: frozenset[str] = PLACE_CUES) -> str | None:
    """The place cue right before ``start`` ("in", "near", "including"), if any."""
    before = spotting.token_window(text, start, 2)
    if before and before[-1] in cues:
        return before[-1]
    return next((" ".join(c) for c in LIST_CUES if tuple(before[-len(c):]) == c), None)


def stands_alone(cand: Candidate, ctx: Context) -> bool:
    """Whether an unambiguous name that is no word or person is a place whatever else the
    article says: a curated place, a city, a town of a country or region the text names."""
    return (cand.place.source not in EVIDENCE_SOURCES or cand.population >= FAR_POPULATION
            or (cand.population >= MIN_POPULATION and cand.place.country in ctx.countries)
            or (cand.place.admin1 is not None and cand.place.admin1 in ctx.admin1s))


def settlement_evidence(text: str, start: int, end: int, cand: Candidate, population: int,
                        ctx: Context, cls: str | None, dateline: bool = False) -> str | None:
    """Why this GeoNames settlement is a place here (see the table above), or ``None``."""
    if cand.place.source not in EVIDENCE_SOURCES:
        return "a curated place"
    if named_as_settlement(text, start, end):
        return "a settlement word names it"
    if cls == "outlet":
        return None
    if dateline:
        return "a dateline"
    cues = {None: PREPOSITIONS, "first name": PERSON_SAFE_CUES, "surname": PERSON_SAFE_CUES}
    found = cue(text, start, cues.get(cls, PLACE_CUES))
    if found:
        return f"the place cue {found!r}"
    if cls is None and cand.place.country in THEATRE:
        return "a place of the war's theatre"
    if cand.place.admin1 and cand.place.admin1 in ctx.admin1s:
        return "in a region the article names"
    if nearest_km(cand, ctx) <= NEAR_KM:
        return "near the article's other places"
    if cls in ("first name", "common word"):
        return "a big city" if population >= BIG_CITY else None
    if population < MIN_POPULATION:
        return None
    if cand.place.country in ctx.homes:
        return "in a country whose regions or towns the article names"
    if cls == "surname":
        return None
    if cand.place.country in ctx.countries:
        return "in a country the article names"
    return "a big city" if population >= FAR_POPULATION else None
