"""``make eval``: claim and toponym scores against the hand-written gold files.

Prints four sections:

1. claim precision/recall (tests/eval_claims.py) on the tuning set (seeds + fixture articles);
2. toponym precision, recall and resolution accuracy for claimmap and the ``geotext`` peer
   (tests/eval_places.py) on the same set;
3. the same figures on the **held-out** set (tests/fixtures/heldout/, gold in
   tests/fixtures/gold/heldout/), written after the rules were tuned and never used to
   tune them, with the claims and toponyms claimmap gets wrong there;
4. the real-reporting corpus (tests/eval_real.py): claims and places of its war and world
   parts, tuning and held-out, beside the geotext peer, with the error classes of each part;
   the held-out parts as figures and class counts only (``python tests/eval_real.py
   --details`` lists the tuning part's errors);
5. figures (numbers with unit, counted thing, qualifier) on the same corpus
   (tests/eval_figures.py; ``--details`` lists the tuning part's misses and spurious ones).

The tuning set scores 1.000 by construction; only sections 3 and 4 say anything about
unseen text. No test asserts a threshold on it, on purpose: a threshold would invite tuning the
rules to these four articles and the set would stop being held out (docs/evaluation.md).
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import eval_claims  # noqa: E402
import eval_figures  # noqa: E402
import eval_places  # noqa: E402
import eval_real  # noqa: E402
from geo.text import read_article  # noqa: E402
from geo.gazetteer import Gazetteer  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
HELDOUT_ARTICLES = ROOT / "tests" / "fixtures" / "heldout"
HELDOUT_CLAIMS = ROOT / "tests" / "fixtures" / "gold" / "heldout" / "claims.json"
HELDOUT_PLACES = ROOT / "tests" / "fixtures" / "gold" / "heldout" / "places.json"
SYSTEMS = (("claimmap", "ours"), ("geotext", "geotext"))


def heldout_articles() -> list[Path]:
    """The held-out article files, sorted so the report is the same on every run."""
    return sorted(HELDOUT_ARTICLES.glob("*.txt"))


def check_claim_gold(gold_path: Path) -> None:
    """Refuse a claims gold whose ``text`` is not ``Document.text[span]`` (a stale span
    would silently turn hits into misses); raises ``ValueError`` naming the claim."""
    data = json.loads(gold_path.read_text(encoding="utf-8"))
    for article in data["articles"]:
        text = read_article(ROOT / article["path"]).text
        for claim in article["claims"]:
            start, end = claim["span"]
            if text[start:end] != claim["text"]:
                raise ValueError(f"{article['path']}: gold claim span {start}-{end} is "
                                 f"{text[start:end][:40]!r}, not {claim['text'][:40]!r}")


def places_table(results: dict) -> str:
    """One row per system: P, R, resolution accuracy and the counts behind them."""
    lines = [f"{'toponyms':<10}{'P':>7}{'R':>7}{'acc':>7}{'gold':>6}{'pred':>6}"
             f"{'match':>6}{'right':>6}"]
    for label, key in SYSTEMS:
        row = results[key]
        lines.append(f"{label:<10}{row['precision']:>7.3f}{row['recall']:>7.3f}"
                     f"{row['resolution_accuracy']:>7.3f}{row['gold']:>6}{row['predicted']:>6}"
                     f"{row['matched']:>6}{row['correct']:>6}")
    return "\n".join(lines)


def place_errors(paths: list[Path], gold_path: Path, gazetteer: Gazetteer) -> Counter:
    """claimmap's toponym errors counted by kind (the scores come from eval_places): a gold
    mention no prediction overlaps ("missed"), one whose overlapping prediction has another
    id ("wrong"), and a prediction that overlaps no gold mention ("spurious")."""
    gold = eval_places.load_gold(gold_path)
    kinds: Counter = Counter()
    for path in paths:
        doc = read_article(path)
        expected = gold.get(str(path.resolve().relative_to(ROOT)), [])
        predicted = eval_places.ours(doc, gazetteer)
        for start, end, place_id in expected:
            ids = [p_id for p_start, p_end, p_id in predicted if p_start < end and start < p_end]
            if not ids:
                kinds["missed"] += 1
            elif place_id not in ids:
                kinds["wrong"] += 1
        kinds["spurious"] += sum(
            not any(start < p_end and p_start < end for start, end, _ in expected)
            for p_start, p_end, _ in predicted)
    return kinds


def heldout_report(gazetteer: Gazetteer) -> str:
    """Section 3 of ``make eval``: claims and toponyms on the held-out articles."""
    paths = heldout_articles()
    check_claim_gold(HELDOUT_CLAIMS)
    claims = eval_claims.evaluate_claims(paths, HELDOUT_CLAIMS)
    places = eval_places.evaluate_places(paths, HELDOUT_PLACES, gazetteer)
    errors = place_errors(paths, HELDOUT_PLACES, gazetteer)
    counts = ", ".join(f"{kind} {n}" for kind, n in sorted(errors.items()))
    return "\n".join([eval_claims.format_report(claims, details=False), "", places_table(places),
                      f"    toponym errors: {counts}"])


def main() -> int:
    print("== claims (speaker-attributed) ==")
    eval_claims.main([])
    print()
    print("== places ==")
    status = eval_places.main()
    print()
    print("== held-out (not used for tuning) ==")
    gazetteer = Gazetteer.load()
    print(heldout_report(gazetteer))
    print()
    print("== real-reporting corpus: tuning and held-out parts (held-out as figures only) ==")
    print(eval_real.report(eval_real.evaluate(gazetteer)))
    print()
    print("== figures on the real-reporting corpus (held-out as figures only) ==")
    print(eval_figures.report(eval_figures.evaluate()))
    return status


if __name__ == "__main__":
    raise SystemExit(main())
