"""Scores on the real-reporting corpus (tests/fixtures/real/, gold in tests/fixtures/gold/real/).

The corpus is paraphrases of real reports (tests/fixtures/real/README.md). Its gold does not
name gazetteer ids, so it measures any gazetteer: a resolved place is right when it is of the
kind the text means and where the text means it —

- country: same ISO 3166-1 code; first-level region: same ISO 3166-2 code;
- district (admin2): a district, in the right region, its point within 30 km of the gold;
- settlement: a settlement (or a district's own town) within 10 km of the gold point; a gold
  settlement without coordinates is right in its region;
- other (rivers, plants, bridges): within 25 km; continent and area: within 1,000 km.

Claims match as in eval_claims (same article, span overlap of half the shorter span), with
the speaker compared after normalisation (case, accents, "the", "Ukraine's" = "Ukrainian",
"Defense" = "Defence", dots) against the gold name and the full-name spellings in `alts`.

Errors are counted by class so that a rule fixes a class, not a case. The held-out part is
reported as figures and class counts only: its sentences are never printed, so nobody tunes
on them by reading the report (docs/evaluation.md).
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "fixtures" / "real"
GOLD = ROOT / "tests" / "fixtures" / "gold" / "real"
MIN_OVERLAP = 0.5
KM = {"settlement": 10.0, "admin2": 30.0, "other": 25.0, "continent": 1000.0, "area": 1000.0}

LABELS = frozenset("details source sources quote background update updated earlier also "
                   "however meanwhile reference note photo video read more".split())
DAYS = re.compile(r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|"
                  r"yesterday|tonight|morning|evening|overnight)\b")


def normal_speaker(name: str | None) -> str:
    """The comparable form of a speaker name (see the module docstring)."""
    text = unicodedata.normalize("NFKD", name or "")
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = text.replace("’", "'").replace(".", " ")
    text = re.sub(r"\bukraine's\b", "ukrainian", text)
    text = re.sub(r"\brussia's\b", "russian", text)
    text = re.sub(r"\bdefense\b", "defence", text)
    text = re.sub(r"^(?:the|a|an)\s+", "", " ".join(text.split()))
    return text


@dataclass
class Tally:
    """Counts for one part of the corpus (e.g. war/held-out)."""

    articles: int = 0
    claims_gold: int = 0
    claims_pred: int = 0
    claims_hit: int = 0
    places_gold: int = 0
    places_pred: int = 0
    places_hit: int = 0
    places_right: int = 0
    peer_pred: int = 0
    peer_hit: int = 0
    peer_right: int = 0
    errors: Counter = field(default_factory=Counter)
    details: list[str] = field(default_factory=list)
    unresolved_big: list[str] = field(default_factory=list)


def _overlaps(a, b) -> bool:
    shared = min(a[1], b[1]) - max(a[0], b[0])
    shorter = min(a[1] - a[0], b[1] - b[0])
    return shorter > 0 and shared >= MIN_OVERLAP * shorter


def _speaker_class(speaker: str, places) -> str:
    """Why a spurious speaker is wrong, as a class (label, day, adverb, place, other)."""
    key = normal_speaker(speaker)
    words = key.split()
    if words and words[0] in LABELS:
        return "label or opener as speaker"
    if DAYS.search(key):
        return "day or time as speaker"
    if words and words[-1].endswith("ly") and len(words) <= 2:
        return "adverb as speaker"
    if places(speaker):
        return "place as speaker"
    return "spurious claim"


def score_claims(gold: list[dict], predicted: list[tuple[str, tuple[int, int]]], tally: Tally,
                 places, show: bool) -> None:
    """One article's claims into ``tally``: hits, misses by class, spurious by class."""
    used: set[int] = set()
    for claim in gold:
        wanted = {normal_speaker(claim["speaker"])} | {normal_speaker(a) for a in claim["alts"]}
        hit = next((i for i, (speaker, span) in enumerate(predicted) if i not in used
                    and normal_speaker(speaker) in wanted and _overlaps(span, claim["span"])), None)
        if hit is not None:
            used.add(hit)
            continue
        other = [s for s, span in predicted if _overlaps(span, claim["span"])]
        kind = "wrong speaker" if other else "missed (left to the reporter)"
        tally.errors[kind] += 1
        if show:
            tally.details.append(f"{kind}: {claim['speaker']!r} got {other[:2]}: {claim['text'][:70]}")
    for i, (speaker, span) in enumerate(predicted):
        if i in used or any(_overlaps(span, c["span"]) for c in gold):
            continue  # a wrong speaker on a gold claim is counted once, above
        kind = _speaker_class(speaker, places)
        tally.errors[kind] += 1
        if show:
            tally.details.append(f"{kind}: {speaker!r} at {list(span)}")
    tally.claims_gold += len(gold)
    tally.claims_pred += len(predicted)
    tally.claims_hit += len(used)


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lon1, lat1, lon2, lat2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 12742.0 * math.asin(math.sqrt(min(1.0, h)))


def right_place(gold: dict, place: dict | None) -> tuple[bool, str]:
    """Whether a predicted place (``{"kind", "country", "admin1", "lonlat"}``) is the gold one,
    and the error class when it is not."""
    if place is None:
        return False, "recognised but unresolved"
    kind = gold["kind"]
    if kind == "country":
        ok = place["kind"] == "country" and place["country"] == gold["country"]
    elif kind == "admin1":
        ok = place["kind"] == "admin1" and place["admin1"] == gold["admin1"]
    elif gold.get("lat") is None:
        ok = place["kind"] == kind and place["admin1"] == gold["admin1"]
    else:
        near = _km(place["lonlat"], (gold["lon"], gold["lat"])) <= KM[kind]
        kinds = {"settlement": ("settlement",), "admin2": ("admin2",),
                 "other": ("other", "settlement", "admin2")}.get(kind, ("continent", "area", "other"))
        ok = near and place["kind"] in kinds and (kind != "admin2" or place["admin1"] == gold["admin1"])
    if ok:
        return True, ""
    same_level = place["kind"] == kind or (kind in ("continent", "area") and place["kind"] in ("continent", "area"))
    return False, "wrong namesake or position" if same_level else f"wrong level ({kind} read as {place['kind']})"


def score_places(gold: list[dict], predicted: list[tuple[int, int, dict | None]], text: str,
                 tally: Tally, peer: bool, show: bool) -> None:
    """One article's place mentions (ours, or the peer's when ``peer``) into ``tally``."""
    used: set[int] = set()
    hits = right = 0
    for g in gold:
        start, end = g["span"]
        k = next((k for k, (a, b, _) in enumerate(predicted) if k not in used and a < end and start < b), None)
        if k is None:
            if not peer:
                tally.errors["place missed"] += 1
                if g["kind"] in ("country", "admin1", "continent"):
                    tally.unresolved_big.append(g["surface"])
                if show:
                    tally.details.append(f"place missed: {g['surface']!r} ({g['kind']})")
            continue
        used.add(k)
        hits += 1
        ok, why = right_place(g, predicted[k][2])
        right += ok
        if not ok and not peer:
            tally.errors[why] += 1
            if show:
                tally.details.append(f"{why}: {g['surface']!r} -> {predicted[k][2] and predicted[k][2]['id']}")
            if g["kind"] in ("country", "admin1", "continent"):
                tally.unresolved_big.append(g["surface"])
    for k, (a, b, place) in enumerate(predicted):
        if k not in used and not peer:
            tally.errors["spurious place"] += 1
            if show:
                tally.details.append(f"spurious place: {text[a:b]!r} -> {place and place['id']}")
    if peer:
        tally.peer_pred += len(predicted)
        tally.peer_hit += hits
        tally.peer_right += right
    else:
        tally.places_gold += len(gold)
        tally.places_pred += len(predicted)
        tally.places_hit += hits
        tally.places_right += right


def gold_files() -> list[dict]:
    """Every gold file with the path of its article, sorted by id (deterministic)."""
    found = []
    for path in sorted(GOLD.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        gold["path"] = CORPUS / gold["split"] / gold["article"]
        found.append(gold)
    return found


def _ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def table(parts: dict[str, Tally]) -> list[str]:
    """The figures of each part side by side with the geotext peer."""
    lines = [f"{'part':<16}{'art':>4}  {'claims P':>8}{'R':>6}{'gold':>5}  "
             f"{'places P':>8}{'R':>6}{'acc':>6}{'F1':>6}{'gold':>5}  {'geotext P':>9}{'R':>6}{'acc':>6}"]
    for name, t in parts.items():
        p, r = _ratio(t.places_hit, t.places_pred), _ratio(t.places_hit, t.places_gold)
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        lines.append(
            f"{name:<16}{t.articles:>4}  {_ratio(t.claims_hit, t.claims_pred):>8.3f}"
            f"{_ratio(t.claims_hit, t.claims_gold):>6.3f}{t.claims_gold:>5}  {p:>8.3f}{r:>6.3f}"
            f"{_ratio(t.places_right, t.places_hit):>6.3f}{f1:>6.3f}{t.places_gold:>5}  "
            f"{_ratio(t.peer_hit, t.peer_pred):>9.3f}{_ratio(t.peer_hit, t.places_gold):>6.3f}"
            f"{_ratio(t.peer_right, t.peer_hit):>6.3f}")
    return lines


def place_view(place) -> dict | None:
    """What :func:`right_place` needs of a gazetteer place."""
    if place is None:
        return None
    from geo.geometry import representative_lonlat
    return {"id": place.id, "kind": place.kind, "country": place.country, "admin1": place.admin1,
            "lonlat": representative_lonlat(place.geometry)}


def evaluate(gazetteer, reveal_heldout: bool = False) -> dict[str, Tally]:
    """Every part of the corpus scored; details kept for the tuning part only (unless
    ``reveal_heldout``, for the closing figures)."""
    from eval_places import geotext_mentions
    from geo.claims import extract_claims
    from geo.text import read_article
    from geo.places import find_mentions

    def is_place(name: str) -> bool:
        return any(p.kind in ("country", "admin1", "settlement") for p in gazetteer.lookup(name, loose=False))

    parts: dict[str, Tally] = {}
    for gold in gold_files():
        tally = parts.setdefault(f"{gold['set']}/{gold['split']}", Tally())
        tally.articles += 1
        show = reveal_heldout or gold["split"] == "tune"
        doc = read_article(gold["path"])
        claims = [(c.speaker, c.span) for c in extract_claims(doc) if c.attribution == "speaker"]
        score_claims(gold["claims"], claims, tally, is_place, show)
        mentions = [(m.start, m.end, place_view(m.place)) for m in find_mentions(doc, gazetteer)]
        score_places(gold["places"], mentions, doc.text, tally, False, show)
        peer = [(a, b, place_view(gazetteer.get(pid)) if pid else None)
                for a, b, pid in geotext_mentions(doc, gazetteer)]
        score_places(gold["places"], peer, doc.text, tally, True, show)
    return parts


def report(parts: dict[str, Tally], details: bool = False) -> str:
    """The table, the error classes of each part and, with ``details``, the tuning errors."""
    lines = table(parts)
    for name, tally in parts.items():
        classes = ", ".join(f"{kind} {n}" for kind, n in sorted(tally.errors.items(), key=lambda e: (-e[1], e[0])))
        lines.append(f"  {name} errors: {classes or 'none'}")
        if tally.unresolved_big and name.startswith("world"):
            lines.append(f"  {name} countries/regions/continents not resolved right: {len(tally.unresolved_big)}")
    if details:
        for name, tally in parts.items():
            lines += [f"-- {name}"] + [f"    {line}" for line in tally.details]
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    """``python tests/eval_real.py [--details]``: the real-reporting corpus scores."""
    import sys

    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(ROOT / "tests"))
    from geo.gazetteer import Gazetteer

    print(report(evaluate(Gazetteer.load()), details="--details" in argv))
    return 0


if __name__ == "__main__":
    import sys

    raise SystemExit(main(sys.argv[1:]))
