"""Toponym evaluation against the hand-read gold (tests/fixtures/gold/places.json).

Metrics, for claimmap and for the peer ``geotext`` on the same article bodies:
- precision / recall of recognition: a predicted mention matches a gold one when their
  spans overlap (one-to-one, in text order); unresolved predictions count as predictions;
- resolution accuracy: among matched gold mentions, the share whose predicted place id is
  the gold id (an unresolved prediction is wrong).
geotext only recognises names (cities and countries, with the country of each city); its
resolution is scored by giving each name the best candidate of the same bundled gazetteer
(restricted to the country geotext reports), i.e. prominence without context.

Run: ``python -m tests.eval_places`` (prints both side by side).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Sequence

from geo.gazetteer import Gazetteer
from geo.model import Document
from geo.places import find_mentions
from geo.text import read_article

REPO = Path(__file__).resolve().parent.parent
GOLD = REPO / "tests" / "fixtures" / "gold" / "places.json"

Prediction = tuple[int, int, str | None]
"""(start, end, place id or None)."""


def load_gold(gold_path: Path) -> dict[str, list[Prediction]]:
    """Gold mentions by article path (relative to the repo), checked against the text."""
    data = json.loads(Path(gold_path).read_text(encoding="utf-8"))
    gold: dict[str, list[Prediction]] = {}
    for article in data["articles"]:
        doc = read_article(REPO / article["path"])
        items = []
        for mention in article["mentions"]:
            start, end = mention["span"]
            if doc.text[start:end] != mention["surface"]:
                raise ValueError(f"{article['path']}: gold span {start}-{end} is "
                                 f"{doc.text[start:end]!r}, not {mention['surface']!r}")
            items.append((start, end, mention["place_id"]))
        gold[article["path"]] = items
    return gold


def ours(doc: Document, gazetteer: Gazetteer) -> list[Prediction]:
    """claimmap's mentions."""
    return [(m.start, m.end, m.place.id if m.place else None) for m in find_mentions(doc, gazetteer)]


def geotext_mentions(doc: Document, gazetteer: Gazetteer) -> list[Prediction]:
    """geotext's recognitions with their spans, reproduced with its own regex and index
    (geotext returns names without offsets), resolved by plain gazetteer lookup."""
    from geotext import GeoText

    index = GeoText.index
    city_regex = r"[A-ZÀ-Ú]+[a-zà-ú]+[ \-]?(?:d[a-u].)?(?:[A-ZÀ-Ú]+[a-zà-ú]+)*"
    found: list[Prediction] = []
    for hit in re.finditer(city_regex, doc.body):
        name = hit.group().strip()
        lower = name.lower()
        start = doc.body_start + hit.start()
        if lower in index.countries:
            places = gazetteer.lookup(name, kinds=("country",))
        elif lower in index.cities:
            places = [p for p in gazetteer.lookup(name) if p.country == index.cities[lower]]
        else:
            continue
        found.append((start, start + len(name), places[0].id if places else None))
    return found


def score(gold: list[Prediction], predicted: list[Prediction]) -> tuple[int, int, int, int]:
    """(true positives, predictions, gold mentions, correctly resolved among matches)."""
    used: set[int] = set()
    matched = correct = 0
    for g_start, g_end, g_id in gold:
        for k, (p_start, p_end, p_id) in enumerate(predicted):
            if k not in used and p_start < g_end and g_start < p_end:
                used.add(k)
                matched += 1
                correct += int(p_id == g_id)
                break
    return matched, len(predicted), len(gold), correct


def _ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def evaluate_places(article_paths: Sequence[Path], gold_path: Path, gazetteer: Gazetteer) -> dict:
    """Metrics for claimmap ("ours") and geotext ("geotext"), each a dict with precision,
    recall, resolution_accuracy and the raw counts; articles without gold are skipped."""
    gold = load_gold(gold_path)
    results = {}
    for system, predict in (("ours", ours), ("geotext", geotext_mentions)):
        totals = [0, 0, 0, 0]
        for path in article_paths:
            rel = str(Path(path).resolve().relative_to(REPO))
            if rel not in gold:
                continue
            counts = score(gold[rel], predict(read_article(path), gazetteer))
            totals = [t + c for t, c in zip(totals, counts)]
        matched, predicted, expected, correct = totals
        results[system] = {
            "precision": _ratio(matched, predicted), "recall": _ratio(matched, expected),
            "resolution_accuracy": _ratio(correct, matched), "matched": matched,
            "predicted": predicted, "gold": expected, "correct": correct,
        }
    return results


def default_articles() -> list[Path]:
    """Every article the gold file covers, in its order."""
    data = json.loads(GOLD.read_text(encoding="utf-8"))
    return [REPO / a["path"] for a in data["articles"]]


def main() -> int:
    """Print claimmap and geotext side by side."""
    results = evaluate_places(default_articles(), GOLD, Gazetteer.load())
    print(f"{'toponyms':<22}{'claimmap':>10}{'geotext':>10}")
    for metric in ("precision", "recall", "resolution_accuracy"):
        print(f"{metric:<22}{results['ours'][metric]:>10.3f}{results['geotext'][metric]:>10.3f}")
    for count in ("gold", "predicted", "matched", "correct"):
        print(f"{count:<22}{results['ours'][count]:>10d}{results['geotext'][count]:>10d}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
