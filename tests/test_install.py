"""The package as a user installs it: the wheel, in a fresh virtual environment, from a
folder outside the repository — nothing may be found through the checkout.

Builds the wheel from the files git tracks (as a clean clone has them), installs it with pip
into a new venv made without pip (``pip --python``), and makes the project's dependencies
visible to it through a ``.pth`` file pointing at this environment's site-packages, so no
registry is needed and it takes seconds, not minutes. Then runs the installed ``claimmap``:
``build`` on the seeds (the layer must be byte-identical to data/claims.geojson),
``geoparse --json`` (the documented shape), and ``dashboard``, whose health endpoint and
vendored Leaflet (static serving) must answer.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import ROOT, SEEDS
from dashboard.server import free_port

pytestmark = pytest.mark.install
PLACE_KEYS = ["id", "name", "kind", "country", "admin1", "precision", "geometry"]


def _run(*command, cwd: Path, timeout: int = 180) -> subprocess.CompletedProcess:
    return subprocess.run([str(c) for c in command], cwd=cwd, capture_output=True, text=True,
                          timeout=timeout, env={**os.environ})


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """The ``bin`` folder of a fresh venv with the wheel installed."""
    base = tmp_path_factory.mktemp("install")
    source = base / "source"
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT, capture_output=True, check=True).stdout.decode().split("\0")
    for name in filter(None, listed):
        if (ROOT / name).is_file():
            (source / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, source / name)
    wheels = base / "wheels"
    built = _run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                 "-q", "-w", wheels, source, cwd=base)
    assert built.returncode == 0, built.stderr
    venv = base / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", venv], check=True)
    python = venv / "bin" / "python"
    site = Path(subprocess.run(
        [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True, text=True, check=True).stdout.strip())
    (site / "project-dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    wheel = next(wheels.glob("claimmap-*.whl"))
    added = _run(sys.executable, "-m", "pip", "--python", python, "install", "-q", "--no-deps",
                 "--no-index", wheel, cwd=base)
    assert added.returncode == 0, added.stderr
    return venv / "bin"


@pytest.fixture
def elsewhere(tmp_path) -> Path:
    """A working folder outside the repository, with no data/ or seeds/ of its own."""
    folder = tmp_path / "work"
    folder.mkdir()
    return folder


def test_the_installed_package_is_the_wheel_not_the_checkout(installed, elsewhere):
    found = _run(installed / "python", "-c",
                 "import geo, dashboard, geo.config as c; print(geo.__file__); "
                 "print(dashboard.__file__); print(c.GAZETTEER_DIR); print(c.RULES_DIR)",
                 cwd=elsewhere)
    assert found.returncode == 0, found.stderr
    for line in found.stdout.splitlines():
        assert str(installed.parent) in line and str(ROOT) not in line, line


def test_build_from_another_folder_gives_the_committed_layer(installed, elsewhere):
    out = elsewhere / "layer.geojson"
    built = _run(installed / "claimmap", "build", SEEDS, "--out", out, cwd=elsewhere)
    assert built.returncode == 0, built.stderr
    assert out.read_bytes() == (ROOT / "data" / "claims.geojson").read_bytes()


def test_geoparse_prints_the_documented_shape(installed, elsewhere):
    seeds = sorted(SEEDS.glob("*.txt"))
    parsed = _run(installed / "claimmap", "geoparse", *seeds, "--json", cwd=elsewhere)
    assert parsed.returncode == 0, parsed.stderr
    lines = [json.loads(line) for line in parsed.stdout.splitlines()]
    assert [line["article"] for line in lines] == [str(path) for path in seeds]
    for line, path in zip(lines, seeds):
        text = path.read_text(encoding="utf-8-sig")
        assert list(line) == ["article", "mentions"] and line["mentions"]
        for mention in line["mentions"]:
            assert list(mention) == ["start", "end", "text", "place"]
            assert text[mention["start"]:mention["end"]] == mention["text"]
            place = mention["place"]
            assert place is None or (list(place) == PLACE_KEYS
                                     and place["geometry"]["type"] in ("Point", "Polygon",
                                                                       "MultiPolygon"))


def _get(url: str) -> int:
    with urllib.request.urlopen(url, timeout=5) as reply:
        return reply.status


def test_dashboard_serves_the_page_health_and_vendored_leaflet(installed, elsewhere):
    layer = elsewhere / "layer.geojson"
    shutil.copy(ROOT / "data" / "claims.geojson", layer)
    port = free_port()
    server = subprocess.Popen(
        [installed / "claimmap", "dashboard", "--layer", layer, "--port", str(port)],
        cwd=elsewhere, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            assert server.poll() is None, server.stderr.read().decode()[-2000:]
            try:
                if _get(f"{base}/_stcore/health") == 200:
                    break
            except OSError:
                assert time.monotonic() < deadline, "the dashboard did not become healthy"
                time.sleep(0.5)
        assert _get(f"{base}/app/static/vendor/leaflet-1.9.3/leaflet.js") == 200
        assert _get(f"{base}/app/static/basemap/admin1.geojson") == 200
    finally:
        server.terminate()
        server.wait(timeout=20)
