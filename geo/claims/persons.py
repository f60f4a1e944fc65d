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

FIRST_NAMES: dict[str, str] = {
    **dict.fromkeys("""Alina Alla Anastasia Anastasiya Anna Daria Darya Elena Galina Halyna Hanna
        Inna Irina Iryna Ivanna Kateryna Ekaterina Yekaterina Khrystyna Kristina Larysa Larisa
        Liudmyla Lyudmila Maria Mariia Mariya Marina Maryna Nadia Nadiya Nadezhda Natalia Natalya
        Nataliya Nina Oksana Olena Olga Olha Polina Ruslana Sofia Sofiya Svetlana Svitlana Tatiana
        Tetiana Tetyana Ulyana Valentina Valentyna Vera Veronika Viktoria Viktoriia Yana Yulia
        Yuliya Zoya""".split(), "f"),
    **dict.fromkeys("""Alexander Aleksandr Oleksandr Alexei Alexey Oleksiy Andrei Andriy Andrii
        Anton Artem Artyom Bohdan Boris Borys Denis Denys Dmitry Dmitri Dmytro Evgeny Yevgeny Yevhen
        Fedir Fyodor Heorhiy Georgy Hennadiy Igor Ihor Ilya Illia Ivan Kirill Kyrylo Konstantin
        Kostiantyn Leonid Maksym Maxim Mikhail Mykhailo Mykola Nikolai Nikita Oleg Oleh Pavel Pavlo
        Petro Pyotr Roman Ruslan Serhiy Serhii Sergei Sergey Stanislav Stepan Taras Vadim Vadym
        Valery Valeriy Vasyl Vasily Viktor Vitaliy Vitaly Vladimir Volodymyr Vladislav Vyacheslav
        Yaroslav Yuri Yuriy Yury Zakhar""".split(), "m"),
}
"""Common first names and their grammatical gender. Male names ending in -a (Mykola,
Nikita, Ilya) are why this is a table and not a spelling rule."""

_FEMALE_SURNAME = re.compile(r"(?:ova|eva|ina|skaya|ska|aya)$")
_GENDERED_TITLES = {"spokeswoman": "f", "mrs": "f", "ms": "f", "madam": "f",
                    "spokesman": "m", "mr": "m"}
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
