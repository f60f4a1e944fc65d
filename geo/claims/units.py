"""What the discourse model needs to know of each part of an article (:class:`Unit`).

Why a module of its own: the facts come from every other module of the stage — layout
(headings, label lines, bullets, transcript answers), quotations, the attribution and its
speakers, the article's own outlet — and :mod:`.discourse` should see only the facts, not
how they were read. The costly ones (regex searches for narration markers and hedges, the
subject of an unattributed sentence) are left to :attr:`Unit.narration`, asked only of a
unit that a scope would carry.

Contract: :func:`units` returns one :class:`Unit` per part, in order; :func:`relays` says
whether the article's own outlet presents a part as relayed ("…, UNN reports").
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache, partial
from typing import Protocol, Sequence

from .. import rules
from ..model import Document
from ..text import MASK, paragraph_quotes, paragraphs, running_quotes
from .attribution import Attribution, is_back_reference
from .phrases import lead_phrase
from .discourse import CLOSERS, WEAK_CLOSERS, Unit
from .layouts import Label, is_lead, label_phrase
from .names import clean_phrase, non_speaker
from .registry import ArticleSpeakers
from .speakers import Speaker
from .verbs import BULLETIN_VERBS

_RELAY_VERB = re.compile(r"\s+(?:" + rules.alternation(rules.words("relay-verb")) + r")\b")
_GENERIC_SUBJECT = re.compile(r"\s*(?:[A-Z][a-z]+\s+)?(?i:" + rules.alternation(rules.words("unnamed-source"))
                              + r")\s+[a-z]+")
"""A sentence about what unnamed others think ("Ukrainian officials see it differently"):
the reporter's narration, which ends a carried source."""
_FIRST_PERSON = rules.words("first-person")
_BULLET = re.compile(r"\s*[-–—•·▪*]\s")
_WORD = re.compile(r"[^\W\d_]")


class Part(Protocol):
    """What a unit is made from (``geo.claims.extract``'s parts)."""

    start: int
    end: int
    attribution: Attribution | None
    answerer: str | None
    label: Label | None
    sentence: object
    asks: bool


@lru_cache(maxsize=64)
def _outlet(source: str | None) -> re.Pattern | None:
    return re.compile(rf"\b{re.escape(source)}\b", re.IGNORECASE) if source else None


def outlet_pattern(doc: Document) -> re.Pattern | None:
    """The article's own outlet's name as a pattern (memoised per outlet)."""
    return _outlet(doc.source)


def relays(outlet: re.Pattern | None, masked: str, start: int, end: int) -> bool:
    """The article's own outlet says it relays ``masked[start:end]`` ("…, UNN reports",
    "Censor.NET reports this, citing …"); "X told NikVesti" is the outlet's own interview."""
    return bool(outlet) and any(_RELAY_VERB.match(masked, m.end()) for m in outlet.finditer(masked, start, end))


def has_words(masked: str, start: int, end: int) -> bool:
    """Some word of ``masked[start:end]`` lies outside quotations."""
    return bool(_WORD.search(masked, start, end))


def _quote_ids(doc: Document) -> list[tuple[int, int, int]]:
    """(start, end, id) of every quoted stretch; the stretches of one quotation running
    over several paragraphs share an id (the offset of the mark that closes it)."""
    text = doc.text
    found = [(a, b, b) for ranges in paragraph_quotes(text, doc.body_start) for a, b in ranges]
    found += [(mark, end, close) for mark, end, close in running_quotes(text, doc.body_start)]
    return sorted(found)


def _narration(body: str, registry: ArticleSpeakers) -> tuple[bool, bool, list[Speaker]]:
    """What says an unattributed part is the reporter's: a narration marker, a hedge or
    background (:mod:`.discourse`), unnamed others as subject, or a speaker the article knows
    as the subject of an action ("Zelenskyy went to see troops")."""
    subject = lead_phrase(body) if body[:1].isupper() else None
    other = registry.resolve(subject) if subject else None
    weak = bool(WEAK_CLOSERS.search(body)) or bool(_GENERIC_SUBJECT.match(body))
    return bool(CLOSERS.search(body.lstrip())), weak, [other] if other and other.name in registry.full_names else []


def units(doc: Document, masked: str, parts: Sequence[Part], own: Sequence[list[Speaker]],
          registry: ArticleSpeakers, heads: set[int]) -> list[Unit]:
    """One :class:`Unit` per part (``heads``: the starts of the heading paragraphs)."""
    text = doc.text
    para_starts = [a for a, _ in paragraphs(text, doc.body_start)]
    quotes = _quote_ids(doc)
    quote_starts = [a for a, _, _ in quotes]
    outlet = outlet_pattern(doc)
    found_units = []
    for part, found in zip(parts, own):
        para = bisect.bisect_right(para_starts, part.start) - 1
        att = part.attribution
        body = masked[part.start:part.end]
        touching = () if masked.find(MASK, part.start, part.end) < 0 else tuple(dict.fromkeys(
            q for a, b, q in quotes[:bisect.bisect_left(quote_starts, part.end)] if b >= part.start))
        label = part.label if part.label and part.label.start == part.sentence.start else None
        unit = Unit(part.start, part.end, para, own=found, attributed=bool(att), heading=part.start in heads,
                    label=label.kind if label else None, quotes=touching,
                    all_quote=not has_words(masked, part.start, part.end),
                    narration=None if att else partial(_narration, body, registry),
                    question=body.rstrip().endswith("?"), answer=bool(part.answerer), asks=part.asks,
                    bullet=bool(_BULLET.match(text, para_starts[para])),
                    quote_para=part.start == para_starts[para] and text[part.start:part.start + 1] in "\"“")
        if label and label.who:
            speaker = registry.resolve(label_phrase(label.who))
            unit.label_speakers = [speaker] if speaker else []
        if att:
            unit.lead = is_lead(text[part.start:part.end])
            unit.all_lead = unit.lead and len(body[att.verb_start - part.start:].split()) <= 4
            unit.generic = not found and all(non_speaker(clean_phrase(p)) for p, _ in att.subjects)
            unit.first_person = all(p.lower() in _FIRST_PERSON for p, _ in att.subjects)
            unit.backref = is_back_reference(masked, part.start, att)
            unit.relay = relays(outlet, masked, part.start, part.end)
            unit.bulletin = att.verb in BULLETIN_VERBS and all(s.kind == "org" for s in found)
        found_units.append(unit)
    return found_units
