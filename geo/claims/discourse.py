"""Carried sources: the speaker a sentence has without an attribution of its own.

Why: news copy names a source once and goes on in its voice — the next sentences of a
quotation, the reported speech after "Fedorov said that …", every line of a Ukrainska
Pravda item under its ``Source:`` line, a lead whose attribution follows ("Russian forces
struck Kharkiv overnight. This was announced by Oleh Syniehubov."), a bulletin under its
issuer's lead. A sentence-by-sentence reader leaves all of these to the reporter.

The model is small: the text has a *current source* and a *scope* it holds for.

* ``article`` — opened by a ``Source:`` label or by an outlet relaying a named source
  ("Censor.NET reports this, citing the Southern Defence Forces"): the item is the
  source's to its end, across headings, closed only by a closing label ("Background:")
  or a narration marker ("Earlier, …", "As a reminder, …").
* ``lead`` — opened by the first attribution of a section when it stands in the section's
  first paragraph, by a lead line ("X said:"), or by a back-reference ("This was stated
  by X"): it holds over the next paragraphs until a heading, a closer or a paragraph that
  names another speaker; a later attribution in it passes the scope on to its speaker.
* ``answer`` — a transcript answer ("Gen. Kryvonos (K): …"): the answerer talks on over
  the unlabelled paragraphs after it ("I said …" included) until a question, a heading or a
  sentence that names someone else.
* ``paragraph`` — any other attribution: it holds to the end of its paragraph (and over
  the next paragraph when that is a bullet after a bullet, or opens with a quotation that
  names no speaker: the newspaper convention for a statement continued in quotes).

Quotations are stronger than any scope: every sentence of one quotation is the speaker of
the quotation's attributed sentence, also across paragraphs. A closer (:data:`CLOSERS`,
:data:`WEAK_CLOSERS`) is the reporter speaking — background, what was *not* said or
confirmed, hedges — and ends the scope; a generic attribution ("officials said") ends a
paragraph scope. Back-references also give their speaker to the unattributed sentences
before them, back to the section's start.

Contract: :func:`carry` returns, for every unit, the speakers it gets (its own when it has
them) and whether they were carried (verb ``None`` then). It reads every unit once, plus
one backward fill per back-reference: linear in the article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .. import rules

_MARKERS = rules.alternation(rules.words("narration-marker"))
_STATEMENTS = rules.alternation(rules.words("source-noun"))
CLOSERS = re.compile(
    r"^(?:[-–—•]\s*)?(?:(?i:" + _MARKERS + r")|Our (?:live ?blog|correspondents?|reporters?)|"
    r"(?:His|Her|Their|Its|[A-Z][\w'’-]+['’]s?)\s+(?:" + _STATEMENTS + r")\s+(?!that\b)[a-z]+|"
    r"As (?:the )?[\w .-]{2,40}? (?:reported|wrote|said|noted) (?:earlier|previously|before))\b|"
    r"\b(?i:as a reminder)\b")
"""Narration markers (``narration-marker`` in words.txt: "Earlier, …", "As a reminder, …"),
an outlet recapping its own reports ("As the agency reported earlier"), and the reporter
commenting on a statement ("His remarks appeared to clash …"): the outlet's own voice."""

WEAK_CLOSERS = re.compile(
    r"\b(?:" + rules.alternation(rules.words("hedge")) + r"|"
    r"(?:not|never|cannot|can't|couldn't)\s+(?:(?:yet|immediately|independently|be|been|able to|possible to)\s+)*"
    r"(?:" + rules.alternation(rules.words("unconfirmed")) + r")|"
    r"before (?:\w+['’]s )?full-scale (?:invasion|war)|since the (?:start|beginning) of the full-scale)\b|"
    r"^since the (?:start|beginning) of\b", re.IGNORECASE)
"""What the reporter says about the claims (``hedge``: "reportedly", "no reports"; not
``unconfirmed``: "has not confirmed", "could not be verified") and background ("since the
start of the full-scale invasion"): they end a lead or paragraph scope, but not an item
under a ``Source:`` line, whose every line is the source's ("There were no reports of
casualties")."""


@dataclass
class Unit:
    """What the discourse model knows about one part (sentence or clause) of the body."""

    start: int
    end: int
    para: int
    own: list = field(default_factory=list)
    attributed: bool = False
    heading: bool = False
    label: str | None = None
    label_speakers: list = field(default_factory=list)
    lead: bool = False
    all_lead: bool = False
    backref: bool = False
    relay: bool = False
    bulletin: bool = False
    narration: object = None
    """A callable giving (closer, weak closer, other speaker) — asked only of a unit that a
    scope would carry: the tests are regex searches over the unit, not needed for most."""
    quotes: tuple = ()
    all_quote: bool = False
    bullet: bool = False
    quote_para: bool = False
    answer: bool = False
    asks: bool = False
    first_person: bool = False
    generic: bool = False
    question: bool = False

    def facts(self) -> tuple[bool, bool, list]:
        return self.narration() if self.narration else (False, False, [])


def _quote_speakers(units: list[Unit]) -> dict[int, list]:
    """Each quotation's speaker: the first unit touching it with speakers of its own, or a
    lead just before it ("Nebenzya replied:", "X said: "…")."""
    found: dict[int, list] = {}
    for i, unit in enumerate(units):
        for quote in unit.quotes:
            if quote in found:
                continue
            if unit.own:
                found[quote] = unit.own
            elif i and units[i - 1].lead and units[i - 1].own and quote not in units[i - 1].quotes:
                found[quote] = units[i - 1].own
    return found


def _backfill(units: list[Unit], speakers: list[list], carried: list[bool], i: int,
              source: list) -> None:
    """Give a back-reference's (or a ``Source:`` line's) speakers to the unattributed units
    before it, back to a heading, a label line, an attributed unit or the body's start."""
    for j in range(i - 1, -1, -1):
        unit = units[j]
        if unit.heading or unit.label or unit.attributed or speakers[j] or unit.facts()[0]:
            break
        speakers[j], carried[j] = list(source), True


WIRE_AGENCIES = rules.words("wire-agency")
"""International wire agencies and state news agencies: copy attributed sentence by sentence."""

_DATELINE = re.compile(r"^[A-Z][A-Z .,'-]{2,40}(?:,\s[A-Z][a-z]+)?(?:,?\s(?:[A-Z][a-z]+\.?\s\d{1,2}\.?)?)?\s*"
                       r"(?:\((?:AP|Reuters|AFP|Bloomberg|dpa|UPI)\)|/[A-Z]+/\.)|^\((?:AP|Reuters|AFP|Bloomberg)\)")


_CITES_WIRE = re.compile(r"\bciting\s+(?P<who>[A-Z][\w .-]{1,30}?)(?=[.,;]|\s+(?:and|as)\b)")


def is_wire(source: str | None, lead: str) -> bool:
    """Wire copy ("KYIV, Ukraine (AP) —", "BELGOROD, August 14. /TASS/.", an agency's own
    report, or a lead that cites an agency: "…, Orda.kz reports, citing Interfax"): it
    attributes sentence by sentence, so a lead's source is not carried over the next
    paragraphs, whose unattributed sentences are the agency's background."""
    if _DATELINE.match(lead) or " ".join((source or "").lower().split()) in WIRE_AGENCIES:
        return True
    first = lead.split("\n\n", 1)[0]
    cited = _CITES_WIRE.search(first)
    return bool(cited) and " ".join(cited.group("who").lower().split()) in WIRE_AGENCIES


def carry(units: list[Unit], wire: bool = False) -> tuple[list[list], list[bool]]:
    """The speakers of every unit and whether they were carried (see module docstring); in
    wire copy (:func:`is_wire`) a lead opens only a paragraph scope."""
    speakers = [list(unit.own) for unit in units]
    carried = [False] * len(units)
    by_quote = _quote_speakers(units)
    source: list = []
    scope: str | None = None
    scope_para = -1
    section_para = 0  # the first paragraph of the current section
    for i, unit in enumerate(units):
        if unit.label == "source":
            source, scope = list(unit.label_speakers), "article" if unit.label_speakers else None
            if source:
                _backfill(units, speakers, carried, i, source)
            continue
        if unit.label == "closing":
            source, scope = [], None
            continue
        if unit.heading:
            if scope != "article" and not unit.own:
                source, scope = [], None
            section_para = unit.para + 1
            if not unit.own:
                continue
        if unit.asks:
            source, scope = [], None  # a question ends the answer before it
            continue
        if unit.answer:
            source, scope, scope_para = list(unit.own), "answer" if unit.own else None, unit.para
            continue
        if scope == "answer" and (not unit.own or unit.first_person):
            speakers[i], carried[i] = list(source), True  # the answerer talks on, "I said" too
            continue
        if unit.label_speakers:
            source, scope = list(unit.label_speakers), scope or "lead"
        quoted = next((by_quote[q] for q in unit.quotes if q in by_quote), None)
        if unit.own:
            opens = unit.para <= section_para + (1 if section_para == 0 else 0) and scope is None
            if unit.backref or (unit.relay and not wire):
                _backfill(units, speakers, carried, i, unit.own)
            if (unit.backref or unit.relay) and not wire and (unit.relay or scope == "article"):
                scope = "article"
            elif unit.lead:
                scope = scope if scope == "article" else "colon"
                if unit.all_lead:
                    speakers[i] = []  # "Nebenzya replied:" only introduces what follows
            elif unit.backref or unit.bulletin or (opens and not wire):
                scope = scope if scope in ("article", "colon") else "lead"
            elif scope not in ("article", "lead", "colon") or (
                    scope == "lead" and not {s.name for s in unit.own} & {s.name for s in source}):
                scope = "paragraph"  # a lead's scope passes on to its own speaker only
            source, scope_para = list(unit.own), unit.para
            continue
        if quoted:
            speakers[i], carried[i] = list(quoted), True
            continue
        if not (source and scope):
            continue
        closer, weak_closer, other_speaker = unit.facts()
        if closer or (weak_closer and scope not in ("article", "colon")):
            source, scope = [], None
            continue
        if unit.attributed and not (scope == "colon" and unit.generic):
            if scope == "paragraph" or (scope == "lead" and not unit.generic):
                source, scope = [], None  # "officials said" / a source not known by name
            continue
        if unit.question:
            continue
        if other_speaker and scope != "article" and not {s.name for s in other_speaker} & {s.name for s in source}:
            source, scope = [], None  # "Zelenskyy went to see troops": narration about someone
            continue
        if scope == "paragraph" and unit.para != scope_para \
                and not ((unit.bullet or unit.quote_para) and unit.para == scope_para + 1):
            source, scope = [], None
        if source and scope:
            speakers[i], carried[i] = list(source), True
            if scope == "paragraph":
                scope_para = unit.para
    return speakers, carried
