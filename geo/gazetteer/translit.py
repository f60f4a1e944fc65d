"""The English spellings reports give Russian and Ukrainian names, made from their Cyrillic.

Why: the sources give a Ukrainian settlement its official KMU-2010 romanisation (Avdiivka,
Kupiansk, Ocheretyne) and, where known, its Russian name (Авдеевка, Купянск, Очеретино);
reports also write the BGN/PCGN form of the Ukrainian (Avdiyivka, Kupyansk) and the
romanised Russian form (Avdeyevka, Kupyansk, Ocheretino, Krynki). Russian goes through the
``iuliia`` package's Wikipedia and BGN/PCGN schemas (the two forms English news uses);
Ukrainian BGN/PCGN is a letter table (``geo/rules/translit_uk_bgn.csv``).

Contract: pure functions; each returns Latin forms only (a form that keeps a Cyrillic or
accented letter is dropped), without duplicates, in a fixed order.
"""

from __future__ import annotations

import re
from functools import lru_cache

import iuliia

from .. import rules

_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[A-Za-z][A-Za-z' \-]*")
_RUSSIAN_SCHEMAS = (iuliia.WIKIPEDIA, iuliia.BGN_PCGN)
_UK_TABLE = {ord(letter): latin for letter, latin in rules.UK_LATIN.items()}


def is_cyrillic(name: str) -> bool:
    """Whether the name is written (at least partly) in Cyrillic."""
    return _CYRILLIC.search(name) is not None


@lru_cache(maxsize=1 << 16)
def russian_latin(name: str) -> tuple[str, ...]:
    """Romanised forms of a Russian name: Авдеевка -> Avdeevka, Avdeyevka; Купянск -> Kupyansk."""
    forms = (schema.translate(name.replace("ё", "е").replace("Ё", "Е")) for schema in _RUSSIAN_SCHEMAS)
    return tuple(dict.fromkeys(f for f in forms if _LATIN.fullmatch(f)))


def _capitalise(word: str) -> str:
    return word[:1].upper() + word[1:]


@lru_cache(maxsize=1 << 16)
def ukrainian_bgn(name: str) -> tuple[str, ...]:
    """The BGN/PCGN form of a Ukrainian name (Авдіївка -> Avdiyivka), or nothing."""
    words = re.split(r"([ \-])", name)
    latin = "".join(_capitalise(w.lower().translate(_UK_TABLE)) if w[:1].isupper()
                    else w.lower().translate(_UK_TABLE) for w in words)
    return (latin,) if _LATIN.fullmatch(latin) else ()
