"""Claim precision and recall against the hand-written gold (tests/fixtures/gold/claims.json).

Only speaker-attributed claims are scored; reporter-voice claims are the rest of the
text by construction. A predicted claim matches a gold claim when they are in the same
article, name the same canonical speaker, and their spans overlap by at least half of
the shorter span. Matching is one-to-one (each gold claim is used once), greedy in text
order, so the figures are deterministic.

Usage: ``python tests/eval_claims.py [ARTICLE ...]`` (default: seeds/ and
tests/fixtures/articles/); ``tests/evaluate.py`` imports :func:`evaluate_claims`.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Iterable

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from geo.claims import extract_claims  # noqa: E402
from geo.text import read_article  # noqa: E402

GOLD_PATH = ROOT / "tests" / "fixtures" / "gold" / "claims.json"
DEFAULT_ARTICLES = (ROOT / "seeds", ROOT / "tests" / "fixtures" / "articles")
MIN_OVERLAP = 0.5


def load_gold(gold_path: str | Path = GOLD_PATH) -> dict[str, list[dict]]:
    """Gold claims by article id: dicts with speaker, verb, quote, span (a tuple), text."""
    data = json.loads(Path(gold_path).read_text(encoding="utf-8"))
    return {
        article["id"]: [dict(claim, span=tuple(claim["span"])) for claim in article["claims"]]
        for article in data["articles"]
    }


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Spans share at least :data:`MIN_OVERLAP` of the shorter one."""
    shared = min(a[1], b[1]) - max(a[0], b[0])
    shorter = min(a[1] - a[0], b[1] - b[0])
    return shorter > 0 and shared >= MIN_OVERLAP * shorter


def _article_paths(inputs: Iterable[str | Path]) -> list[Path]:
    paths: list[Path] = []
    for item in inputs:
        item = Path(item)
        paths.extend(sorted(item.glob("*.txt")) if item.is_dir() else [item])
    return paths


def _match(gold: list[dict], predicted: list[tuple[str, tuple[int, int]]]) -> tuple[int, list, list]:
    used: set[int] = set()
    missing: list[dict] = []
    for claim in gold:
        hit = next((i for i, (speaker, span) in enumerate(predicted)
                    if i not in used and speaker == claim["speaker"]
                    and overlaps(span, claim["span"])), None)
        if hit is None:
            missing.append({"speaker": claim["speaker"], "span": list(claim["span"]),
                            "text": claim["text"]})
        else:
            used.add(hit)
    spurious = [{"speaker": speaker, "span": list(span)}
                for i, (speaker, span) in enumerate(predicted) if i not in used]
    return len(used), missing, spurious


def evaluate_claims(article_paths: Iterable[str | Path], gold_path: str | Path = GOLD_PATH) -> dict:
    """Precision/recall of speaker-attributed claims for the articles that have gold.

    Returns ``{"precision", "recall", "true_positives", "predicted", "gold",
    "articles": {id: {"true_positives", "predicted", "gold", "missing", "spurious"}}}``;
    articles without gold are listed under ``"no_gold"`` and not scored.
    """
    gold = load_gold(gold_path)
    per_article: dict[str, dict] = {}
    no_gold: list[str] = []
    for path in _article_paths(article_paths):
        doc = read_article(path)
        if doc.id not in gold:
            no_gold.append(doc.id)
            continue
        predicted = [(c.speaker, c.span) for c in extract_claims(doc) if c.attribution == "speaker"]
        hits, missing, spurious = _match(gold[doc.id], predicted)
        per_article[doc.id] = {"true_positives": hits, "predicted": len(predicted),
                               "gold": len(gold[doc.id]), "missing": missing,
                               "spurious": spurious}
    tp = sum(a["true_positives"] for a in per_article.values())
    n_pred = sum(a["predicted"] for a in per_article.values())
    n_gold = sum(a["gold"] for a in per_article.values())
    return {
        "precision": tp / n_pred if n_pred else float(n_gold == 0),
        "recall": tp / n_gold if n_gold else 1.0,
        "true_positives": tp, "predicted": n_pred, "gold": n_gold,
        "articles": dict(sorted(per_article.items())), "no_gold": sorted(no_gold),
    }


def format_report(result: dict, details: bool = True) -> str:
    """A small fixed-width table: one row per article (with its missing and spurious claims
    when ``details``), then the total."""
    lines = [f"{'article':<24} {'gold':>5} {'pred':>5} {'tp':>4} {'P':>6} {'R':>6}"]
    for article_id, row in result["articles"].items():
        p = row["true_positives"] / row["predicted"] if row["predicted"] else 1.0
        r = row["true_positives"] / row["gold"] if row["gold"] else 1.0
        lines.append(f"{article_id:<24} {row['gold']:>5} {row['predicted']:>5} "
                     f"{row['true_positives']:>4} {p:>6.3f} {r:>6.3f}")
        if details:
            lines += [f"    missing  {m['speaker']}: {m['text'][:60]}" for m in row["missing"]]
            lines += [f"    spurious {s['speaker']} at {s['span']}" for s in row["spurious"]]
    lines.append(f"{'claims (all)':<24} {result['gold']:>5} {result['predicted']:>5} "
                 f"{result['true_positives']:>4} {result['precision']:>6.3f} "
                 f"{result['recall']:>6.3f}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    print(format_report(evaluate_claims(args or DEFAULT_ARTICLES)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
