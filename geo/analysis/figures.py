"""Figures: the numbers a text states as a quantity of something.

Why a grammar of its own rather than quantulum3: what an analyst compares is a count of
*things* ("24 settlements", "430 Ukrainian soldiers"), its bound ("over", "as many as") and a
second unit in brackets ("1,000 square kilometers (386 square miles)" is one figure). A unit
parser sees "24 settlements" as a dimensionless 24 and knows no qualifiers, so the counted
noun and the bound would have to be found here anyway; with the number words, units,
qualifiers and counted words as data (``geo/rules/numbers.csv``, ``units.csv``,
``qualifiers.csv``), the grammar is the few regular expressions below.

Contract: :func:`find_figures` returns every figure of ``text`` in text order, spans offset by
``offset``; ``text[start:end]`` (before the offset) is the figure as written, qualifier and
bracketed second unit included. Not figures: dates ("March 13", "August 2024"), years, clock
times, ages ("54-year-old"), ordinals, identifiers ("Su-34", "Shahed-131/136") and "one" as a
pronoun ("one of the", "no one").
"""

from __future__ import annotations

import re

from .. import rules
from ..model import Figure

_WORDS = {w: v for w, (v, kind) in rules.NUMBER_WORDS.items() if kind == "number"}
_SCALES = {w: v for w, (v, kind) in rules.NUMBER_WORDS.items() if kind == "scale"}
_GROUPS = {w: v for w, (v, kind) in rules.NUMBER_WORDS.items() if kind == "group"}
_FRACTIONS = {w: v for w, (v, kind) in rules.NUMBER_WORDS.items() if kind == "fraction"}
_TENS = [w for w, v in _WORDS.items() if v >= 20]
_UNITS = {form: unit for form, (unit, pos) in rules.UNITS.items() if pos == "after"}
_BEFORE = {form: unit for form, (unit, pos) in rules.UNITS.items() if pos == "before"}
_MONTHS = {w for w, (meaning, _) in rules.TIME_WORDS.items() if meaning.startswith("name-month")}
_MONTH_PREFIXES = {m[:3] for m in _MONTHS}
_FUNCTION = rules.words("function") - {"other", "more"}
_DEMONYMS = rules.words("demonym")


def _alt(words) -> str:
    return rules.alternation(words, r"[\s-]+")


_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_WORD_NUMBER = (rf"(?:{_alt(_TENS)})(?:[\s-](?:{_alt(w for w, v in _WORDS.items() if v < 10)}))?"
                rf"|{_alt(_WORDS)}")
_NUMBER = re.compile(
    rf"(?<![\w.,:/$€£₴-])(?:(?P<before>{_alt(_BEFORE)})\s?)?"
    rf"(?:(?P<digits>{_DIGITS})|(?:an?|one)[\s-](?P<fraction>{_alt(_FRACTIONS)})(?=\s+of\b)"
    rf"|(?:an?\s+)?(?P<group>{_alt(_GROUPS)})(?=\s+of\b|[\s.,;])|(?P<word>{_WORD_NUMBER}))"
    rf"(?P<half>\s+and\s+a\s+half)?"
    rf"(?:\s*(?P<scale>{_alt(_SCALES)})\b|(?P<attached>bn|m|k)\b)?",
    re.IGNORECASE)
_UNIT_AFTER = re.compile(rf"(?:\s|-)?(?P<unit>{_alt(_UNITS)})(?![\w²])", re.IGNORECASE)
_QUALIFIER = re.compile(rf"(?:^|(?<=\W))(?P<q>{_alt(rules.QUALIFIERS)})\s+$", re.IGNORECASE)
_BRACKET = re.compile(rf"\s*\(\s*(?:about\s+|some\s+|roughly\s+)?(?P<n>{_DIGITS})\s*"
                      rf"(?P<unit>{_alt(_UNITS)})\s*\)", re.IGNORECASE)
_WORD = re.compile(r"\s+(?:of\s+(?:the\s+|them\s+)?)?([A-Za-z][\w'/-]*)")
_AGE = re.compile(r"[\s-]+years?[\s-]+old|-year\b", re.IGNORECASE)
_AGED = re.compile(r"(?:\baged|\b(?:man|woman|boy|girl) of)\s*\Z", re.IGNORECASE)
_LABEL = re.compile(r"(?:[a-z,;]\s|\()[A-Z][a-z]+\s*\Z")
"""A capitalised word inside a sentence before a bare number: "Part 2", "Article 438"."""
_TIME_UNITS = frozenset({"hours", "days", "weeks", "months"})
_WINDOW = re.compile(r"\b(?:past|last|previous|next|within|for|of|or)\s+(?:the\s+)?\Z",
                     re.IGNORECASE)
_TIME_AFTER = re.compile(r"\s+(?:before|after|ago|later|earlier)\b", re.IGNORECASE)
_RANGE = re.compile(rf"\s*[-–]\s*(?P<n>{_DIGITS})(?![\w.,])")
_INHERIT = re.compile(rf"\s+(?:to|and)\s+(?:{_DIGITS})(?:\s*(?:{_alt(_SCALES)})|bn|m|k)?\b", re.IGNORECASE)
"""A bare number before another with a unit: "from 48bn to 56bn cubic metres"."""
_AFTER_NOUN = re.compile(r"\b(?:of|at|to|by)\s+\Z", re.IGNORECASE)
"""Before a bare number that is a total: "a population of 5,127", "the toll at 820"."""
_NOT_ONE = frozenset({"of", "another", "day", "side", "hand", "way", "time", "point", "thing",
                      "who", "that", "which", "another's", "by", "or", "and", "in"})
_MAX_COUNTED = 3


def _key(written: str) -> str:
    """A rule table's key for a phrase as written ("per-cent" → "per cent")."""
    return " ".join(re.split(r"[\s-]+", written.lower()))


def _value(match: re.Match) -> float | None:
    if match["digits"]:
        value = float(match["digits"].replace(",", ""))
    elif match["word"]:
        value = sum(_WORDS.get(p, 0) for p in _key(match["word"]).split())
    elif match["group"]:
        value = _GROUPS[match["group"].lower()]
    else:
        return _FRACTIONS[match["fraction"].lower()]
    if match["half"]:
        value += 0.5
    scale = (match["scale"] or "").lower() or {"bn": "bn", "m": "million", "k": "thousand"}.get(
        (match["attached"] or "").lower(), "")
    if scale:
        value *= _SCALES.get(scale, 1000.0)
    return value


def _is_date_or_id(text: str, match: re.Match) -> bool:
    """A year, a day of a month, a clock time, an identifier, an ordinal."""
    before, after = text[:match.start()], text[match.end():]
    if re.match(r"[:./]\d|(?:st|nd|rd|th)\b|-?[A-Za-z]+\d|\s?(?:mm|am|pm|a\.m|p\.m|gmt|utc|hrs?|min)\b",
                after, re.IGNORECASE):
        return True
    if match["digits"]:
        previous = re.search(r"([A-Za-z]+)\.?\s*$", before)
        following = re.match(r"\s*([A-Za-z]+)", after)
        if (previous and previous[1].lower()[:3] in _MONTH_PREFIXES) or (
                following and following[1].lower() in _MONTHS):
            return True
        plain = match["digits"]
        if re.fullmatch(r"(?:1[89]|20)\d\d", plain) and not match["scale"]:
            return True
        if re.search(r"(?:\bNo\.?|#|\b[A-Z]{1,3}-?)\s*$", before):
            return True
    return False


def _counted(text: str, pos: int) -> tuple[str | None, int]:
    """The noun phrase after a number (up to three words) and where it ends."""
    words: list[str] = []
    end = pos
    for _ in range(_MAX_COUNTED):
        word = _WORD.match(text, end)
        if not word or word[1].lower() in _FUNCTION:
            break
        if words and word.group(0).lstrip().lower().startswith("of"):
            break
        words.append(word[1])
        end = word.end()
        if word[1].lower() not in _DEMONYMS and not word[1][:1].isupper() and (
                word[1].lower().endswith(("s", "ed")) or word[1].lower() in rules.COUNTED):
            break  # the head noun ("settlements") or a status ("killed")
    return (" ".join(words) or None), end


def _is_noun(counted: str | None) -> bool:
    """Whether a counted phrase ends with a plural noun or a counted word of the rules."""
    last = (counted or "").split()[-1:] or [""]
    word = last[0].lower()
    return word in rules.COUNTED or (word.endswith("s") and not word.endswith("ss"))


def start_of(match: re.Match) -> int:
    return match.start()


def _figure(text: str, match: re.Match, offset: int) -> Figure | None:
    value = _value(match)
    if value is None or _is_date_or_id(text, match):
        return None
    end = match.end()
    upper = _RANGE.match(text, end)
    if upper and match["digits"]:  # "20,000-25,000 servicemen": up to the upper bound
        value, end = float(upper["n"].replace(",", "")), upper.end()
    if match["before"]:
        unit = _BEFORE[_key(match["before"])]
    elif match["fraction"]:
        unit = "percent"
    else:
        unit = None
        found = _UNIT_AFTER.match(text, end)
        if found:
            unit, end = _UNITS[_key(found["unit"])], found.end()
    if _AGE.match(text, match.end()) or _AGED.search(text, 0, match.start()) or (
            match["digits"] and re.search(r"[a-z], \Z", text[:match.start()])
            and text.startswith(",", match.end())):
        return None  # "a 66-year-old man", "aged 59", "her husband, 59, was …"
    if unit in _TIME_UNITS and (_WINDOW.search(text, 0, start_of(match)) or value == 1
                                or _TIME_AFTER.match(text, end)):
        return None  # "over the past 24 hours", "one day", "72 hours before": a time
    if unit is None and re.match(r"-[A-Za-z]", text[end:]):  # "150-seat", "three-phase"
        counted_word = re.match(r"-([A-Za-z]+)", text[end:])
        unit, counted, end = "count", counted_word[1], end + counted_word.end()
    elif unit is None:
        counted, end = _counted(text, end)
        number = (match["word"] or "").lower()
        if match["digits"] and _LABEL.search(text, 0, match.start()):
            return None
        if match["word"] and re.match(r"\s+of\s+(?:the|them)\b", text[match.end():]) and (
                number == "one" or not _is_noun(counted)):
            return None  # "one of them hit", "two of them hurried"
        inherit = _INHERIT.match(text, match.end()) if counted is None else None
        if inherit and match["digits"]:
            found = _UNIT_AFTER.match(text, inherit.end())
            if found:
                unit = _UNITS[_key(found["unit"])]
        if counted is None and unit is None and not (match["digits"] and (
                _QUALIFIER.search(text[max(0, match.start() - 20):match.start()])
                or _AFTER_NOUN.search(text, 0, match.start())
                or re.match(r"\s+of\b", text[end:]))):
            return None  # a bare number: an age, a day, an item of a list
        unit = unit or "count"
        if match["group"] and match["group"].lower() != "dozen" and counted is None:
            return None
        if number == "one" and (counted is None or counted.split()[0].lower() in _NOT_ONE
                                or text[max(0, match.start() - 3):match.start()].lower().endswith("no ")):
            return None
    else:
        counted = None
    if unit == "m3-bn":
        unit, value = "m3", value * 1e9
    also: tuple[tuple[float, str], ...] = ()
    bracket = _BRACKET.match(text, end)
    if bracket and unit != "count":
        also = ((float(bracket["n"].replace(",", "")), _UNITS[_key(bracket["unit"])]),)
        end = bracket.end()
    start = match.start()
    qualifier = _QUALIFIER.search(text[max(0, start - 20):start])
    if upper and match["digits"]:
        qualifier_name = "up to"
        if qualifier:
            start -= len(qualifier.group(0))
    elif qualifier:
        start -= len(qualifier.group(0))
        qualifier_name = rules.QUALIFIERS[_key(qualifier["q"])]
    else:
        qualifier_name = None
    return Figure(start + offset, end + offset, text[start:end], value, unit, counted,
                  qualifier_name, also)


_ELLIPTIC_END = re.compile(r"\s*(?:each\b|[.;,](?!\d))")


def _elliptic(text: str, match: re.Match, offset: int, found: list[Figure]) -> Figure | None:
    """A bare number that ends a clause after a counted figure of its sentence counts the
    same thing: "killed two civilians and wounded five", "the Black Sea, 14; Crimea, seven
    each"."""
    if not found or found[-1].counted is None or not (match["digits"] or match["word"]) or (
            (match["word"] or "").lower() == "one"):
        return None
    between = text[found[-1].end - offset:match.start()]
    end = _ELLIPTIC_END.match(text, match.end())
    if end is None or re.search(r"[.!?]\s|\n", between) or _is_date_or_id(text, match) or (
            match["digits"] and re.search(r"[a-z], \Z", text[:match.start()])
            and text.startswith(",", match.end())):
        return None
    stop = match.end() + (len(end.group(0)) if end.group(0).strip() == "each" else 0)
    return Figure(match.start() + offset, stop + offset, text[match.start():stop],
                  _value(match), found[-1].unit, found[-1].counted, None)


def find_figures(text: str, offset: int = 0) -> list[Figure]:
    """Every figure of ``text`` in order (the module docstring says what is one)."""
    found: list[Figure] = []
    for match in _NUMBER.finditer(text):
        if found and match.start() + offset < found[-1].end:
            continue  # inside the last figure's bracketed second unit
        figure = _figure(text, match, offset) or _elliptic(text, match, offset, found)
        if figure is not None:
            found.append(figure)
    return found
