"""Incremental builds: adding 10 articles to a 10,000-article store vs a full build
(``python -m bench.store``; ``make bench`` runs it too). Nothing is asserted.

Three child processes, each ``python -m geo build … -q --no-progress`` timed end to end
(:func:`bench.measure.run_measured`): the store is filled from the n-article corpus; then the
corpus with 10 more articles (the same generator, so its first n articles are the same
files' text) is built once with the store — only the 10 are processed — and once without
it. The two layers are compared byte for byte.
"""

from __future__ import annotations

import argparse
import sys

from bench.corpus import generate
from bench.measure import OUT, run_measured

ADDED = 10


def _build(corpus, out, *extra) -> dict:
    figures = run_measured([sys.executable, "-m", "geo", "build", str(corpus), "--out", str(out),
                            "-q", "--no-progress", *map(str, extra)])
    if figures["code"] != 0:
        raise SystemExit(f"bench: build of {corpus} failed with exit status {figures['code']}")
    return figures


def store_figures(n: int = 10_000) -> dict[str, str]:
    base, grown = OUT / f"corpus_{n}", OUT / f"corpus_{n + ADDED}"
    for folder, size in ((base, n), (grown, n + ADDED)):
        if not folder.exists() or len(list(folder.glob("*.txt"))) != size:
            generate(size, folder)
    store = OUT / f"store_{n}.sqlite"
    store.unlink(missing_ok=True)
    filled = _build(base, OUT / "store_base.geojson", "--store", store)
    added = _build(grown, OUT / "store_added.geojson", "--store", store)
    full = _build(grown, OUT / "store_full.geojson")
    same = (OUT / "store_added.geojson").read_bytes() == (OUT / "store_full.geojson").read_bytes()
    share = 100 * added["seconds"] / full["seconds"]
    cpu_share = 100 * added["cpu_seconds"] / full["cpu_seconds"]
    print(f"store: filling from {n} articles {filled['seconds']:.1f} s; adding {ADDED} to the "
          f"{n}-article store {added['seconds']:.2f} s wall ({added['cpu_seconds']:.2f} s CPU) "
          f"vs a full build of {n + ADDED} {full['seconds']:.1f} s wall "
          f"({full['cpu_seconds']:.1f} s CPU) = {share:.1f} % wall, {cpu_share:.1f} % CPU; "
          f"layers byte-identical: {same}")
    return {"store_add10_s": f"{added['seconds']:.2f}", "store_full_s": f"{full['seconds']:.1f}",
            "store_add10_pct": f"{share:.1f}", "store_add10_cpu_pct": f"{cpu_share:.1f}",
            "store_identical": str(same).lower()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=10_000, help="articles in the store")
    store_figures(parser.parse_args(argv).size)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
