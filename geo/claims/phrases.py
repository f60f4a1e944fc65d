"""Noun phrases of a speaker: the one a clause ends with before its verb, or starts with.

Why separate from :mod:`.attribution`: both the verb-based attributions and the layout
ones (headlines, "from X:" leads, a statement after a colon) read speakers' noun phrases the
same way — capitalised words, title and organisation words, the lower-case words inside an
organisation's name ("the General Staff of Ukraine's armed forces"), particles of personal
names ("von der Leyen"), "DeepState analysts" for DeepState.

Contract: :func:`tail_phrase` and :func:`lead_phrase` return the phrase as written, or ""
when the words name no one by their form (no capital, no role or organisation word);
:func:`subject_phrases` reads the comma segments before a verb ("A, …, and B, …") into (phrase,
title) pairs; :func:`split_appositive` splits "X, a volunteer who …, " into head and title.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .. import rules
from .names import NAME_PARTICLES, non_speaker
from .speakers import ORGANISATION_WORDS, PRONOUNS, ROLE_NOUNS, TITLE_WORDS, strip_determiner

_NP_GLUE = rules.words("glue")
_LOCATIVE = rules.words("locative")
_EXPERT_HEADS = rules.words("expert-head")
_NAME_LOWER = rules.words("org-name")
_SOURCE_WORDS = rules.words("source-noun")
_ROLE_WORDS = (ROLE_NOUNS | ORGANISATION_WORDS | _SOURCE_WORDS) - rules.words("national-body")
_TOKEN = re.compile(r"\S+")
_LEADING_AND = re.compile(r"^and\s+")
_RELATIVE = re.compile(r"\s*\b(?:who|whom|whose|which|that)\b.*$", re.DOTALL)
_LEAD_IN = re.compile(r"\s*(?:\d{1,2}[:.]\d{2}\s*)?(?:[-–—]\s*)?")
"""A liveblog timestamp and dash before a clause ("12:35 — The ministry …")."""


def _np_token(token: str) -> bool:
    bare = token.strip(",").lower().replace("’", "'")
    return (token[:1].isupper() or bare in TITLE_WORDS or bare in ORGANISATION_WORDS
            or bare in _NP_GLUE or bare in NAME_PARTICLES or bare in _SOURCE_WORDS)


def _in_org_name(tokens: list[str], i: int) -> bool:
    """A lower-case word inside an organisation's name: "General Staff of Ukraine's *armed
    forces*", "Ministry of *foreign affairs*" (it follows "of"/"for" after an organisation word)."""
    if tokens[i].lower() not in _NAME_LOWER:
        return False
    for j in range(i - 1, max(i - 5, 0), -1):
        if tokens[j] in ("of", "for"):
            return tokens[j - 1].lower() in ORGANISATION_WORDS and tokens[j - 1][:1].isupper()
        if not (_np_token(tokens[j]) or tokens[j].lower() in _NAME_LOWER):
            return False
    return False


@lru_cache(maxsize=1 << 12)
def tail_phrase(segment: str) -> str:
    """The noun phrase at the end of ``segment`` ("… after Gen. Valery Gerasimov" → the name).

    Memoised: a pure function of a short string, asked about the same subject segments
    several times per clause and again in article after article ("Gladkov", "He")."""
    tokens = _TOKEN.findall(segment)
    if tokens and tokens[-1].lower() in PRONOUNS:
        return tokens[-1]
    if len(tokens) > 1 and tokens[-1] in _EXPERT_HEADS and tokens[-2][:1].isupper():
        tokens = tokens[:-1]  # "DeepState analysts" speak for DeepState
    cut = len(tokens)
    while cut > 0 and (_np_token(tokens[cut - 1]) or _in_org_name(tokens, cut - 1)
                       or (tokens[cut - 1] == "to" and cut > 1 and tokens[cut - 2].lower() in ROLE_NOUNS)):
        cut -= 1  # "Russia's permanent representative to the UN" is one phrase
    if cut and tokens[-1].lower() in ORGANISATION_WORDS and not any(t[:1].isupper() for t in tokens[cut:]):
        # "Turkey's disaster management agency", "the Khortytsia operational group": the
        # lower-case words between a name and its organisation word belong to the name
        back = next((i for i in range(cut - 1, max(cut - 4, -1), -1) if tokens[i][:1].isupper()), None)
        if back is not None and all(t[:1].islower() and t.isalpha() for t in tokens[back + 1:cut]):
            cut = back
    while cut < len(tokens) and tokens[cut].lower() in ("of", "for"):
        cut += 1
    phrase = " ".join(tokens[cut:])
    if 0 < cut and tokens[cut - 1].lower() in _LOCATIVE and not has_role_word(phrase):
        return ""  # "officials in Clacton": the place is not the speaker, the officials are
    return phrase if any(t[:1].isupper() for t in tokens[cut:]) or has_role_word(phrase) else ""


def lead_phrase(clause: str) -> str:
    """The noun phrase a clause starts with ("12:35 — The ministry denied …" → "The ministry"):
    the subject of a participle after a comma ("…, saying that …")."""
    tokens = _TOKEN.findall(clause[_LEAD_IN.match(clause).end():][:160])
    cut = 0
    while cut < len(tokens) and (_np_token(tokens[cut]) or _in_org_name(tokens, cut)):
        cut += 1
    phrase = " ".join(tokens[:cut]).rstrip(",")
    return phrase if any(t[:1].isupper() for t in tokens[:cut]) else ""


def has_role_word(phrase: str) -> bool:
    """A role, organisation or source word: what a title's head is ("the acting governor",
    "head of the Centre …") — not a body's adjective ("dressed in military camouflage")."""
    return bool(set(phrase.lower().split()) & _ROLE_WORDS)


def _has_name(segment: str) -> bool:
    """Ends in a capitalised word that is not a title word ("Gen. Valery Gerasimov")."""
    tokens = _TOKEN.findall(segment)
    if not tokens or not tokens[-1][:1].isupper():
        return False
    return tokens[-1].lower() not in TITLE_WORDS or any(
        t[:1].isupper() and t.lower() in ORGANISATION_WORDS for t in tokens)


def _is_whole_phrase(segment: str) -> bool:
    return bool(segment) and tail_phrase(segment) == " ".join(_TOKEN.findall(segment))


def _is_appositive(segment: str) -> bool:
    """", head of the Centre …," / ", the acting governor …," — not ", Governor Gladkov"."""
    first = segment.split()[0]
    if not first[:1].isupper() or (first.lower() in TITLE_WORDS and not _has_name(segment)):
        return True
    words = segment.lower().replace("’", "'").split()
    return any(w[:1].islower() for w in segment.split()) and bool(set(words) & ROLE_NOUNS)


def _is_title_phrase(segment: str) -> bool:
    bare = _LEADING_AND.sub("", segment)
    return _is_whole_phrase(bare) and has_role_word(bare)


def subject_phrases(segments: list[str]) -> list[tuple[str, str | None]]:
    """Walk comma segments right to left: [title,] name [, appositive] [and …]."""
    found: list[tuple[str, str | None]] = []
    i = len(segments) - 1
    while i >= 0:
        title: str | None = None
        if i >= 1 and _is_appositive(segments[i]) and _is_whole_phrase(segments[i - 1]) \
                and _has_name(segments[i - 1]) and not non_speaker(segments[i - 1]):
            title = segments[i] if has_role_word(segments[i]) else None
            i -= 1
        segment = segments[i]
        coordinated = segment.startswith("and ")
        bare = _LEADING_AND.sub("", segment)
        phrase = tail_phrase(bare)
        if not phrase:
            break
        whole = phrase == " ".join(_TOKEN.findall(bare))
        if whole and i >= 1 and _is_title_phrase(segments[i - 1]):
            i -= 1
            coordinated = coordinated or segments[i].startswith("and ")
            title = title or _LEADING_AND.sub("", segments[i])
        found.append((phrase, strip_determiner(title) if title else None))
        if not coordinated:
            break
        i -= 1
    return found[::-1]


def split_appositive(zone: str) -> tuple[str, str] | None:
    """Split "X, a volunteer who drives buses out of Bilopillia, " into the head ("X") and the
    appositive without its relative clause ("a volunteer"): words like "who", "that" or "as"
    inside an appositive must not be taken for a clause boundary."""
    body = zone.rstrip()
    if not body.endswith(","):
        return None
    opening = body.rfind(",", 0, len(body) - 1)
    inner = body[opening + 1:-1].strip()
    if opening < 0 or not inner[:1].islower() or inner.startswith("and "):
        return None
    return body[:opening], _RELATIVE.sub("", inner)
