"""What a subject phrase can be before the article is asked: nobody, a government by its
capital or country, a country's body, or a name to clean.

Why: a reporting verb's subject is often not a speaker at all — a label ("Details"), a day
("On Sunday"), a sentence adverb ("Separately", "Earlier"), a negative or generic subject
("Nobody", "Officials", "Local reports"), a place ("Krasnodar Krai") — and a speaker is a
person, organisation or body, never such a word. Capitals and countries speak as their
governments ("Moscow claims", "Kyiv said", "Israel says"); "Israel's military" is the
"Israeli military", however the article writes it.

Contract: :func:`non_speaker` is true for a phrase that names nobody; :func:`government`
gives the government a metonym stands for, or ``None``; :func:`national_body` the demonym
form of "X's military"; :func:`clean_phrase` strips what is not part of a name ("the Mash
Telegram channel" → "Mash", "WHO." → "WHO", "Gladkov's reports" → "Gladkov", "the news
outlet '7x7'" → "7x7", "a statement from the Interior Ministry" → "the Interior Ministry").
Word lists are tags of ``geo/rules/words.txt``; the governments ``geo/rules/governments.csv``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .. import rules

LABEL_WORDS = rules.words("label-source", "label-content", "label-closing")
NON_SPEAKER_WORDS = rules.words("non-speaker", "function", "day", "day-part", "generic-source") | LABEL_WORDS
"""Words that are never a speaker by themselves (labels, days, adverbs, generic subjects)."""
GENERIC_HEADS = rules.words("generic-source")
"""Plural heads of an unnamed source ("local officials", "two Egyptian security sources"):
no claim is the speaker's (docs/annotation.md)."""
PLACE_TYPE_WORDS = rules.words("region-type", "settlement-type", "place-type")
"""A short phrase ending in one of these is a place ("Krasnodar Krai"), never a speaker."""
NOT_SURNAMES = PLACE_TYPE_WORDS | rules.words("org", "not-surname")
"""Words that end organisation and place names, never a surname ("Kharkiv Oblast")."""
NAME_PARTICLES = rules.words("name-particle")
"""Lower-case words inside personal names ("Ursula von der Leyen", "Lula da Silva")."""
NATIONAL_BODIES = rules.words("national-body")
DEMONYM_WORDS = rules.words("demonym", "party")
GOVERNMENTS = rules.GOVERNMENTS

_DATE_OR_PLACE = re.compile(r"(?:on|in|at|by|from|since|during|after|before)$")
_CHANNEL = re.compile(r"^(?:the\s+)?(?P<name>.+?)\s+(?:Telegram\s+|telegram\s+|TV\s+|YouTube\s+)?"
                      r"(?:" + rules.alternation(rules.words("channel")) + r")$")
_OF_CHANNEL = re.compile(r"^(?:the\s+)?(?:Telegram\s+)?(?:" + rules.alternation(rules.words("channel"))
                         + r")\s+of\s+(?P<name>.+)$", re.IGNORECASE)
_SOURCE_NOUN = rules.alternation(rules.words("source-noun"))
_POSSESSIVE_REPORTS = re.compile(r"^(?P<name>.+?)['’]s\s+(?:" + _SOURCE_NOUN + r")$")
_ISSUED_BY = re.compile(r"^(?:(?:a|an|the)\s+)?(?:\w+\s+)?(?:" + _SOURCE_NOUN + r")\s+(?:(?:"
                        + rules.alternation(rules.words("issued")) + r")\s+)?(?:from|by|of)\s+"
                        r"(?P<name>.+)$", re.IGNORECASE)
_NAMED_OUTLET = re.compile(r"^(?:the\s+)?(?:\w+\s+)?(?:" + rules.alternation(rules.words("outlet-noun"))
                           + r")\s+['‘\"“](?P<name>[^'’\"”]+)['’\"”]$")
_EXPERTS = re.compile(r"^(?P<name>.*[A-Z]\S*)\s+(?:" + rules.alternation(rules.words("expert-head"))
                      + r"|project)$")
_ACRONYM = re.compile(r"\s*\((?P<acronym>[A-Z][A-Za-z.]{1,9})\)")
_TRAILING_DOT = re.compile(r"(?<!\b[A-Z])(?<!\b[A-Z][a-z])\.$")
_WORDS = re.compile(r"[\w'’.-]+")
_POSSESSIVE_BODY = re.compile(r"^(?:the\s+)?(?P<country>[A-Z][\w .]*?)['’]s\s+(?P<body>[a-z][a-z ]*)$")


@lru_cache(maxsize=1 << 12)
def clean_phrase(phrase: str) -> str:
    """The name part of a subject phrase (see module docstring). Memoised: pure, and the same
    phrases come back in article after article."""
    text = " ".join(phrase.replace("’", "'").split()).strip(" ,;:")
    text = _ACRONYM.sub("", _TRAILING_DOT.sub("", text).strip()).strip()
    for pattern in (_NAMED_OUTLET, _ISSUED_BY, _POSSESSIVE_REPORTS, _OF_CHANNEL, _CHANNEL, _EXPERTS):
        match = pattern.match(text)
        if match:
            text = match.group("name").strip()
    return text


@lru_cache(maxsize=1 << 12)
def non_speaker(phrase: str) -> bool:
    """The phrase names nobody: a label, day, adverb, generic or negative subject, a place."""
    words = [w.lower().strip(".,") for w in _WORDS.findall(phrase)]
    if not words:
        return True
    if any(len(t.strip(".,")) > 1 and t.strip(".,").isupper() for t in phrase.split()):
        return False  # an acronym names a body ("WHO", "ISW", "SBU")
    if all(w in NON_SPEAKER_WORDS or w.endswith("ly") or w.isdigit() for w in words):
        return True
    if _DATE_OR_PLACE.match(words[0]):
        return True  # a date or place adverbial ("On Sunday", "In Kharkiv")
    if words[-1] in GENERIC_HEADS and (len(words) <= 3 or not phrase.split()[-1][:1].isupper()) \
            and " of " not in phrase and " at " not in phrase:
        return True  # "Officials", "Ukrainian officials", "two security sources"
    return words[-1] in PLACE_TYPE_WORDS and len(words) <= 3 and not {"of", "in"} & set(words)


def is_demonym(word: str) -> bool:
    """A nationality or party word ("Ukrainian", "Republican", "Democrats")."""
    lowered = word.lower()
    return lowered in DEMONYM_WORDS or lowered.rstrip("s") in DEMONYM_WORDS


def government(phrase: str) -> str | None:
    """The government a capital or country speaks for, or ``None``."""
    return GOVERNMENTS.get(" ".join(phrase.lower().split()))


def national_body(phrase: str) -> str | None:
    """"Israel's military" → "Israeli military", "Russia's armed forces" → "Russian armed
    forces": the demonym form of a body every country has. The Kremlin speaks for Russia,
    whose bodies are Russian."""
    match = _POSSESSIVE_BODY.match(" ".join(phrase.split()))
    if not match or match.group("body") not in NATIONAL_BODIES:
        return None
    state = government(match.group("country"))
    if state == "Kremlin":
        return f"Russian {match.group('body')}"
    if not state or not state.endswith(" government"):
        return None
    return f"{state.removesuffix(' government')} {match.group('body')}"
