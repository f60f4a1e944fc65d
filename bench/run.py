"""``make bench``: speed and memory figures for the pipeline and the dashboard.

Prints one line per measurement and, last, a ``bench:`` line of ``name=value`` pairs
(docs/benchmark.md explains each and records the figures measured on the CI-sized
machine). Nothing is asserted: targets are compared by reading, never by timed tests.

Sizes: corpora of 1k and 10k generated articles (bench/corpus.py, seeded); the 10k
corpus's layer (about 100k claims) is the dashboard's test load.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.corpus import generate
from bench.dashboard import dashboard_figures
from bench.measure import OUT, ROOT, run_measured
from bench.pathological import pathological_figures
from bench.sessions import session_figures
from bench.store import store_figures


_LOAD_SNIPPET = (
    "import time; from geo.gazetteer import Gazetteer; t = time.perf_counter(); "
    "Gazetteer.load(); print(time.perf_counter() - t)"
)


def gazetteer_load_seconds() -> tuple[float, float]:
    """(cold, warm): cold builds the on-disk index in an empty cache folder, warm reuses it."""
    with tempfile.TemporaryDirectory() as cache:
        env = {**os.environ, "CLAIMMAP_CACHE": cache}
        times = [
            float(subprocess.run([sys.executable, "-c", _LOAD_SNIPPET], env=env, cwd=ROOT,
                                 capture_output=True, text=True, check=True).stdout.strip())
            for _ in range(2)
        ]
    return times[0], times[1]


def build_figures(n: int, jobs: int) -> dict:
    corpus = OUT / f"corpus_{n}"
    if not corpus.exists() or len(list(corpus.glob("*.txt"))) != n:
        generate(n, corpus)
    out = OUT / f"layer_{n}_jobs{jobs}.geojson"
    figures = run_measured([sys.executable, "-m", "geo", "build", str(corpus), "--out", str(out),
                            "-q", "--no-progress", "--jobs", str(jobs)])
    if figures["code"] != 0:
        raise SystemExit(f"bench: build of {corpus} failed with exit status {figures['code']}")
    figures.update(aps=n / figures["seconds"], layer_mb=out.stat().st_size / 1e6, layer=out)
    print(f"build n={n} jobs={jobs}: {figures['seconds']:.1f} s, {figures['aps']:.0f} articles/s, "
          f"peak {figures['peak_mb']:.0f} MB, layer {figures['layer_mb']:.1f} MB")
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000", help="corpus sizes (default: %(default)s)")
    parser.add_argument("--no-browser", action="store_true", help="skip the chromium first-render figure")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    cores = os.cpu_count() or 1
    print(f"machine: {cores} cores, python {sys.version.split()[0]}")
    cold, warm = gazetteer_load_seconds()
    print(f"gazetteer load: cold {cold:.2f} s, warm {warm:.3f} s")
    single = {n: build_figures(n, 1) for n in sizes}
    parallel = {n: build_figures(n, cores) for n in sizes}
    largest = max(sizes)
    incremental = store_figures(largest)
    dash = dashboard_figures(single[largest]["layer"], browser=not args.no_browser)
    hostile = pathological_figures()
    sessions = session_figures() if not args.no_browser else {}
    pairs = {
        "build_aps": f"{single[largest]['aps']:.0f}",
        "build_aps_jobs": f"{parallel[largest]['aps']:.0f}",
        "gazetteer_cold_s": f"{cold:.2f}",
        "gazetteer_warm_s": f"{warm:.3f}",
        "peak_mb_10k": f"{single[largest]['peak_mb']:.0f}",
        "layer_mb_10k": f"{single[largest]['layer_mb']:.1f}",
        **incremental,
        **dash,
        **hostile,
        **sessions,
    }
    print("bench: " + " ".join(f"{k}={v}" for k, v in pairs.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
