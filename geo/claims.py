"""Sourced claims: who said what, when — one or more per sentence of an article.

Contract (:func:`extract_claims`): every body sentence yields at least one claim, so
nothing an article says is silently dropped. A sentence the article attributes to
someone gives a ``"speaker"`` claim (one per speaker: "Lubinets and Sternenko have both
reported …" gives two); a sentence carrying two speakers' claims in two clauses
("Gerasimov said …, while Syrsky said …") gives one claim per clause; any other
sentence is the article's own assertion, a ``"reporter"`` claim with no speaker.

Speakers are canonical names (:mod:`geo.speakers`); "he"/"she" is the person mentioned
last before the pronoun, outside quotations ("… Gerasimov told the Kremlin leader.
"…," he said" → Vladimir Putin). In a transcript, an answer belongs to the turn's
label ("Peskov: …", and "A: …" after it); a question is the reporter's, unless it
reports someone ("Q: Governor Gladkov says …").
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass

from .attribution import Attribution, find_attribution, mask_quotes
from .documents import Document
from .sentences import Sentence, paragraphs, quote_ranges, split_sentences
from .speakers import PRONOUNS, ArticleSpeakers, Speaker, person_aliases
from .transcripts import find_turns, turn_at

_CLAUSE_SPLIT = re.compile(r",\s+(?=(?:while|whereas)\s)|;\s+")
QUOTE_JOINER = " … "


@dataclass(frozen=True)
class Claim:
    """One claim; ``text == document.text[span[0]:span[1]]``. See the module docstring."""

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
class _Part:
    """A sentence or clause with what attributes it (an attribution or a turn label)."""

    start: int
    end: int
    sentence: Sentence
    attribution: Attribution | None = None
    answerer: str | None = None
    answer_start: int = 0


def _clauses(masked: str, sentence: Sentence) -> list[tuple[int, int]]:
    """The sentence's clauses, without trailing blanks; a separator at the very start or
    two in a row (", while …, while …", "; ;") leave no empty clause, hence no empty claim."""
    pieces, cursor = [], sentence.start
    for match in _CLAUSE_SPLIT.finditer(masked, sentence.start, sentence.end):
        pieces.append((cursor, match.start()))
        cursor = match.end()
    pieces.append((cursor, sentence.end))
    trimmed = [(a, a + len(masked[a:b].rstrip())) for a, b in pieces]
    return [(a, b) for a, b in trimmed if a < b]


def _parts(doc: Document, masked: str) -> list[_Part]:
    """Split the body into attributable parts: sentences, or clauses of two-speaker ones."""
    turns = find_turns(doc.text, doc.body_start)
    parts: list[_Part] = []
    for sentence in split_sentences(doc.text, doc.body_start):
        turn = turn_at(turns, sentence.start)
        if turn and turn.answerer:
            parts.append(_Part(sentence.start, sentence.end, sentence, None, turn.answerer,
                               max(sentence.start, turn.text_start)))
            continue
        if sentence.text.endswith("?"):
            parts.append(_Part(sentence.start, sentence.end, sentence))
            continue
        found = [(a, b, find_attribution(masked, a, b)) for a, b in _clauses(masked, sentence)]
        attributed = [item for item in found if item[2]]
        if len(attributed) >= 2:
            parts.extend(_Part(a, b, sentence, att) for a, b, att in found)
        else:
            first = attributed[0][2] if attributed else None
            parts.append(_Part(sentence.start, sentence.end, sentence, first))
    return parts


def _registry(parts: list[_Part]) -> ArticleSpeakers:
    """First pass: every named speaker and the role it came with, wherever it appears."""
    registry = ArticleSpeakers()
    for part in parts:
        subjects = part.attribution.subjects if part.attribution else ()
        for phrase, title in subjects:
            if phrase.lower() in PRONOUNS:
                continue
            speaker = registry.resolve(phrase)
            if speaker:
                registry.register(Speaker(speaker.name, speaker.kind, title or speaker.title))
    return registry


def _mentions(masked: str, start: int, registry: ArticleSpeakers) -> list[tuple[int, str]]:
    """(offset, canonical) of every person mention outside quotations, in text order."""
    forms = person_aliases(registry)
    pattern = re.compile(
        r"\b(?:" + "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True)) + r")\b",
        re.IGNORECASE,
    )
    lowered = {form.lower(): name for form, name in forms.items()}
    return [(m.start(), lowered[m.group(0).lower()]) for m in pattern.finditer(masked, start)]


def _quote(text: str, quotes: list[tuple[int, int]], start: int, end: int) -> str | None:
    inner = [text[a + 1:b].strip().rstrip(",").strip() for a, b in quotes if start <= a and b < end]
    inner = [piece for piece in inner if piece]
    return QUOTE_JOINER.join(inner) if inner else None


def _speakers(part: _Part, registry: ArticleSpeakers,
              mentions: list[tuple[int, str]]) -> list[Speaker]:
    if part.answerer:
        found = registry.resolve(part.answerer)
        return [Speaker(found.name, found.kind, None)] if found else []
    if not part.attribution:
        return []
    speakers: list[Speaker] = []
    for phrase, title in part.attribution.subjects:
        if phrase.lower() in PRONOUNS:
            offsets = [offset for offset, _ in mentions]
            index = bisect.bisect_left(offsets, part.attribution.subject_start) - 1
            if index >= 0:
                speakers.append(Speaker(mentions[index][1], "person", None))
            continue
        found = registry.resolve(phrase)
        if found:
            speakers.append(Speaker(found.name, found.kind, title or found.title))
    return speakers


def extract_claims(doc: Document) -> list[Claim]:
    """All claims of ``doc``, sorted by span then speaker (see module docstring)."""
    text = doc.text
    masked = mask_quotes(text, doc.body_start)
    parts = _parts(doc, masked)
    registry = _registry(parts)
    mentions = _mentions(masked, doc.body_start, registry)
    quotes = [q for a, b in paragraphs(text, doc.body_start) for q in quote_ranges(text, a, b)]
    rows: list[tuple[tuple[int, int], str, Claim]] = []
    for part in parts:
        span = (part.start, part.end)
        base = dict(article_id=doc.id, date=doc.date, text=text[part.start:part.end],
                    span=span, sentence=(part.sentence.start, part.sentence.end))
        speakers = _speakers(part, registry, mentions)
        if part.answerer and speakers:
            quote: str | None = text[part.answer_start:part.end].strip()
        else:
            quote = _quote(text, quotes, part.start, part.end)
        verb = part.attribution.verb if part.attribution else None
        for speaker in speakers:
            claim = Claim(id="", speaker=speaker.name, speaker_title=speaker.title, verb=verb,
                          quote=quote, attribution="speaker", **base)
            rows.append((span, speaker.name, claim))
        if not speakers:
            claim = Claim(id="", speaker=None, speaker_title=None, verb=None, quote=quote,
                          attribution="reporter", **base)
            rows.append((span, "", claim))
    rows.sort(key=lambda row: (row[0], row[1]))
    claims: list[Claim] = []
    for index, (span, _, claim) in enumerate(rows):
        repeat = sum(1 for earlier in rows[:index] if earlier[0] == span)
        suffix = f":{repeat}" if repeat else ""
        claims.append(_with_id(claim, f"{doc.id}:{span[0]}-{span[1]}{suffix}"))
    return claims


def _with_id(claim: Claim, claim_id: str) -> Claim:
    return Claim(claim_id, claim.article_id, claim.date, claim.speaker, claim.speaker_title,
                 claim.verb, claim.text, claim.quote, claim.span, claim.attribution,
                 claim.sentence)
