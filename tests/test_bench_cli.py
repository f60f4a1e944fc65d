"""The benchmark's helper commands answer ``--help`` like any other command."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT


def test_bench_corpus_help_prints_its_usage():
    done = subprocess.run([sys.executable, "-m", "bench.corpus", "--help"], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0
    assert "usage:" in done.stdout and "--seed" in done.stdout
