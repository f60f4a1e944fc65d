"""geo.files: the one atomic-write helper the layer, the gazetteer index and the geocoding
cache write through (the layer's crash test is tests/test_atomic.py)."""

from __future__ import annotations

import os
import sqlite3
import stat

import pytest

from geo.files import atomic_path, write_atomic


def test_a_failing_writer_leaves_the_old_file_and_no_temp_file(tmp_path):
    target = tmp_path / "index.sqlite"
    target.write_bytes(b"old")
    with pytest.raises(sqlite3.OperationalError):
        with atomic_path(target) as tmp:
            conn = sqlite3.connect(tmp)
            conn.execute("CREATE TABLE t (x)")
            conn.execute("INSERT INTO nowhere VALUES (1)")
    assert target.read_bytes() == b"old"
    assert sorted(os.listdir(tmp_path)) == ["index.sqlite"]


def test_the_new_file_replaces_the_old_one_with_ordinary_permissions(tmp_path):
    target = tmp_path / "deep" / "cache.json"
    write_atomic(target, b"{}")
    assert target.read_bytes() == b"{}"
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
    assert os.listdir(target.parent) == ["cache.json"]


def test_only_the_temp_files_of_dead_writers_of_the_same_target_are_removed(tmp_path):
    import subprocess
    import sys

    dead_pid = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                              capture_output=True, text=True, check=True).stdout.strip()
    dead = tmp_path / f".gazetteer-abc.sqlite.{dead_pid}.x1.tmp"
    running = tmp_path / f".gazetteer-abc.sqlite.{os.getpid()}.x2.tmp"
    other = tmp_path / f".geocode-nominatim.json.{dead_pid}.x3.tmp"
    for path in (dead, running, other):
        path.write_text("half written")
    write_atomic(tmp_path / "gazetteer-abc.sqlite", b"new")
    assert sorted(os.listdir(tmp_path)) == sorted([running.name, other.name, "gazetteer-abc.sqlite"])
