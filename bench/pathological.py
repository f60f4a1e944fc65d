"""Pathological text through the reader and the whole per-article pipeline, per kilobyte.

Issue 20: one hostile or broken article (100,000 quotation marks, brackets or dashes on one
line, a run of capitalised words, a 10 MB line) must not stall a build. The figures are
milliseconds per kilobyte of article for each shape at its issue size; the worst is the one
to watch (a quadratic step shows as a figure that grows with the size). Run alone with
``python -m bench.pathological``; ``make bench`` prints it among the others.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from geo.errors import ArticleError
from geo.gazetteer import Gazetteer
from geo.pipeline import process_document
from geo.text import parse_article, read_article

LEAD = "date 2025-03-14\nGladkov said drones hit Sudzha. "
SHAPES = {
    "straight quotes": '"', "curly quotes": "“", "brackets": "(", "bracket pairs": "()",
    "em dashes": "—", "hyphens": "-", "capitalised words": "Sudzha ",
    "region names": "Kursk Oblast ", "transcript labels": "Q: ", "reporting verbs": "he said ",
    "full stops": ". ",
}
"""Each repeated 100,000 times on one line after a real sentence."""
REPEATS = 100_000
LONG_LINE_BYTES = 10 * 1024 * 1024


def _per_kb(text: str, gazetteer: Gazetteer) -> float:
    doc = parse_article(text, Path("pathological.txt"))
    started = time.perf_counter()
    process_document(doc, gazetteer)
    return (time.perf_counter() - started) * 1000 / (len(text.encode("utf-8")) / 1024)


def _long_line_read_ms() -> float:
    """Reading (and refusing: over the 2 MiB article limit) a 10 MB one-line file."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "long.txt"
        path.write_bytes(LEAD.encode() + b"x" * LONG_LINE_BYTES)
        started = time.perf_counter()
        try:
            read_article(path)
        except ArticleError:
            pass
        return (time.perf_counter() - started) * 1000


def pathological_figures(gazetteer: Gazetteer | None = None) -> dict[str, str]:
    """Print ms/KB for each shape and the largest accepted article's line; return the worst."""
    gazetteer = gazetteer or Gazetteer.load()
    prose = "Gladkov said drones hit the village of Zorinka near Sudzha overnight. "
    texts = {name: LEAD + unit * REPEATS + "\n" for name, unit in SHAPES.items()}
    texts["2 MiB line of prose"] = LEAD + prose * (2 * 1024 * 1024 // len(prose) - 1)
    figures = {}
    for name, text in texts.items():
        figures[name] = _per_kb(text, gazetteer)
        print(f"pathological {name}: {figures[name]:.2f} ms/KB", flush=True)
    read_ms = _long_line_read_ms()
    print(f"pathological 10 MB line: refused by the reader in {read_ms:.1f} ms")
    worst = max(figures, key=figures.get)
    print(f"pathological worst: {worst}, {figures[worst]:.2f} ms/KB")
    return {"pathological_worst_ms_per_kb": f"{figures[worst]:.2f}",
            "long_line_read_ms": f"{read_ms:.1f}"}


if __name__ == "__main__":
    pathological_figures()
