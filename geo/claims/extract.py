"""Sourced claims: who said what, when — one or more per sentence of an article.

Contract (:func:`extract_claims`): every body sentence yields at least one claim, so
nothing an article says is silently dropped. A sentence the article attributes to
someone gives a ``"speaker"`` claim (one per speaker: "Lubinets and Sternenko have both
reported …" gives two); a sentence carrying two speakers' claims in two clauses
("Gerasimov said …, while Syrsky said …", "Khinshtein wrote …, and Gladkov said …")
gives one claim per clause; any other sentence is the article's own assertion, a
``"reporter"`` claim with no speaker.

Speakers are canonical names (:mod:`geo.claims.speakers`); "he"/"she" is the person mentioned
last before the pronoun, outside quotations, whose gender does not contradict it ("…
Gerasimov told the Kremlin leader. "…," he said" → Vladimir Putin); people named in
sentences that are not claims count (:mod:`geo.claims.persons`). In a transcript, an answer
belongs to the turn's label ("Peskov: …", and "A: …" after it); a question is the
reporter's, unless it reports someone ("Q: Governor Gladkov says …").

Some sentences have no attribution of their own but layout gives them one (verb
``None``): every paragraph of a quotation running over several paragraphs, a quoted
sentence following its speaker's quoted sentence, and the sentences of a bulletin under
its issuing body's lead ("The Russian Defence Ministry reports:") or heading. A lead
that only introduces what follows is not a claim itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .. import rules
from ..model import Claim, Document, Sentence
from ..text import mask_quotes, paragraph_quotes, split_sentences
from .anaphora import References
from .attribution import Attribution, cited, find_attribution
from .phrases import lead_phrase
from .discourse import carry, is_wire
from .layouts import (LAYOUT_VERB, Label, bylines, find_turns, headings, label_phrase, labels,
                      layout_attribution, turn_at)
from .persons import confirmed_names, person_names
from .registry import ArticleSpeakers
from .names import clean_phrase
from .speakers import ORGANISATION_WORDS, PRONOUNS, Speaker, strip_determiner
from .units import has_words, outlet_pattern, units

_CLAUSE_SPLIT = re.compile(r",\s+(?=(?:while|whereas|and)\s)|;\s+")
QUOTE_JOINER = " … "


@dataclass(frozen=True)
class _Part:
    """A sentence or clause with what attributes it (an attribution or a turn label)."""

    start: int
    end: int
    sentence: Sentence
    attribution: Attribution | None = None
    answerer: str | None = None
    answer_start: int = 0
    label: Label | None = None
    asks: bool = False


def _clauses(masked: str, sentence: Sentence, begin: int) -> list[tuple[int, int]]:
    """The sentence's clauses from ``begin``, without trailing blanks; a separator at the very
    start or two in a row (", while …, while …", "; ;") leave no empty clause, hence no empty claim."""
    pieces, cursor = [], begin
    for match in _CLAUSE_SPLIT.finditer(masked, begin, sentence.end):
        pieces.append((cursor, match.start()))
        cursor = match.end()
    pieces.append((cursor, sentence.end))
    trimmed = [(a, a + len(masked[a:b].rstrip())) for a, b in pieces]
    return [(a, b) for a, b in trimmed if a < b]


def _parts(doc: Document, masked: str, heads: set[int]) -> list[_Part]:
    """Split the body into attributable parts: sentences, or clauses of two-speaker ones; a
    label line's part starts after its label ("Details: " is not part of the claim)."""
    turns = find_turns(doc.text, doc.body_start)
    lines = labels(doc.text, doc.body_start)
    parts: list[_Part] = []
    for sentence in split_sentences(doc.text, doc.body_start):
        heading = sentence.start in heads
        label = lines.get(sentence.start)
        begin = label.text_start if label and label.kind == "content" and label.text_start < sentence.end \
            else sentence.start
        turn = turn_at(turns, sentence.start)
        asks = bool(turn) and not turn.answerer  # a question turn: it ends the answer before it
        if turn and turn.answerer:
            parts.append(_Part(sentence.start, sentence.end, sentence, None, turn.answerer,
                               max(sentence.start, turn.text_start)))
            continue
        if sentence.text.endswith("?") or (label and label.kind != "content"):
            parts.append(_Part(begin, sentence.end, sentence, label=label, asks=asks))
            continue
        found = [(a, b, _attribution(masked, a, b, heading)) for a, b in _clauses(masked, sentence, begin)]
        attributed = [item for item in found if item[2]]
        if len(attributed) >= 2:
            parts.extend(_Part(a, b, sentence, att, label=label if a == begin else None, asks=asks)
                         for a, b, att in found)
        else:
            whole = found[0][2] if len(found) == 1 else \
                attributed and _attribution(masked, begin, sentence.end)
            parts.append(_Part(begin, sentence.end, sentence, whole or None, label=label, asks=asks))
    return parts


def _blank(masked: str, spans: list[tuple[int, int]]) -> str:
    """``masked`` with the bylines blanked: the reporters named there are nobody's antecedent."""
    for a, b in spans:
        masked = masked[:a] + " " * (b - a) + masked[b:]
    return masked


def _registry(parts: list[_Part], masked: str, start: int) -> ArticleSpeakers:
    """First pass: every named speaker and the role it came with, wherever it appears; then
    every person named anywhere else ("Halyna Petrenko, who has taught here …, remembers"),
    so a later "Petrenko said" or "she said" can point back to them."""
    registry = ArticleSpeakers()
    for part in parts:
        subjects = part.attribution.subjects if part.attribution else ()
        for phrase, title in subjects:
            if phrase.lower() in PRONOUNS:
                continue
            speaker = registry.resolve(phrase)
            if speaker:
                registry.register(Speaker(speaker.name, speaker.kind, title or speaker.title))
    for part in parts:
        if part.label and part.label.kind == "source" and part.label.who:
            head, _, rest = part.label.who.partition(",")
            speaker = registry.resolve(label_phrase(head))
            title = rest.split(",")[0].strip() or None
            if speaker:
                registry.register(Speaker(speaker.name, speaker.kind, title or speaker.title))
    for acronym_of in _ACRONYM_OF.finditer(masked, start):
        speaker = registry.resolve(acronym_of.group("name"))
        if speaker and speaker.kind == "org":
            registry.register(speaker, alias=acronym_of.group("acronym"))
    for name in dict.fromkeys(person_names(masked, start) + confirmed_names(masked, start)):
        speaker = registry.resolve(name)
        if speaker and speaker.kind == "person":
            registry.register(speaker)
    return registry


def _quote(text: str, quotes: list[tuple[int, int]], start: int, end: int) -> str | None:
    """The quoted words of ``text[start:end]``: every quotation in it, and the part of one
    that the span shares with it (a sentence of a quotation of several sentences)."""
    inner = [text[max(a + 1, start):min(b, end)].strip().strip("\"“”").strip().rstrip(",").strip()
             for a, b in quotes if a < end and b > start]
    inner = [piece for piece in inner if piece]
    return QUOTE_JOINER.join(inner) if inner else None


def _speakers(doc: Document, masked: str, part: _Part, registry: ArticleSpeakers, refs: References) -> list[Speaker]:
    """The part's own speakers: a turn's answerer, or its attribution's subjects resolved —
    pronouns and roles at their place in the text (:class:`.anaphora.References`). A
    question put by someone ("'… going to plan?' Sackur asked") is nobody's claim."""
    if part.answerer:
        found = registry.resolve(part.answerer)
        return [Speaker(found.name, found.kind, None)] if found else []
    if not part.attribution:
        return []
    if part.attribution.verb in _ASKING and _QUESTION_QUOTE.search(doc.text, part.start, part.end):
        return []
    speakers: list[Speaker] = []
    offset = part.attribution.subject_start
    for phrase, title in part.attribution.subjects:
        if phrase.lower() in PRONOUNS:
            found = refs.pronoun(phrase, offset)
        elif registry.is_reference(phrase):
            found = refs.role(phrase, offset)
            title = title or (strip_determiner(clean_phrase(phrase)) if found else None)  # as written
        else:
            found = registry.resolve(phrase)
        if found:
            speakers.append(Speaker(found.name, found.kind, title or found.title))
    speakers = _relayed(doc, masked, part, speakers, registry)
    refs.note(offset, speakers)
    return speakers


def _org_mentions(doc: Document, masked: str, parts: list[_Part],
                  registry: ArticleSpeakers) -> list[tuple[int, Speaker]]:
    """Organisations that open a sentence ("The UK Ministry of Defence has released …"): what
    a later "it" can point to."""
    found = []
    for part in parts:
        if not _ORG_WORD.search(masked, part.start, min(part.end, part.start + 80)):
            continue
        phrase = lead_phrase(masked[part.start:part.end])
        if phrase and set(phrase.lower().split()) & ORGANISATION_WORDS:
            speaker = registry.resolve(phrase)
            if speaker and speaker.kind == "org":
                found.append((part.start, speaker))
    return found


def _relayed(doc: Document, masked: str, part: _Part, found: list[Speaker],
             registry: ArticleSpeakers) -> list[Speaker]:
    """An outlet that only relays ("Censor.NET reports this, citing the Southern Defence
    Forces"; the article's own outlet as subject) is not the speaker: the cited source is,
    or, when none is named, whoever the discourse gives the sentence to."""
    outlet = outlet_pattern(doc)
    if not found or not outlet or not all(outlet.fullmatch(s.name) for s in found):
        return found
    phrase = cited(masked, part.start, part.end)
    source = registry.resolve(phrase) if phrase else None
    return [source] if source else []


def _attribution(masked: str, start: int, end: int, heading: bool = False) -> Attribution | None:
    return find_attribution(masked, start, end) or layout_attribution(masked, start, end, heading)


_ACRONYM_OF = re.compile(r"(?P<name>[A-Z][\w'’.-]*(?:\s+(?:(?:of|for|the|and)\s+){0,3}[A-Z][\w'’.-]*)"
                         r"{0,11})\s*\((?P<acronym>[A-Z][A-Za-z.]{1,9})\)")
"""An organisation and the acronym the article goes on using: "the Israel Defense Forces (IDF)".
At most twelve capitalised words: unbounded, every start in a long run of capitalised words
scanned the rest of the run, quadratic in the run (a 27 KB line took 18 s; bench/pathological.py)."""
_ASKING = rules.words("asking") | {LAYOUT_VERB}
_QUESTION_QUOTE = re.compile(r"\?[\"”’']")
_ORG_WORD = re.compile(r"\b(?:" + rules.alternation(ORGANISATION_WORDS) + r")\b", re.IGNORECASE)


def extract_claims(doc: Document) -> list[Claim]:
    """All claims of ``doc``, sorted by span then speaker (see module docstring)."""
    text = doc.text
    masked = _blank(mask_quotes(text, doc.body_start), bylines(text, doc.body_start))
    heads = {a for a, _ in headings(text, doc.body_start)}
    parts = _parts(doc, masked, heads)
    registry = _registry(parts, masked, doc.body_start)
    refs = References(masked, doc.body_start, registry, lambda: _org_mentions(doc, masked, parts, registry))
    quotes = [q for ranges in paragraph_quotes(text, doc.body_start) for q in ranges]
    own = [_speakers(doc, masked, part, registry, refs) for part in parts]
    lead = text[doc.body_start:doc.body_start + 400].lstrip()
    resolved, carried = carry(units(doc, masked, parts, own, registry, heads), is_wire(doc.source, lead))
    rows: list[tuple[tuple[int, int], str, dict]] = []
    for part, speakers, inherited in zip(parts, resolved, carried):
        span = (part.start, part.end)
        base = dict(article_id=doc.id, date=doc.date, text=text[part.start:part.end],
                    span=span, sentence=(part.sentence.start, part.sentence.end))
        if part.answerer and speakers:
            quote: str | None = text[part.answer_start:part.end].strip()
        else:
            quote = _quote(text, quotes, part.start, part.end)
        if inherited and quote is None and not has_words(masked, part.start, part.end):
            quote = text[part.start:part.end].strip("\"“”").strip() or None
        verb = part.attribution.verb if part.attribution and not inherited else None
        verb = None if verb == LAYOUT_VERB else verb
        for speaker in speakers:
            rows.append((span, speaker.name, dict(
                base, speaker=speaker.name, speaker_title=speaker.title, verb=verb, quote=quote,
                attribution="speaker")))
        if not speakers:
            rows.append((span, "", dict(base, speaker=None, speaker_title=None, verb=None,
                                        quote=quote, attribution="reporter")))
    rows.sort(key=lambda row: (row[0], row[1]))
    claims: list[Claim] = []
    repeat = 0
    for index, (span, _, fields) in enumerate(rows):
        # rows of one span are adjacent once sorted: the n-th of them gets the suffix ":n"
        repeat = repeat + 1 if index and rows[index - 1][0] == span else 0
        suffix = f":{repeat}" if repeat else ""
        claims.append(Claim(id=f"{doc.id}:{span[0]}-{span[1]}{suffix}", **fields))
    return claims
