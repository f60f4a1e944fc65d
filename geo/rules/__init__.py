"""The rule tables as data, and the one loader that reads them (once, at import).

Why data: adding a reporting verb, a speaker's alias, a title or a cue word should be one
line in one file (then ``make eval``), not an edit of a Python literal, and no word list
should be written twice. So every word the rules look up is one line of ``words.txt``,
tagged with every list it is in (:data:`TAGS`); each stage builds its sets from the tags
(``words("title")``, ``words("function", "stopword")``). The tables with columns are CSV.

Files (UTF-8; a line starting with ``#`` is a comment, blank lines are ignored):

=============================  =============================================================
``words.txt``                  ``word: tag tag …`` — the lexicon
``reporting_verbs.csv``        lemma, forms (irregular: ``3sg|past|-ing``), noun, not_verbs,
                               bulletin
``speakers.csv``               canonical, kind (person / org), alias — one alias a line
``organisation_signatures.csv``  canonical, all_of, none_of (space-separated words)
``organisation_word_forms.csv``  form, word (read as the word in a signature)
``first_names.csv``            name, gender (f / m)
``abbreviations.txt``          one abbreviation a line, as written ("Gen", "approx")
``common_words.txt``           English words that are also a GeoNames place name, one a line
``capitalised_words.txt``      the same, also proper nouns in English ("nice", "wales")
``surnames.txt``               surnames that are also a GeoNames place name, one a line
``given_names.txt``            first names, English, Russian and Ukrainian, one a line
``outlets.txt``                news outlets, as written ("Tass", "Al Jazeera")
``organisations.txt``          organisations and seats of power ("Hamas", "White House")
``country_aliases.csv``        country (ISO 3166-1 alpha-2), alias
``admin1_names.csv``           code (ISO 3166-2), English name
``admin1_type_words.csv``      natural_earth (type_en), type_word
``governments.csv``            place (lower case), government — "moscow" → Kremlin
``role_abbreviations.csv``     abbreviation, words — "rma" → regional military administration
``role_equivalents.csv``       role, words — "governor" → head administration
``numbers.csv`` … ``counted.csv``  number words, units, qualifiers, counted things (figures)
``time_words.csv``, ``denial_cues.txt``  time expressions; denial cues (geo.analysis)
=============================  =============================================================

Contract: values are frozensets, tuples and dicts built once; a malformed line raises
:class:`geo.errors.ClaimmapError` naming the file and line (``geo/rules/words.txt:12: …``).
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

from ..config import RULES_DIR
from ..errors import ClaimmapError

from .regex import alternation, trie
from .tags import TAGS


_GENDERS = ("f", "m")


def _fail(message: str, path: Path, line: int | None = None) -> ClaimmapError:
    return ClaimmapError(message, path, line)


def _lines(path: Path):
    """(line number, text) of every line that is not blank or a comment."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise _fail(f"cannot read rule file: {exc}", path) from None
    for number, line in enumerate(text.splitlines(), 1):
        if line.strip() and not line.lstrip().startswith("#"):
            yield number, line


def read_lexicon(path: Path) -> dict[str, tuple[str, ...]]:
    """``words.txt``: each word's tags, in file order."""
    entries: dict[str, tuple[str, ...]] = {}
    first_seen: dict[str, int] = {}
    for number, line in _lines(path):
        word, colon, rest = line.partition(":")
        word, tags = " ".join(word.split()), rest.split()
        if not colon or not word or not tags:
            raise _fail(f"expected 'word: tag …', found {line.strip()!r}", path, number)
        if word != word.lower():
            raise _fail(f"{word!r} is not lower case (matching ignores case)", path, number)
        if word in entries:
            raise _fail(f"{word!r} is already on line {first_seen[word]}", path, number)
        unknown = [t for t in tags if t not in TAGS]
        if unknown:
            raise _fail(f"unknown tag {unknown[0]!r} (see TAGS in geo/rules/__init__.py)", path,
                        number)
        if "pronoun" in tags and not set(tags) & set(_GENDERS):
            raise _fail(f"pronoun {word!r} needs a gender tag (f or m)", path, number)
        if set(_GENDERS) <= set(tags):
            raise _fail(f"{word!r} is tagged both f and m", path, number)
        entries[word], first_seen[word] = tuple(tags), number
    return entries


def read_table(path: Path, columns: tuple[str, ...],
               required: tuple[str, ...] = ()) -> list[tuple[int, dict[str, str]]]:
    """A rule CSV: (line number, row) pairs. The header must be ``columns``; every row has
    as many fields, ``required`` ones not empty."""
    rows: list[tuple[int, dict[str, str]]] = []
    header = None
    for number, line in _lines(path):
        try:
            fields = [field.strip() for field in next(csv.reader([line]))]
        except csv.Error as exc:
            raise _fail(f"not CSV: {exc}", path, number) from None
        if header is None:
            if tuple(fields) != columns:
                raise _fail(f"the header must be {','.join(columns)}", path, number)
            header = fields
            continue
        if len(fields) != len(columns):
            raise _fail(f"expected {len(columns)} fields ({','.join(columns)}), found {len(fields)}",
                        path, number)
        row = dict(zip(columns, fields))
        empty = [name for name in required if not row[name]]
        if empty:
            raise _fail(f"{empty[0]} is empty", path, number)
        rows.append((number, row))
    return rows


def _choice(value: str, allowed: tuple[str, ...], name: str, path: Path, line: int) -> str:
    if value not in allowed:
        raise _fail(f"{name} {value!r} is not one of {', '.join(allowed)}", path, line)
    return value


def _flag(value: str, name: str, path: Path, line: int) -> bool:
    return _choice(value, ("", "yes"), name, path, line) == "yes"


@dataclass(frozen=True)
class Verb:
    """One line of ``reporting_verbs.csv`` (``line`` for the errors its user may raise)."""

    lemma: str
    forms: tuple[str, ...]
    """The irregular 3sg, past and -ing forms as written; empty for a regular verb."""
    noun: bool
    not_verbs: frozenset[str]
    bulletin: bool
    line: int


def read_verbs(path: Path) -> tuple[Verb, ...]:
    """``reporting_verbs.csv``: one :class:`Verb` a line."""
    verbs, seen = [], set()
    columns = ("lemma", "forms", "noun", "not_verbs", "bulletin")
    for line, row in read_table(path, columns, ("lemma",)):
        if row["lemma"] in seen:
            raise _fail(f"verb {row['lemma']!r} is listed twice", path, line)
        seen.add(row["lemma"])
        verbs.append(Verb(row["lemma"], tuple(f for f in row["forms"].split("|") if f),
                          _flag(row["noun"], "noun", path, line),
                          frozenset(f for f in row["not_verbs"].split("|") if f),
                          _flag(row["bulletin"], "bulletin", path, line), line))
    return tuple(verbs)


def read_speakers(path: Path) -> dict[str, dict[str, tuple[str, ...]]]:
    """``speakers.csv``: kind → canonical name → aliases, in file order."""
    table: dict[str, dict[str, list[str]]] = {"person": {}, "org": {}}
    kinds: dict[str, str] = {}
    for line, row in read_table(path, ("canonical", "kind", "alias"), ("canonical", "kind")):
        kind = _choice(row["kind"], tuple(table), "kind", path, line)
        canonical = row["canonical"]
        if kinds.setdefault(canonical, kind) != kind:
            raise _fail(f"{canonical!r} is a {kinds[canonical]} above, not a {kind}", path, line)
        aliases = table[kind].setdefault(canonical, [])
        if row["alias"] in aliases:
            raise _fail(f"alias {row['alias']!r} of {canonical!r} is listed twice", path, line)
        if row["alias"]:
            aliases.append(row["alias"])
    return {kind: {c: tuple(a) for c, a in names.items()} for kind, names in table.items()}


def _pairs(path: Path, columns: tuple[str, str], pattern: str = "",
           choices: tuple[str, ...] = ()) -> dict[str, str]:
    """A two-column table as a dict; a key written twice is an error."""
    found: dict[str, str] = {}
    for line, row in read_table(path, columns, columns):
        key, value = row[columns[0]], row[columns[1]]
        if pattern and not re.fullmatch(pattern, key):
            raise _fail(f"{columns[0]} {key!r} is not a valid code", path, line)
        if choices:
            _choice(value, choices, columns[1], path, line)
        if key in found:
            raise _fail(f"{key!r} is listed twice", path, line)
        found[key] = value
    return found


def _grouped(path: Path, columns: tuple[str, str], pattern: str) -> dict[str, tuple[str, ...]]:
    """A two-column table as key → values, in file order."""
    found: dict[str, list[str]] = {}
    for line, row in read_table(path, columns, columns):
        if not re.fullmatch(pattern, row[columns[0]]):
            raise _fail(f"{columns[0]} {row[columns[0]]!r} is not a valid code", path, line)
        found.setdefault(row[columns[0]], []).append(row[columns[1]])
    return {key: tuple(values) for key, values in found.items()}


def read_keyed(path: Path, columns: tuple[str, ...], choices: dict[str, tuple[str, ...]],
           number: str = "") -> dict[str, tuple[str, ...]]:
    """First column (lower case, once) → the other fields; ``choices`` limits values."""
    found: dict[str, tuple[str, ...]] = {}
    for line, row in read_table(path, columns, columns[:2]):
        key = row[columns[0]]
        if key != key.lower() or key in found:
            raise _fail(f"{key!r} is not lower case or is listed twice", path, line)
        for name, allowed in choices.items():
            _choice(row[name], allowed, name, path, line)
        if number and not re.fullmatch(r"\d+(?:\.\d+)?", row[number]):
            raise _fail(f"{number} {row[number]!r} is not a number", path, line)
        found[key] = tuple(row[name] for name in columns[1:])
    return found


def _signatures(path: Path) -> tuple[tuple[str, frozenset[str], frozenset[str]], ...]:
    return tuple((row["canonical"], frozenset(row["all_of"].lower().split()),
                  frozenset(row["none_of"].lower().split()))
                 for _, row in read_table(path, ("canonical", "all_of", "none_of"),
                                          ("canonical", "all_of")))


def _list(path: Path) -> frozenset[str]:
    entries: dict[str, int] = {}
    for number, line in _lines(path):
        entry = line.strip()
        if entry in entries:
            raise _fail(f"{entry!r} is already on line {entries[entry]}", path, number)
        entries[entry] = number
    return frozenset(entries)


LEXICON_FILE = RULES_DIR / "words.txt"
VERBS_FILE = RULES_DIR / "reporting_verbs.csv"

_LEXICON = read_lexicon(LEXICON_FILE)
_BY_TAG: dict[str, tuple[str, ...]] = {tag: tuple(w for w, tags in _LEXICON.items() if tag in tags)
                                       for tag in TAGS}


def words(*tags: str) -> frozenset[str]:
    """Every word of ``words.txt`` carrying any of ``tags``."""
    unknown = [t for t in tags if t not in TAGS]
    if unknown:
        raise KeyError(f"unknown tag {unknown[0]!r}")
    return frozenset(w for tag in tags for w in _BY_TAG[tag])


GENDER: dict[str, str] = {w: next(t for t in tags if t in _GENDERS)
                          for w, tags in _LEXICON.items() if set(tags) & set(_GENDERS)}
"""Word → ``"f"`` / ``"m"``: the pronouns and the gendered titles."""

VERBS = read_verbs(VERBS_FILE)
_SPEAKERS = read_speakers(RULES_DIR / "speakers.csv")
PEOPLE: dict[str, tuple[str, ...]] = _SPEAKERS["person"]
"""Well-known people (canonical name → the other forms the press uses)."""
ORGANISATIONS: dict[str, tuple[str, ...]] = _SPEAKERS["org"]
ORGANISATION_SIGNATURES = _signatures(RULES_DIR / "organisation_signatures.csv")
ORGANISATION_WORD_FORMS = _pairs(RULES_DIR / "organisation_word_forms.csv", ("form", "word"))
FIRST_NAMES = _pairs(RULES_DIR / "first_names.csv", ("name", "gender"), choices=_GENDERS)
"""First name → grammatical gender (``"f"`` / ``"m"``)."""
ABBREVIATIONS = _list(RULES_DIR / "abbreviations.txt")
COMMON_WORDS, CAPITALISED_WORDS, SURNAMES, GIVEN_NAMES, OUTLETS, ORGANISATIONS_NOT_PLACES = (
    _list(RULES_DIR / f"{name}.txt") for name in ("common_words", "capitalised_words", "surnames",
                                                   "given_names", "outlets", "organisations"))
"""What else a worldwide place name may be (geo.places.evidence); the first four made by data/gazetteer/scripts/."""
COUNTRY_ALIASES = _grouped(RULES_DIR / "country_aliases.csv", ("country", "alias"), r"[A-Z]{2}")
ADMIN1_NAMES = _pairs(RULES_DIR / "admin1_names.csv", ("code", "name"), r"[A-Z]{2}-[A-Z0-9]{1,3}")
GOVERNMENTS = _pairs(RULES_DIR / "governments.csv", ("place", "government"))
"""A capital or country that speaks as its government ("moscow" → "Kremlin")."""
ROLE_ABBREVIATIONS = _pairs(RULES_DIR / "role_abbreviations.csv", ("abbreviation", "words"))
"""A short form in a role phrase → the words it stands for ("rma" → "regional military administration")."""
ROLE_EQUIVALENTS = {role: frozenset(words.split()) for role, words in
                    _pairs(RULES_DIR / "role_equivalents.csv", ("role", "words")).items()}
"""A role word → the words that also say it ("governor" → head + administration)."""
ADMIN1_TYPE_WORDS = _pairs(RULES_DIR / "admin1_type_words.csv", ("natural_earth", "type_word"))
UK_LATIN = {r["letter"]: r["latin"] for _, r in read_table(
    RULES_DIR / "translit_uk_bgn.csv", ("letter", "latin"), ("letter",))}
"""A Ukrainian letter → its BGN/PCGN Latin form (geo/gazetteer/translit.py)."""
DISTRICT_TYPES = tuple(tuple(r.values()) for _, r in read_table(
    RULES_DIR / "district_types.csv", ("level", "word", "plural"), ("level", "word")))
"""(level, type word, plural) of the words that make "X <word>" a district or hromada."""
NUMBER_WORDS = {word: (float(value), kind) for word, (value, kind) in read_keyed(
    RULES_DIR / "numbers.csv", ("word", "value", "kind"),
    {"kind": ("number", "scale", "group", "fraction")}, number="value").items()}
UNITS = read_keyed(RULES_DIR / "units.csv", ("form", "unit", "position"), {"position": ("after", "before")})
QUALIFIERS = _pairs(RULES_DIR / "qualifiers.csv", ("phrase", "qualifier"))
COUNTED = read_keyed(RULES_DIR / "counted.csv", ("word", "class", "kind"),
                 {"kind": ("thing", "status")})
"""A counted word → (class, ``thing``/``status``): what two figures must share to compare."""
TIME_WORDS = read_keyed(RULES_DIR / "time_words.csv", ("phrase", "meaning", "precision"),
                    {"precision": ("", "day", "week", "month")})
DENIAL_CUES = _list(RULES_DIR / "denial_cues.txt")
