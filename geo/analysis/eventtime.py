"""Event time: when a claim says its event happened, against the article's date.

Why: a report of 13 March saying "in the past five days" is about 8-13 March; an analyst
filtering by when things happened, not when they were reported, needs that interval and how
precise it is (ACLED's time_precision: day, week, month).

Contract: :func:`event_time` returns the :class:`geo.model.EventTime` of the first time
expression of ``text`` (in text order; a relative one — "yesterday", "the past five days",
"on Thursday", "late last month", "March 10" — before a bare month name), or ``None`` when
the text has none. Intervals never end after the article's date (a report does not describe
tomorrow), days are inclusive. The phrases are data (``geo/rules/time_words.csv``); the
grammar of numbers and dates is the regular expressions below.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from .. import rules
from ..model import EventTime

_WORDS = rules.TIME_WORDS
_NUMBERS = {w: int(v) for w, (v, kind) in rules.NUMBER_WORDS.items() if kind == "number"}


def _of(prefix: str) -> dict[str, int]:
    return {w: int(m.split(":")[1]) for w, (m, _) in _WORDS.items() if m.startswith(prefix + ":")}


_MONTHS, _WEEKDAYS, _UNITS = _of("name-month"), _of("weekday"), _of("unit")
_PHRASES = {w: v for w, v in _WORDS.items() if v[1]}
_MONTH = rules.alternation(_MONTHS)
_MONTH_ABBREVIATION = r"(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?"
_NUMBER = rf"\d+|{rules.alternation(_NUMBERS)}|a|an"
_PHRASE = rules.alternation(_PHRASES, r"[\s-]+")
_RELATIVE = re.compile(
    rf"\b(?P<phrase>{_PHRASE})\b"
    rf"|\b(?:past|last|previous)\s+(?:(?P<n>{_NUMBER})\s+)?(?P<unit>{rules.alternation(_UNITS)})\b"
    rf"|\bsince\s+(?P<since>{_MONTH})\b(?:\s+(?P<since_year>\d{{4}}))?"
    rf"|\b(?P<month>{_MONTH}|{_MONTH_ABBREVIATION})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?!:)"
    rf"(?:,?\s+(?P<year>\d{{4}}))?"
    rf"|\b(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month2>{_MONTH})\b(?:\s+(?P<year2>\d{{4}}))?"
    rf"|\b(?:on\s+)?(?P<weekday>{rules.alternation(_WEEKDAYS)})\b",
    re.IGNORECASE)
_IN_MONTH = re.compile(rf"\b(?:in|during|earlier in|late|early)\s+(?P<month>{_MONTH})\b"
                       rf"(?:\s+(?P<year>\d{{4}}))?", re.IGNORECASE)
_RECENT_MONTHS = 2
"""A bare "in <month>" is read only within this many months before the article: further back
it is background ("since Ukraine launched its offensive in August"), not the claim's event."""


def _key(written: str) -> str:
    return " ".join(re.split(r"[\s-]+", written.lower()))


def _month_start(date: dt.date, shift: int) -> dt.date:
    index = date.year * 12 + date.month - 1 + shift
    return dt.date(index // 12, index % 12 + 1, 1)


def _month_end(start: dt.date) -> dt.date:
    return start.replace(day=calendar.monthrange(start.year, start.month)[1])


def _month_index(name: str) -> int:
    name = name.lower().rstrip(".")
    return next(number for month, number in _MONTHS.items() if month.startswith(name[:3]))


def _phrase(meaning: str, date: dt.date) -> tuple[dt.date, dt.date]:
    kind, _, amount = meaning.partition(":")
    if kind == "day":
        day = date + dt.timedelta(days=int(amount))
        return day, day
    if kind == "days":
        low, high = (int(x) for x in amount.split(".."))
        return date + dt.timedelta(days=low), date + dt.timedelta(days=high)
    if kind == "week":
        monday = date - dt.timedelta(days=date.weekday()) + dt.timedelta(weeks=int(amount))
        return monday, monday + dt.timedelta(days=6)
    start = _month_start(date, int(amount))
    end = _month_end(start)
    part = {"early-month": (1, 10), "mid-month": (11, 20), "late-month": (21, end.day)}.get(kind)
    return (start.replace(day=part[0]), start.replace(day=part[1])) if part else (start, end)


def _last_before(date: dt.date, month: int, day: int | None, year: str | None) -> dt.date:
    """The month (or day of it) named without a year: the latest one not after the article."""
    if year:
        return dt.date(int(year), month, min(day or 1, 28) if day and day > 28 else day or 1)
    candidate = dt.date(date.year, month, 1)
    if candidate > date:
        candidate = candidate.replace(year=date.year - 1)
    if day:
        last = calendar.monthrange(candidate.year, month)[1]
        candidate = candidate.replace(day=min(day, last))
        if candidate > date:
            candidate = candidate.replace(year=candidate.year - 1, day=min(
                day, calendar.monthrange(candidate.year - 1, month)[1]))
    return candidate


def _precision(start: dt.date, end: dt.date) -> str:
    days = (end - start).days
    return "day" if days <= 1 else "week" if days <= 7 else "month"


def _resolve(match: re.Match, date: dt.date) -> tuple[dt.date, dt.date, str] | None:
    if match["phrase"]:
        meaning, precision = _PHRASES[_key(match["phrase"])]
        start, end = _phrase(meaning, date)
        return start, end, precision
    if match["unit"]:
        written = (match["n"] or "1").lower()
        count = 1 if written in ("a", "an") else int(written) if written.isdigit() else _NUMBERS[written]
        days = max(1, count * _UNITS[match["unit"].lower()]) if _UNITS[match["unit"].lower()] else 1
        start = date - dt.timedelta(days=days)
        return start, date, _precision(start, date)
    if match["since"]:
        return _last_before(date, _MONTHS[match["since"].lower()], None, match["since_year"]), date, "month"
    if match["month"] or match["month2"]:
        month = _month_index(match["month"] or match["month2"])
        day = int(match["day"] or match["day2"])
        if not 1 <= day <= 31:
            return None
        when = _last_before(date, month, day, match["year"] or match["year2"])
        return when, when, "day"
    back = (date.weekday() - _WEEKDAYS[match["weekday"].lower()]) % 7
    day = date - dt.timedelta(days=back)
    return day, day, "day"


def event_time(text: str, date: dt.date) -> EventTime | None:
    """The claim's event interval (module docstring); ``None`` without a time expression."""
    for match in _RELATIVE.finditer(text):
        resolved = _resolve(match, date)
        if resolved is not None:
            start, end, precision = resolved
            return EventTime(min(start, date), min(end, date), precision, match.group(0).strip())
    for match in _IN_MONTH.finditer(text):
        start = _last_before(date, _MONTHS[match["month"].lower()], None, match["year"])
        if _month_start(date, -_RECENT_MONTHS) <= start:
            return EventTime(start, min(_month_end(start), date), "month", match.group(0))
    return None
