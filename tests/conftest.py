"""Suite-wide setup: tests never write to the user's cache or reach the network."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
FIXTURES = ROOT / "tests" / "fixtures"


@pytest.fixture(autouse=True, scope="session")
def _isolated_cache(tmp_path_factory):
    """Point the gazetteer index and geocoding caches at a throwaway folder."""
    previous = os.environ.get("CLAIMMAP_CACHE")
    os.environ["CLAIMMAP_CACHE"] = str(tmp_path_factory.mktemp("claimmap-cache"))
    yield
    if previous is None:
        os.environ.pop("CLAIMMAP_CACHE", None)
    else:
        os.environ["CLAIMMAP_CACHE"] = previous


@pytest.fixture(scope="session")
def gazetteer(_isolated_cache):
    """The bundled gazetteer, loaded once for the whole session."""
    from geo.gazetteer import Gazetteer

    return Gazetteer.load()


@pytest.fixture(scope="session")
def seed_layer(gazetteer):
    """The layer built from seeds/ in-process (what data/claims.geojson must equal)."""
    from geo.pipeline import build

    return build([str(SEEDS)], gazetteer).layer


def run_cli(*args: str, cwd: Path = ROOT, timeout: int = 120, env: dict | None = None):
    """Run ``python -m geo`` as a user would (``env`` adds variables); the CompletedProcess."""
    import subprocess

    return subprocess.run([sys.executable, "-m", "geo", *args], cwd=cwd, capture_output=True,
                          text=True, timeout=timeout, env={**os.environ, **(env or {})})


@pytest.fixture(scope="session")
def browser():
    """One headless Debian chromium for every browser test (tests/browser_support.py)."""
    from playwright.sync_api import sync_playwright

    from dashboard.server import CHROMIUM, CHROMIUM_ARGS

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
