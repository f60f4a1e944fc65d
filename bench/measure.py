"""Measuring helpers for the benchmark: wall time and peak memory of a child process.

Every figure comes from a real run on this machine; nothing is estimated. Peak memory is
the largest resident set of the child or any process it waited for (``ru_maxrss``), read
in a fresh wrapper process so earlier runs do not leak into the figure.
"""

from __future__ import annotations

import json
import math
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"

_WRAPPER = """
import json, resource, subprocess, sys, time
start = time.perf_counter()
code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
seconds = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"code": code, "seconds": seconds, "peak_mb": usage.ru_maxrss / 1024,
                  "cpu_seconds": usage.ru_utime + usage.ru_stime}))
"""


def run_measured(argv: list[str], env: dict[str, str] | None = None) -> dict:
    """Run ``argv`` to completion; return its exit code, wall seconds, CPU seconds (user +
    system: the figure other work on a shared machine disturbs least) and peak MB."""
    out = subprocess.run([sys.executable, "-c", _WRAPPER, *argv], capture_output=True, text=True,
                         cwd=ROOT, env={**os.environ, **(env or {})}, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def percentile(values: list[float], pct: float) -> float:
    """Nearest-rank percentile (p50, p95) of a small sample."""
    ordered = sorted(values)
    rank = max(1, min(len(ordered), math.ceil(pct / 100 * len(ordered))))
    return ordered[rank - 1]


def timed(func, *args, **kwargs) -> tuple[float, object]:
    start = time.perf_counter()
    value = func(*args, **kwargs)
    return time.perf_counter() - start, value


def median(values: list[float]) -> float:
    return statistics.median(values)
