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
        names.append(" ".join(words[first:]))
    return names
