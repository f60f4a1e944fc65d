"""Figures on the real-reporting corpus: precision and recall of :func:`geo.analysis.find_figures`
against the ``figures`` of tests/fixtures/gold/real/*.json (docs/annotation.md).

A predicted figure matches a gold one when their spans overlap and their values are equal
(within a thousandth, so "one-third" = 33.3; "3 miles (5 kilometers)" is 3 and 5); each gold
figure is matched once. Of the
matched ones the report also gives how often the unit agrees (``count`` and ``people`` are
one unit: the gold uses both for a number of persons) and the qualifier agrees.

The tuning part is reported in detail (``--details`` lists its misses and spurious figures);
the held-out part as figures only — its sentences are never printed (docs/evaluation.md).
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from geo.analysis import find_figures  # noqa: E402
from geo.text import read_article  # noqa: E402

GOLD = ROOT / "tests" / "fixtures" / "gold" / "real"
CORPUS = ROOT / "tests" / "fixtures" / "real"
PERSONS = frozenset({"count", "people"})


@dataclass
class FigureTally:
    gold: int = 0
    predicted: int = 0
    hit: int = 0
    unit_right: int = 0
    qualifier_right: int = 0
    details: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.hit / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.hit / self.gold if self.gold else 1.0


def _same_unit(gold: str, ours: str) -> bool:
    return gold == ours or {gold, ours} <= PERSONS


def _same_value(gold: float, figure) -> bool:
    """The gold value in the figure's unit or in one of its bracketed other units."""
    return any(abs(value - gold) <= 1e-3 * max(1.0, abs(value))
               for value in (figure.value, *(v for v, _ in figure.also)))


def score_article(gold: dict, tally: FigureTally, show: bool) -> None:
    """One article's figures into ``tally``."""
    doc = read_article(CORPUS / gold["split"] / f"{gold['id']}.txt")
    predicted = find_figures(doc.body, doc.body_start)
    used: set[int] = set()
    for figure in gold.get("figures", []):
        start, end = figure["span"]
        hit = next((i for i, p in enumerate(predicted) if i not in used and p.start < end
                    and start < p.end and _same_value(figure["value"], p)), None)
        if hit is None:
            if show:
                tally.details.append(f"{gold['id'][:4]} missed: {figure['text']!r}")
            continue
        used.add(hit)
        tally.unit_right += _same_unit(figure["unit"], predicted[hit].unit)
        tally.qualifier_right += figure["qualifier"] == predicted[hit].qualifier
    if show:
        tally.details.extend(f"{gold['id'][:4]} spurious: {p.text!r} ({p.value:g} {p.unit})"
                             for i, p in enumerate(predicted) if i not in used)
    tally.gold += len(gold.get("figures", []))
    tally.predicted += len(predicted)
    tally.hit += len(used)


def evaluate(details: bool = False) -> dict[str, FigureTally]:
    """Tallies of the ``tune`` and ``heldout`` parts; details only for the tuning part."""
    tallies = {"tune": FigureTally(), "heldout": FigureTally()}
    for path in sorted(GOLD.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        score_article(gold, tallies[gold["split"]], details and gold["split"] == "tune")
    return tallies


def report(tallies: dict[str, FigureTally]) -> str:
    lines = [f"{'figures':<10}{'P':>7}{'R':>7}{'unit':>7}{'qual':>7}{'gold':>6}{'pred':>6}{'hit':>6}"]
    for part, tally in tallies.items():
        hit = tally.hit or 1
        lines.append(f"{part:<10}{tally.precision:>7.3f}{tally.recall:>7.3f}"
                     f"{tally.unit_right / hit:>7.3f}{tally.qualifier_right / hit:>7.3f}"
                     f"{tally.gold:>6}{tally.predicted:>6}{tally.hit:>6}")
    return "\n".join(lines + [f"    {line}" for line in tallies["tune"].details])


if __name__ == "__main__":
    print(report(evaluate(details="--details" in sys.argv[1:])))
