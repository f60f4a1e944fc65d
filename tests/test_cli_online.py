"""``--online`` end to end: a failing geocoder loses nothing and is asked again next build.

The build runs as a subprocess against the local Nominatim look-alike (tests/fake_nominatim.py)
through geopy's real adapter; nothing leaves 127.0.0.1.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from conftest import run_cli
from fake_nominatim import Nominatim, running

ARTICLE = "date 2025-03-14\nGladkov said drones hit the village of Zorinka near Sudzha overnight.\n"


@pytest.fixture()
def online_args(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "zorinka.txt").write_text(ARTICLE, encoding="utf-8")
    with running() as address:
        yield [str(tmp_path / "in"), "--online", "--user-agent", "claimmap-tests",
               "--geocoder-option", f"domain={address}", "--geocoder-option", "scheme=http",
               "--geocoder-option", "timeout=2", "--geocoder-option", "min_delay_seconds=0",
               "--geocoder-option", "error_wait_seconds=0"]


def _layer(path):
    return json.loads(path.read_text("utf-8"))


def test_failed_online_query_is_kept_unresolved_warned_and_retried_next_build(online_args, tmp_path):
    out = tmp_path / "layer.geojson"
    (Path(os.environ["CLAIMMAP_CACHE"]) / "geocode-nominatim.json").unlink(missing_ok=True)
    Nominatim.failing = {"Zorinka"}
    Nominatim.hits.clear()
    first = run_cli("build", *online_args, "--out", str(out))
    assert first.returncode == 0, first.stderr
    assert "claimmap: warning: nominatim failed for 'Zorinka'" in first.stderr
    assert "Traceback" not in first.stderr
    unresolved = _layer(out)["unresolved"]
    assert [u["mention"] for u in unresolved] == ["Zorinka"]
    assert "online:" in unresolved[0]["reason"]
    assert "Sudzha" in {f["properties"]["name"] for f in _layer(out)["features"]}

    Nominatim.failing = set()
    second = run_cli("build", *online_args, "--out", str(out))
    assert second.returncode == 0, second.stderr
    assert _layer(out)["unresolved"] == []
    assert any(f["properties"]["gazetteer"] == "online:nominatim" for f in _layer(out)["features"])
    asked = Nominatim.hits["Zorinka"]

    third = run_cli("build", *online_args, "--out", str(out))
    assert third.returncode == 0 and Nominatim.hits["Zorinka"] == asked, "answer must come from the cache"


def test_bad_geocoder_option_is_a_usage_error(online_args, tmp_path):
    proc = run_cli("build", *online_args, "--geocoder-option", "nonsense", "--out",
                   str(tmp_path / "x.geojson"))
    assert proc.returncode == 2 and "KEY=VALUE" in proc.stderr


UNKNOWN = ["Glibnovka", "Mervashka", "Pleksivka", "Qarvoshka", "Trundilovo", "Yoxino", "Zorinka"]
"""Seven villages the bundled gazetteer does not know (invented names)."""


def test_hanging_geocoder_stops_at_the_builds_online_budget(online_args, tmp_path):
    """Issue 20: a geocoder that hangs until each timeout cost 85 s for 7 articles. With a
    budget of 3 s and 2-s timeouts no more than three requests can start (2 s, then the 1 s
    left, then none); the count of requests the server saw holds it, not a stopwatch."""
    folder = Path(online_args[0])
    for name in UNKNOWN:
        (folder / f"{name}.txt").write_text(ARTICLE.replace("Zorinka", name), encoding="utf-8")
    (folder / "zorinka.txt").unlink()
    (Path(os.environ["CLAIMMAP_CACHE"]) / "geocode-nominatim.json").unlink(missing_ok=True)
    Nominatim.hits.clear()
    Nominatim.hanging = 10.0
    try:
        proc = run_cli("build", *online_args, "--online-budget", "3", "--out",
                       str(tmp_path / "layer.geojson"))
    finally:
        Nominatim.hanging = 0.0
    assert proc.returncode == 0, proc.stderr
    assert sum(Nominatim.hits.values()) <= 3, Nominatim.hits
    assert proc.stderr.count("online geocoding stopped: its budget of 3 s") == 1, proc.stderr
    layer = _layer(tmp_path / "layer.geojson")
    assert sorted(u["mention"] for u in layer["unresolved"]) == UNKNOWN
    assert sum("online budget of 3 s is spent" in u["reason"] for u in layer["unresolved"]) >= 6
    assert "Sudzha" in {f["properties"]["name"] for f in layer["features"]}


@pytest.mark.parametrize("budget", ["0", "-5", "soon"])
def test_online_budget_must_be_a_positive_number(online_args, tmp_path, budget):
    proc = run_cli("build", *online_args, "--online-budget", budget, "--out",
                   str(tmp_path / "x.geojson"))
    assert proc.returncode == 2 and "online-budget" in proc.stderr
    assert "Traceback" not in proc.stderr
