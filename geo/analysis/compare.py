"""Comparisons and corroboration: which claims of a layer are about the same thing.

Why: no claims map tells an analyst that two sources disagree about the same thing, or that
one statement was carried by several reports. Here claims are compared across the whole
layer, once, after every article is read (like the speaker unification of
:mod:`geo.claims.unify`), so the result does not depend on the order of the articles.

Two claims are **about the same thing** when they share a place (a settlement or site both
name, else a first-level region, or the place itself when it has none; a claim that names
only a country is about any region of it), their periods are the same (two event times
overlapping by half the longer; an article's date within :data:`SLACK_DAYS` of the other's
period), and a figure of each has the same *subject*: unit,
the class of what is counted (``geo/rules/counted.csv``: troops = soldiers = personnel), its
nationality ("Ukrainian soldiers" vs "Russians") and what happened to it (the status word of
the claim nearest the figure: captured, killed, taken …). Then:

* same speaker, different reports, same value and qualifier → **corroboration** (so is
  near-identical text, :data:`SAME_TEXT` of the words shared, whatever the figures);
* same speaker, other figures → ``same-speaker``; different speakers → ``different-speakers``
  (the layer does not know who is on which side: "Kremlin" and "Shoigu" are two speakers);
* a claim with a denial cue (``geo/rules/denial_cues.txt``) and another speaker's claim on
  the same place and period sharing :data:`DENIAL_WORDS` content words → ``denial``.

A comparison is **disputed** when two figures of claims it compares (never two of one
speaker's claims in one report) cannot both be true given their qualifiers (:func:`interval`):
"over 1,000" and "about 1,100" agree, 1,000 and 1,100 do not.
Pairs are joined into groups (one comparison per subject and connected claims); ids are a
hash of the kind and the claim ids, so the output is deterministic. Figures are compared only
within a region and a reach of periods (:func:`geo.analysis.groups.near_pairs`), texts by
prefix filtering (:mod:`.similar`): neither looks at all pairs of a big layer.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from .. import rules
from ..model import Comparison, EventTime, Figure
from .groups import Groups, near_pairs
from .similar import similar_pairs

SLACK_DAYS = 1
SAME_TEXT = 0.8
MIN_TEXT_WORDS = 6
DENIAL_WORDS = 3
DENIAL_SLACK_DAYS = 3
ABOUT = 0.1
""""About 1,100" is 990 … 1,210; "nearly"/"almost" 1,000 is 900 … 1,000."""

_AREAS = frozenset({"km2", "mi2", "ha"})
_THINGS = {w: c for w, (c, kind) in rules.COUNTED.items() if kind == "thing"}
_STATUSES = {w: c for w, (c, kind) in rules.COUNTED.items() if kind == "status"}
_STATUS = re.compile(r"\b(?:" + rules.alternation(_STATUSES) + r")\b", re.IGNORECASE)
_DEMONYMS = rules.words("demonym")
_FUNCTION = rules.words("function")
_DENIAL = re.compile(r"\b(?:" + rules.alternation(rules.DENIAL_CUES) + r")\b", re.IGNORECASE)
_PART = re.compile(r"\bof\s+(?:them|the|those)\b", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


@dataclass(frozen=True)
class Item:
    """One claim as the comparison sees it."""

    claim_id: str
    article_id: str
    speaker: str | None
    text: str
    start: int
    """The claim's offset in its article (figure spans are article offsets)."""
    period: tuple
    dated: bool
    """The period is an event time, not the article's date."""
    regions: frozenset[str]
    """The first-level regions of its places (a place without one: its id)."""
    countries: frozenset[str]
    coarse: bool
    """Every place of the claim is a country: it is about any region of them."""
    places: frozenset[tuple[str, str]]
    """(place id, region) of every place the claim is tied to."""
    fine: frozenset[str]
    """Its places finer than a region (settlements, districts, sites): two claims that both
    name some are about the same place only if they share one."""
    figures: tuple[Figure, ...]


def interval(figure: Figure) -> tuple[float, float]:
    """The values a figure allows given its qualifier (open bounds read as closed)."""
    v, q = figure.value, figure.qualifier
    if q in ("over", "more than", "at least"):
        return v, math.inf
    if q in ("up to", "less than"):
        return 0.0, v
    if q == "about":
        return v * (1 - ABOUT), v * (1 + ABOUT)
    if q in ("nearly", "almost"):
        return v * (1 - ABOUT), v
    return v, v


def _disjoint(a: Figure, b: Figure) -> bool:
    (lo1, hi1), (lo2, hi2) = interval(a), interval(b)
    return hi1 < lo2 or hi2 < lo1


def _singular(word: str) -> str:
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def subject(figure: Figure, item: Item) -> tuple[str, str, str, str]:
    """(unit, counted class, nationality, status) — what a figure is a figure of."""
    unit = "count" if figure.unit in ("count", "people") else figure.unit
    words = (figure.counted or "").lower().split()
    nationality = next((_singular(w) for w in words if w in _DEMONYMS), "")
    head = words[-1] if words else ""
    thing = _THINGS.get(head) or (_singular(head) if head and head not in _STATUSES else unit)
    if head in _DEMONYMS and head not in _THINGS:
        thing = "people"
    at = figure.start - item.start
    statuses = [(abs(m.start() - at), _STATUSES[" ".join(m.group(0).lower().split())])
                for m in _STATUS.finditer(item.text)]
    status = min(statuses)[1] if statuses else ""
    return unit, thing, nationality, status


def subject_label(key: tuple[str, str, str, str]) -> str:
    """How the Disputes table names a subject: "Ukrainian personnel captured", "area taken
    (km2)."""
    unit, thing, nationality, status = key
    noun = ("area" if unit in _AREAS else "amount") if thing == unit else thing
    label = " ".join(w for w in (nationality.capitalize(), noun, status) if w)
    return label if unit == "count" else f"{label} ({unit})"


def _same_place(a: Item, b: Item) -> bool:
    if a.fine and b.fine:
        return bool(a.fine & b.fine)
    return bool(a.regions & b.regions or (a.coarse and a.countries & b.countries)
                or (b.coarse and b.countries & a.countries))


def _same_period(a: Item, b: Item, slack: int) -> bool:
    """Two event times must overlap by half the longer one (a day's toll is not the month's);
    an article's date (no event time) is "as of" that day, within ``slack`` of the other."""
    (s1, e1), (s2, e2) = a.period, b.period
    if a.dated and b.dated:
        shared = (min(e1, e2) - max(s1, s2)).days + 1
        return shared * 2 >= max((e1 - s1).days, (e2 - s2).days) + 1
    return (s1 - e2).days <= slack and (s2 - e1).days <= slack


def _overlap(a: Item, b: Item, slack: int) -> bool:
    return _same_place(a, b) and _same_period(a, b, slack)


def _content(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text) if len(w) > 3 and w.lower() not in _FUNCTION}


def _join_same_text(groups: Groups, spoken: list[Item]) -> None:
    """Join one speaker's claims in different reports sharing :data:`SAME_TEXT` of their content
    words (:data:`MIN_TEXT_WORDS` at least): near linear (:func:`similar_pairs`), not all pairs."""
    by_speaker: dict[str, dict[frozenset[str], list[Item]]] = {}
    for item in spoken:
        words = frozenset(_content(item.text))
        if len(words) >= MIN_TEXT_WORDS:
            by_speaker.setdefault(item.speaker, {}).setdefault(words, []).append(item)
    for _, same in sorted(by_speaker.items()):
        sets = list(same)
        pairs = [(i, i) for i in range(len(sets))] + similar_pairs(sets, SAME_TEXT)
        for i, j in pairs:
            _join_across(groups, same[sets[i]], same[sets[j]])


def _join_across(groups: Groups, left: list[Item], right: list[Item]) -> None:
    """What joining every pair of ``left`` × ``right`` from different reports joins."""
    for items, others in ((left, right), (right, left)):
        for item in items:
            other = next((o for o in others if o.article_id != item.article_id), None)
            if other is not None:
                groups.join(item, other)


def _join_denials(groups: Groups, spoken: list[Item], where) -> None:
    """Join a claim with a denial cue to another speaker's claim on the same place and period
    that shares :data:`DENIAL_WORDS` content words with what follows the cue; only claims in
    one of its place blocks (``where``) are looked at."""
    cues = {item.claim_id: _DENIAL.search(item.text) for item in spoken}
    plain = [(item, _content(item.text)) for item in spoken if cues[item.claim_id] is None]
    blocks: dict[str, list[int]] = {}
    for n, (item, _) in enumerate(plain):
        for key in where(item):
            blocks.setdefault(key, []).append(n)
    slack = dt.timedelta(days=DENIAL_SLACK_DAYS)
    by_start = {key: sorted(ns, key=lambda n: plain[n][0].period[0]) for key, ns in blocks.items()}
    starts = {key: [plain[n][0].period[0] for n in ns] for key, ns in by_start.items()}
    longest = max((i.period[1] - i.period[0] for i, _ in plain), default=dt.timedelta(0))
    for denial in spoken:
        cue = cues[denial.claim_id]
        if cue is None:
            continue
        denied = _content(denial.text[cue.end():])
        first, last = denial.period[0] - slack - longest, denial.period[1] + slack
        near = sorted({n for key in where(denial) if key in by_start for n in by_start[key][
            bisect_left(starts[key], first):bisect_right(starts[key], last)]})
        for other, words in (plain[n] for n in near):
            if (other.speaker != denial.speaker and len(denied & words) >= DENIAL_WORDS
                    and _overlap(denial, other, DENIAL_SLACK_DAYS)):
                groups.join(denial, other)


def _comparison(kind: str, reason: str, disputed: bool, subject_text: str, ids: list[str],
                items: dict[str, Item], figures: dict[str, set[Figure]]) -> Comparison:
    members = sorted((items[i] for i in ids), key=lambda it: (it.period[0], it.claim_id))
    shared = frozenset.intersection(*(m.regions for m in members))
    places = sorted({p for m in members for p, r in m.places if r in shared}
                    or {p for m in members for p, _ in m.places if not m.coarse}
                    or {p for m in members for p, _ in m.places})
    digest = hashlib.sha1("\n".join([kind, *sorted(ids)]).encode()).hexdigest()[:12]
    return Comparison(
        f"{kind}:{digest}", kind, reason, disputed, subject_text, tuple(places),
        min(m.period[0] for m in members), max(m.period[1] for m in members),
        tuple((m.claim_id, tuple(f.text for f in sorted(figures.get(m.claim_id, ()),
                                                       key=lambda f: f.start))) for m in members))


def _place_blocks(items: list[Item]):
    """An item's blocks for :func:`near_pairs`: its regions; a claim naming only a country is
    in every region of it the layer has (it is about any of them)."""
    regions: dict[str, set[str]] = {}
    for item in items:
        if not item.coarse:
            for country in item.countries:
                regions.setdefault(country, set()).update(item.regions)
    return lambda item: item.regions.union(*(regions.get(c, ()) for c in item.countries)) \
        if item.coarse else item.regions


def compare(items: list[Item]) -> tuple[Comparison, ...]:
    """Every comparison between ``items`` (the module docstring says which), sorted by
    period start and id."""
    by_id = {item.claim_id: item for item in items}
    spoken = [item for item in items if item.speaker]
    where = _place_blocks(spoken)
    corroborating, compared = Groups(), {}
    by_subject: dict[tuple, list[tuple[Item, Figure]]] = {}
    for item in spoken:
        for figure in item.figures:
            if _PART.search(figure.text):
                continue  # "nine of them children": a part of the figure before it
            by_subject.setdefault(subject(figure, item), []).append((item, figure))
    for key, entries in sorted(by_subject.items()):
        for (a, fa), (b, fb) in near_pairs(entries, where, SLACK_DAYS):
            if a.claim_id == b.claim_id or (a.article_id == b.article_id and a.speaker == b.speaker):
                continue
            if not _overlap(a, b, SLACK_DAYS):
                continue
            if a.speaker == b.speaker and (fa.value, fa.qualifier) == (fb.value, fb.qualifier):
                corroborating.join(a, b, fa, fb)
            else:
                compared.setdefault(key, Groups()).join(a, b, fa, fb, _disjoint(fa, fb))
    _join_same_text(corroborating, spoken)
    found: list[Comparison] = []
    for ids in corroborating.members():
        reports = len({by_id[i].article_id for i in ids})
        figures = corroborating.figures
        why = "same figures" if any(figures.get(i) for i in ids) else "near-identical text"
        found.append(_comparison("corroboration", f"{by_id[ids[0]].speaker}: {why} in {reports} reports",
                                 False, subject_label_of(ids, by_id, figures), ids, by_id, figures))
    for key, groups in sorted(compared.items()):
        for ids in groups.members():
            speakers = sorted({by_id[i].speaker for i in ids})
            disputed = bool(groups.disputed & set(ids))
            kind = "same-speaker" if len(speakers) == 1 else "different-speakers"
            reports = len({by_id[i].article_id for i in ids})
            reason = (f"{speakers[0]}'s figures across {reports} reports" if kind == "same-speaker"
                      else "figures of " + " and ".join(speakers))
            found.append(_comparison(kind, reason, disputed, subject_label(key), ids, by_id,
                                     groups.figures))
    denials = Groups()
    _join_denials(denials, spoken, where)
    for ids in denials.members():
        deniers = sorted({by_id[i].speaker for i in ids if _DENIAL.search(by_id[i].text)})
        found.append(_comparison("denial", f"denied by {' and '.join(deniers)}", True,
                                 "denial", ids, by_id, {}))
    return tuple(sorted(found, key=lambda c: (c.start, c.id)))


def subject_label_of(ids: list[str], items: dict[str, Item], figures: dict[str, set[Figure]]) -> str:
    """A corroboration's subject: the subjects of the figures it shares, or "same text"."""
    keys = sorted({subject(f, items[i]) for i in ids for f in figures.get(i, ())})
    return "; ".join(subject_label(k) for k in keys) or "same text"
