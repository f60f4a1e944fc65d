"""Tying claims to the places they are about.

A claim is tied to every resolved place its own span names (``link="named"``). A claim
that names none is tied to the place its context is about (``link="context"``):

1. an anaphor in the claim ("this settlement", "the village", "the border region")
   points to the nearest earlier place of the matching kind in the article;
2. otherwise the nearest earlier resolved place that is not a country (a country is
   rarely what a follow-up sentence is "about"), then any nearest earlier place;
3. otherwise the first place the article names after the claim.

A claim that names only countries but also says "the border region" gets that
anaphor's antecedent as a context link too ("Russia's forces have retaken 24
settlements in the border region" is about Kursk Oblast as much as about Russia).

Only an article with no resolved place at all leaves a claim unplaced; the layer lists
such claims so nothing is silently dropped.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace

from .. import rules
from ..model import Claim, Link, Mention, Place

_SETTLEMENT_ANAPHOR = re.compile(
    r"\b(?:this|that|the)\s+(?:"
    + rules.alternation(rules.words("settlement-type", "settlement-anaphor")) + r")\b",
    re.IGNORECASE)
_REGION_ANAPHOR = re.compile(
    r"\b(?:this|that|the)\s+(?:" + rules.alternation(rules.words("region-anaphor")) + r")\b",
    re.IGNORECASE)
_SETTLEMENT_KINDS = frozenset({"settlement", "other"})
_REGION_KINDS = frozenset({"admin1", "admin2", "area"})
_COARSE_KINDS = frozenset({"country", "continent"})
"""A claim that names only these says little of where: the place the text points back to
("this village") is linked too."""


def _resolved(mentions: list[Mention]) -> list[Mention]:
    return sorted((m for m in mentions if m.place is not None), key=lambda m: (m.start, m.end))


def _nearest_before(before: list[Mention], kinds: frozenset[str] | None) -> Place | None:
    for mention in reversed(before):
        if kinds is None or mention.place.kind in kinds:
            return mention.place
    return None


def _anaphor_place(claim: Claim, before: list[Mention]) -> Place | None:
    if _SETTLEMENT_ANAPHOR.search(claim.text):
        found = _nearest_before(before, _SETTLEMENT_KINDS)
        if found:
            return found
    if _REGION_ANAPHOR.search(claim.text):
        return _nearest_before(before, _REGION_KINDS)
    return None


def _context_place(claim: Claim, before: list[Mention], after: list[Mention]) -> Place | None:
    found = _anaphor_place(claim, before)
    found = found or _nearest_before(before, _SETTLEMENT_KINDS | _REGION_KINDS)
    found = found or _nearest_before(before, None)
    if found:
        return found
    return after[0].place if after else None


def link_claims(claims: list[Claim], mentions: list[Mention]) -> tuple[list[Link], list[Claim]]:
    """Return the links (in claim order, places in order of mention) and the unplaced claims."""
    resolved = _resolved(mentions)
    starts = [m.start for m in resolved]
    links: list[Link] = []
    unplaced: list[Claim] = []
    for claim in claims:
        lo, hi = claim.span
        named: dict[str, Place] = {}
        for mention in resolved[bisect_left(starts, lo):]:
            if mention.start >= hi:
                break
            if mention.end <= hi:
                named.setdefault(mention.place.id, mention.place)
        cut = bisect_left(starts, lo)
        if named:
            links.extend(Link(claim, place, "named") for place in named.values())
            if all(place.kind in _COARSE_KINDS for place in named.values()):
                extra = _anaphor_place(claim, resolved[:cut])
                if extra is not None and extra.id not in named:
                    links.append(Link(claim, extra, "context"))
            continue
        place = _context_place(claim, resolved[:cut], resolved[cut:])
        if place is None:
            unplaced.append(claim)
        else:
            links.append(Link(claim, place, "context"))
    return links, unplaced


_AUTHORITIES = {"country": "government of {}", "admin1": "{} regional government",
                "settlement": "{} city authorities"}
"""How a place that speaks is named as the body speaking for it (docs/annotation.md: a
region or city as subject is its government)."""


def place_speakers(claims: list[Claim], mentions: list[Mention]) -> list[Claim]:
    """``claims`` with a speaker that is a place the article names ("Bavaria said", "Passau
    said it would rebuild") given to that place's authorities ("Bavaria regional
    government"): a speaker is a person or a body, never a place. The claims stage cannot
    tell a region from a person by the name alone; the article's resolved mentions can.
    Capitals and countries with a government of their own name in the rules ("Kyiv",
    "Japan") were already read as that government."""
    places = {m.surface.casefold(): m.place for m in mentions
              if m.place is not None and m.place.kind in _AUTHORITIES}
    if not places:
        return claims
    found = []
    for claim in claims:
        place = places.get((claim.speaker or "").casefold())
        found.append(replace(claim, speaker=_AUTHORITIES[place.kind].format(place.name)) if place else claim)
    return found
