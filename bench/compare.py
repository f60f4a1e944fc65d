"""First render of two or more checkouts, visits interleaved: ``python -m bench.compare``.

Why: on the 2-core machine the first-render median of one ``make bench`` run moved by up to
0.6 s from one half hour to the next with the same code (2.63-3.24 s, 2026-11-23), so
batches run one after the other cannot show a change of a few tenths. Here every checkout's
server runs at once, each has loaded the layer, and each round visits every one of them in a
new browser profile, in a shuffled (seeded) order, so they share the machine's slow and fast
moments. Prints the median, mean, standard deviation and range of the page-clock figure
(:mod:`bench.render`) per checkout; nothing is asserted.

A checkout to compare with is made with ``git worktree add /tmp/before <commit>``.
"""

from __future__ import annotations

import argparse
import random
import statistics
from contextlib import ExitStack
from pathlib import Path

from bench.render import new_profile, visit
from dashboard.server import CHROMIUM, CHROMIUM_ARGS, serve


def compare(layer: Path, roots: list[Path], rounds: int, seed: int = 7) -> dict[Path, list[float]]:
    """Page-clock first-render seconds of ``rounds`` visits to each checkout's app."""
    from playwright.sync_api import sync_playwright

    seconds: dict[Path, list[float]] = {root: [] for root in roots}
    with ExitStack() as stack, sync_playwright() as playwright:
        urls = {root: stack.enter_context(serve(layer, seconds=120, root=root)) for root in roots}
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        order = list(roots)
        for number in range(1 + rounds):  # round 0 is each server's cold visit, not counted
            random.Random(seed + number).shuffle(order)
            for root in order:
                context = new_profile(browser)
                painted = visit(context, urls[root])[0]
                context.close()
                if number:
                    seconds[root].append(painted)
        browser.close()
    return seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("layer", type=Path, help="the layer every checkout's app opens")
    parser.add_argument("roots", type=Path, nargs="+", help="checkouts to compare")
    parser.add_argument("--rounds", type=int, default=12, help="visits per checkout (%(default)s)")
    args = parser.parse_args(argv)
    results = compare(args.layer.resolve(), [r.resolve() for r in args.roots], args.rounds)
    for root, values in results.items():
        spread = statistics.stdev(values) if len(values) > 1 else 0.0
        print(f"{root}: median {statistics.median(values):.2f} s, mean "
              f"{statistics.mean(values):.2f} s, sd {spread:.2f} s, range "
              f"{min(values):.2f}-{max(values):.2f} s over {len(values)} visits")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
