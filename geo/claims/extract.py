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

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from .attribution import Attribution, find_attribution
from ..model import Claim, Document, Sentence
from .persons import PRONOUN_GENDER, gender, person_names
from .speakers import PRONOUNS, ArticleSpeakers, Speaker, person_aliases
from .verbs import BULLETIN_VERBS
from ..text import MASK, mask_quotes, paragraph_quotes, paragraphs, running_quotes, split_sentences
from .layouts import find_turns, headings, is_lead, turn_at

_CLAUSE_SPLIT = re.compile(r",\s+(?=(?:while|whereas|and)\s)|;\s+")
QUOTE_JOINER = " … "
_WORD = re.compile(r"[^\W\d_]")


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
            whole = found[0][2] if len(found) == 1 else \
                attributed and find_attribution(masked, sentence.start, sentence.end)
            parts.append(_Part(sentence.start, sentence.end, sentence, whole or None))
    return parts


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
    for name in dict.fromkeys(person_names(masked, start)):
        speaker = registry.resolve(name)
        if speaker and speaker.kind == "person":
            registry.register(speaker)
    return registry


@lru_cache(maxsize=256)
def _mention_pattern(forms: frozenset[str]) -> re.Pattern:
    """Any of ``forms`` as whole words, in any case, the longest where several match.

    Memoised per set of forms: most articles name the same few people, and building the
    pattern (escaping and joining every form, finding it in ``re``'s cache or compiling it)
    cost as much as using it. The lookahead on the forms' first letters lets the scan pass
    over a position without trying every form there; it only rejects positions where no
    form could start."""
    initials = "".join(sorted({re.escape(form[0]) for form in forms}))
    alternatives = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    return re.compile(rf"\b(?=[{initials}])(?:{alternatives})\b", re.IGNORECASE)


def person_mentions(masked: str, start: int, registry: ArticleSpeakers) -> list[tuple[int, Speaker]]:
    """(offset, person) of every person mention outside quotations, in text order."""
    forms = person_aliases(registry)
    pattern = _mention_pattern(frozenset(forms))
    lowered = {form.lower(): name for form, name in forms.items()}
    people: dict[str, Speaker] = {}
    found = []
    for match in pattern.finditer(masked, start):
        name = lowered[match.group(0).lower()]
        if name not in people:  # only the people actually mentioned become speakers
            people[name] = registry.full_names.get(name) or Speaker(name, "person")
        found.append((match.start(), people[name]))
    return found


def _antecedent(pronoun: str, offset: int, mentions: list[tuple[int, Speaker]]) -> Speaker | None:
    """The last person mentioned before ``offset`` whose gender does not contradict the pronoun."""
    wanted = PRONOUN_GENDER[pronoun.lower()]
    index = bisect.bisect_left([at for at, _ in mentions], offset) - 1
    for _, person in reversed(mentions[:index + 1]):
        if gender(person.name, person.title) in (None, wanted):
            return Speaker(person.name, "person", None)
    return None


def _quote(text: str, quotes: list[tuple[int, int]], start: int, end: int) -> str | None:
    inner = [text[a + 1:b].strip().rstrip(",").strip() for a, b in quotes if start <= a and b < end]
    inner = [piece for piece in inner if piece]
    return QUOTE_JOINER.join(inner) if inner else None


def _speakers(part: _Part, registry: ArticleSpeakers,
              mentions: list[tuple[int, Speaker]]) -> list[Speaker]:
    if part.answerer:
        found = registry.resolve(part.answerer)
        return [Speaker(found.name, found.kind, None)] if found else []
    if not part.attribution:
        return []
    speakers: list[Speaker] = []
    for phrase, title in part.attribution.subjects:
        if phrase.lower() in PRONOUNS:
            person = _antecedent(phrase, part.attribution.subject_start, mentions)
            if person:
                speakers.append(person)
            continue
        found = registry.resolve(phrase)
        if found:
            speakers.append(Speaker(found.name, found.kind, title or found.title))
    return speakers


def _has_words(masked: str, start: int, end: int) -> bool:
    """Some word of ``masked[start:end]`` lies outside quotations."""
    return bool(_WORD.search(masked, start, end))


def _run_speakers(parts: list[_Part], own: list[list[Speaker]],
                  run: tuple[int, int]) -> list[Speaker]:
    """The speakers of the first attributed part of a quotation running over paragraphs."""
    return next((found for part, found in zip(parts, own)
                 if found and part.end > run[0] and part.start <= run[1]), [])


def _layout(doc: Document, masked: str, parts: list[_Part], own: list[list[Speaker]],
            registry: ArticleSpeakers) -> tuple[list[list[Speaker]], list[bool]]:
    """Second pass: the speakers that layout gives to parts without an attribution of their
    own, and which parts got them that way (their verb is ``None``). In order of trust:
    a quotation running over paragraphs is its attributed speaker's; a bulletin sentence is
    the issuing body's (after its lead "X reports:" or heading, until a heading or another
    attribution; after "X informs that …", to the end of that paragraph); a sentence that is
    all quotation continues the quotation just before it."""
    text = doc.text
    runs = [(mark, close) for mark, _, close in running_quotes(text, doc.body_start)]
    heads = {a for a, _ in headings(text, doc.body_start)}
    para_starts = [a for a, _ in paragraphs(text, doc.body_start)]
    speakers, carried = [list(found) for found in own], [False] * len(parts)
    issuer: list[Speaker] = []
    issuer_para: int | None = None
    for i, part in enumerate(parts):
        para = bisect.bisect_right(para_starts, part.start) - 1
        if issuer_para is not None and para != issuer_para:
            issuer = []
        if part.answerer:
            continue
        if part.start in heads:
            body = registry.resolve(part.sentence.text)
            issuer, issuer_para = ([body] if body and body.kind == "org" else []), None
            continue
        if own[i]:
            if is_lead(text[part.start:part.end]):
                issuer, issuer_para, speakers[i] = own[i], None, []
            elif part.attribution and part.attribution.verb in BULLETIN_VERBS \
                    and all(s.kind == "org" for s in own[i]):
                issuer, issuer_para = own[i], para
            else:
                issuer = []
            continue
        run = next(((a, b) for a, b in runs if a <= part.start < b), None)
        source = _run_speakers(parts, own, run) if run else issuer
        if not source and i and speakers[i - 1] and not _has_words(masked, part.start, part.end) \
                and MASK in masked[parts[i - 1].start:parts[i - 1].end]:
            source = speakers[i - 1]
        if source:
            speakers[i], carried[i] = list(source), True
    return speakers, carried


def extract_claims(doc: Document) -> list[Claim]:
    """All claims of ``doc``, sorted by span then speaker (see module docstring)."""
    text = doc.text
    masked = mask_quotes(text, doc.body_start)
    parts = _parts(doc, masked)
    registry = _registry(parts, masked, doc.body_start)
    mentions = person_mentions(masked, doc.body_start, registry)
    quotes = [q for ranges in paragraph_quotes(text, doc.body_start) for q in ranges]
    own = [_speakers(part, registry, mentions) for part in parts]
    resolved, carried = _layout(doc, masked, parts, own, registry)
    rows: list[tuple[tuple[int, int], str, dict]] = []
    for part, speakers, inherited in zip(parts, resolved, carried):
        span = (part.start, part.end)
        base = dict(article_id=doc.id, date=doc.date, text=text[part.start:part.end],
                    span=span, sentence=(part.sentence.start, part.sentence.end))
        if part.answerer and speakers:
            quote: str | None = text[part.answer_start:part.end].strip()
        else:
            quote = _quote(text, quotes, part.start, part.end)
        if inherited and quote is None and not _has_words(masked, part.start, part.end):
            quote = text[part.start:part.end].strip("\"“”").strip() or None
        verb = part.attribution.verb if part.attribution and not inherited else None
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
