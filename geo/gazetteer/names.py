"""Place-name normalisation and alias generation, shared by the gazetteer and the recogniser.

Why one module: the index is built with the same :func:`key` that the recogniser applies to
article text, so a name matches whatever its case, diacritics, apostrophes (Kazach'ya),
hyphens (Nikolayevo-Darino) or invisible characters (zero-width spaces, right-to-left marks).
:func:`loose_key` folds common transliteration variants (ya/ia/ja, yi/iy/y, …) for a second,
lower-ranked lookup. Nothing here changes offsets: callers normalise copies of substrings.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .. import rules

INVISIBLE = "\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff"
"""Soft hyphen, Arabic letter mark, zero-width and bidirectional controls (a regex class body)."""

_INVISIBLE_RE = re.compile(f"[{INVISIBLE}]")
INVISIBLE_CHARS = frozenset(
    chr(cp) for cp in (0x00AD, 0x061C, 0x180E, 0xFEFF, *range(0x2000, 0x2070))
    if _INVISIBLE_RE.match(chr(cp)))
"""The characters of :data:`INVISIBLE` as a set, for a cheap per-character test."""
_INVISIBLE_END_RE = re.compile(f"[{INVISIBLE}]+$")

REGION_WORDS = tuple(sorted(rules.words("region-type")))
"""Lower-case words that make "X <word>" name a first-level region (issue 3's aliases)."""

DIRECTIONS = rules.words("direction")

DEMONYMS = rules.words("demonym")
"""Adjectives/nationality nouns that must never become place mentions (kept small, lower case)."""

FUNCTION_WORDS = rules.words("function")
"""Words that may sit next to a place name without making it part of a longer name."""

STOPWORDS = rules.words("function", "stopword")
"""Words never accepted as a whole place name on their own: function words, titles, dates,
numbers ("One man was wounded" is not Onè in Italy)."""
NOT_NAMES = STOPWORDS | DEMONYMS
"""Keys that are never a place name on their own (one set, for a single lookup)."""


def strip_invisible(text: str) -> str:
    """Drop zero-width and bidirectional control characters."""
    return _INVISIBLE_RE.sub("", text)


_DELETE = {ord(c): None for c in "'\u2019\u02bc\u02b9`\u00b4"}
_DELETE.update({cp: None for cp in (0x00AD, 0x061C, 0x180E, 0xFEFF, *range(0x200B, 0x2010),
                                    *range(0x202A, 0x202F), *range(0x2060, 0x2065),
                                    *range(0x2066, 0x206A))})
_SPACE = {ord(c): " " for c in "-\u2010\u2011\u2012\u2013\u2014\u2015.,\t\n\r\u00a0"}


def strip_trailing_invisible(text: str) -> str:
    """Drop invisible characters at the end (a word followed by a right-to-left mark)."""
    return _INVISIBLE_END_RE.sub("", text)


@lru_cache(maxsize=1 << 20)
def key(name: str) -> str:
    """The exact match key: case-, accent-, apostrophe- and hyphen-insensitive."""
    text = name.translate(_DELETE)
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
        text = "".join(
            ch for ch in unicodedata.normalize("NFD", text) if unicodedata.category(ch) != "Mn"
        )
    return " ".join(text.casefold().translate(_SPACE).split())


_LOOSE_RULES = (
    (re.compile(r"(?<=[aeiou])ye"), "e"),
    (re.compile(r"\bye"), "e"),
    (re.compile(r"[yj]a|ia"), "ia"),
    (re.compile(r"[yj]u|iu"), "iu"),
    (re.compile(r"[yj]o|io"), "io"),
    (re.compile(r"(?:iy|yi|yy|ii|ij)\b"), "y"),
    (re.compile(r"j"), "y"),
    (re.compile(r"ck"), "k"),
    (re.compile(r"(?:sch|shch)"), "shch"),
)


@lru_cache(maxsize=262_144)
def loose_key(name: str) -> str:
    """A coarser key that merges romanisation variants: Kazachya = Kazachia, Yunakivka =
    Iunakivka, Zeleny = Zelenyi. Only used when the exact key finds nothing."""
    text = key(name)
    for pattern, replacement in _LOOSE_RULES:
        text = pattern.sub(replacement, text)
    return text


def region_aliases(short: str, local_romanized: str | None = None) -> list[str]:
    """Names under which a first-level region is written: "Kursk" gives "Kursk Oblast",
    "Kursk region", "Kursk territory", …; "Kurskaya oblast'" is passed in as local_romanized.
    The bare short name is returned too (it is ambiguous with the city; places.py decides)."""
    names = [short] + [f"{short} {word}" for word in REGION_WORDS]
    names += [f"{short} autonomous okrug", f"republic of {short}"]
    if local_romanized:
        names.append(local_romanized)
        stem = key(local_romanized).removesuffix(" oblast").removesuffix(" kray")
        names += [stem + " oblast", stem + " region"]
    return names


def ukrainian_short(name_uk: str | None, name_ru: str | None) -> list[str]:
    """Cyrillic forms of a region: "Курська область" plus its common case forms
    ("Курській області", "Курской области", "Курскую область") so Russian and Ukrainian
    sentences match without a morphological analyser."""
    out: list[str] = []
    for name in (name_uk, name_ru):
        if not name:
            continue
        out.append(name)
        match = re.fullmatch(r"(\w+?)(ська|ская|цька|цкая) (область)", name)
        if not match:
            continue
        stem, ending = match.group(1), match.group(2)
        if ending in ("ська", "цька"):
            base = stem + ending[:-1]
            out += [f"{base}ій області", f"{base}у область", f"{base}ої області"]
        else:
            base = stem + ending[:-2]
            out += [f"{base}ой области", f"{base}ую область", f"{base}ой областью"]
    return out


DISTRICT_WORDS = {level: tuple(w for lv, w, _ in rules.DISTRICT_TYPES if lv == level)
                  for level in ("raion", "hromada")}
"""The type words of each district level ("district", "raion", … ; "hromada", "community", …)."""
_ADJECTIVE_END = re.compile(r"k(?:iy|yi|yy|ii|ij|y|i)$")


def adjective_forms(name: str) -> list[str]:
    """The spellings of a Latin district adjective: Sudzhanskiy -> Sudzhansky, Sudzhanskiy,
    Sudzhanskyi; a name that is no such adjective ("Pokrovsk") is returned alone."""
    if not _ADJECTIVE_END.search(name):
        return [name]
    base = _ADJECTIVE_END.sub("k", name)
    return list(dict.fromkeys([name, base + "y", base + "iy", base + "yi"]))


def district_names(level: str, stems: list[str]) -> list[str]:
    """Every "<stem> <type word>" of a district level: Latin type words after a Latin stem,
    Cyrillic after a Cyrillic one ("Sudzhansky district", "Pokrovsk raion", "Суджанский район")."""
    out = []
    for stem in dict.fromkeys(s for s in stems if s):
        cyrillic = re.search(r"[\u0400-\u04ff]", stem) is not None
        for word in DISTRICT_WORDS[level]:
            if (re.search(r"[\u0400-\u04ff]", word) is not None) == cyrillic:
                out.append(f"{stem} {word}")
    return out
