"""Person names in prose and the gender a pronoun can check them against.

Why: "she said" must not go to the man named just before, and the person a pronoun points
to is often introduced in a sentence that is not itself a claim ("Halyna Petrenko, who has
taught here for 31 years, remembers …"). Reporting verbs alone never see such people, so
they are found by their first name, from a table of common Ukrainian and Russian ones.

Contract: :func:`person_names` lists "First [Last [Last]]" names in text order (repeats
kept); :func:`gender` answers "f", "m" or ``None`` and never guesses from a name it
does not know, except for the Slavic feminine surname endings (Petrova, Lozova).
"""

from __future__ import annotations

import re

from .. import rules
from .names import NAME_PARTICLES, NOT_SURNAMES, is_demonym
from .verbs import VERB_PATTERN

FIRST_NAMES = rules.FIRST_NAMES
"""Common first names and their grammatical gender (``geo/rules/first_names.csv``). Male
names ending in -a (Mykola, Nikita, Ilya) are why this is a table and not a spelling rule."""

PRONOUN_GENDER = {word: rules.GENDER[word] for word in rules.words("pronoun")}
"""Pronoun → gender: "he" → "m", "she" → "f"."""
_GENDERED_TITLES = {word: gender for word, gender in rules.GENDER.items()
                    if word not in PRONOUN_GENDER}
"""Titles that say a person's gender ("spokeswoman", "mrs")."""

_FEMALE_SURNAME = re.compile(r"(?:ova|eva|ina|skaya|ska|aya)$")
_CAPITALISED_RUN = re.compile(r"\b[A-Z][a-z]+\b(?: [A-Z][\w'’-]+){0,3}")
"""Up to four capitalised words: a title may come first ("President Volodymyr Zelensky")."""


def gender(name: str, title: str | None = None) -> str | None:
    """"f", "m" or ``None`` (unknown) for a person: from the first name, then a gendered
    title ("spokeswoman", "Mrs"), then a feminine surname ending ("Iryna Lozova", "Lozova")."""
    words = name.split()
    if not words:
        return None
    if words[0] in FIRST_NAMES:
        return FIRST_NAMES[words[0]]
    for word in re.findall(r"[a-z]+", (title or "").lower()):
        if word in _GENDERED_TITLES:
            return _GENDERED_TITLES[word]
    return "f" if _FEMALE_SURNAME.search(words[-1]) else None


def person_names(text: str, start: int = 0) -> list[str]:
    """Every person name that starts with a known first name in ``text[start:]``, in order.
    Pass the quote-masked text: names inside quotations are not mentions of the speaker."""
    names = []
    first_names = FIRST_NAMES.keys()
    for match in _CAPITALISED_RUN.finditer(text, start):
        words = match.group(0).split(" ")
        if first_names.isdisjoint(words):
            continue  # most capitalised runs hold no first name: one C-level test
        first = next(i for i, word in enumerate(words) if word in FIRST_NAMES)
        name = words[first:]
        owner = next((i for i, word in enumerate(name) if word.endswith(("'s", "’s"))), None)
        if owner is not None:  # "Andrej Babiš's ANO movement": the name ends at the possessive
            name = name[:owner] + [name[owner][:-2]]
        names.append(" ".join(name))
    return names


_NOT_IN_NAMES = frozenset(w.capitalize() for w in rules.words("function", "day", "non-speaker", "before-name"))
"""Capitalised words that open a run without being part of a name ("With", "On", "Mr")."""
_PARTICLES = "|".join(sorted(NAME_PARTICLES))
_NAME_WORD = r"[A-ZÀ-ÖØ-ÞĀ-ž][a-zß-öø-ÿĀ-ž'’-]+"
"""A capitalised word in any Latin script ("Babiš", "Šimečka", "Łukasz"), not an acronym."""
_NAME_RUN = re.compile(rf"(?<![\w'’.-])(?:{_NAME_WORD}|(?:{_PARTICLES})\b)"
                       rf"(?:\s(?:{_NAME_WORD}|(?:{_PARTICLES})\b)){{1,3}}")
_TITLE_BEFORE = re.compile(r"(?:\b(?:" + rules.alternation(w.capitalize() for w in rules.words("before-name")
                                                          if w.isalpha() and len(w) <= 3)
                           + r")\.?|\b[Aa]ccording to)\s$")
_ADVERB_AFTER = re.compile(r"\s+(?:\w+ly|also|later)\b")


_SYLLABLES = re.compile(r"[A-Z][a-z]{1,4}-[a-z]{1,5}")


def given_syllables(word: str) -> bool:
    """An East Asian given name written as two hyphenated syllables ("Ching-te", "Jae-myung",
    "Yu-ih"), after the family name; not an English compound ("Pro-war", "Kyiv-based")."""
    if not _SYLLABLES.fullmatch(word):
        return False
    second = word.split("-")[1]
    return second not in rules.COMMON_WORDS and not second.endswith("ed")


_TITLES = rules.words("title")


def _describes(words: list[str]) -> bool:
    """The run's first word describes the person named after it ("Prime Minister Petr Fiala",
    "Billionaire Andrej Babiš"): a title word, or a common noun before a given name."""
    first = words[0].lower()
    return first in _TITLES or (first in rules.COMMON_WORDS and words[1].lower() in rules.GIVEN_NAMES)


def confirmed_names(text: str, start: int = 0) -> list[str]:
    """Full names ("Geert Wilders", "Nancy Faeser") that the text also uses by surname alone
    as a person ("Mr Wilders", "Faeser said", "according to Faeser"): people, whatever their
    first name. A capitalised pair is only believed to be a person when its last word comes
    back that way; organisations, places and demonyms do not ("Security Council", "Texas
    Republican", "Chasiv Yar"). Runs stop at a possessive ("Olaf Scholz's")."""
    runs: dict[str, str] = {}
    for match in _NAME_RUN.finditer(text, start):
        words = match.group(0).split()
        for cut, word in enumerate(words):
            if word.endswith(("'s", "’s")) or ("-" in word and not (cut and given_syllables(word))):
                words = words[:cut + 1] if word.endswith(("'s", "’s")) else words[:cut]
                if words:
                    words[-1] = words[-1][:-2] if words[-1].endswith(("'s", "’s")) else words[-1]
                break
        while words and (words[0] in _NOT_IN_NAMES or words[0].endswith("ing") or (len(words) > 2 and _describes(words))):
            words = words[1:]
        if len(words) < 2 or any(w.lower() in NOT_SURNAMES for w in words) \
                or is_demonym(words[-1]) or words[-1] in _NOT_IN_NAMES:
            continue
        # "Lai Ching-te", "Lee Jae-myung": the family name comes first and stands alone ("Lai said")
        runs.setdefault(words[0] if given_syllables(words[-1]) else words[-1], " ".join(words))
    return [full for surname, full in runs.items() if _used_alone(text, start, surname)]


def _used_alone(text: str, start: int, surname: str) -> bool:
    """``surname`` stands alone as a person somewhere: "Mr Wilders", "Faeser said"."""
    at = text.find(surname, start)
    while at >= 0:
        end = at + len(surname)
        if _TITLE_BEFORE.search(text, max(start, at - 13), at) or text.startswith(("'s ", "’s "), end):
            return True
        adverb = _ADVERB_AFTER.match(text, end)
        after = adverb.end() if adverb else end
        if text[after:after + 1] == " " and VERB_PATTERN.match(text, after + 1):
            return True
        at = text.find(surname, end)
    return False
