"""Bad and hostile input, end to end through ``python -m geo build`` as a user runs it.

The promise under test (issue 6): whatever is wrong with one input file, the build names
that file in one line on stderr, never shows a traceback, exits with the documented
status (0 all processed, 1 some rejected, 2 usage error) and still writes every good
article to the layer — byte for byte what a build of the good articles alone writes.
Large inputs (20 MB, 5,000 files) are generated in ``tmp_path``, never committed.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pytest

from conftest import FIXTURES, SEEDS, run_cli
from geo.layer import dumps_layer, validate_layer

BAD = FIXTURES / "bad"
HOSTILE = FIXTURES / "hostile" / "hostile.txt"
HOSTILE_MARKS = FIXTURES / "robustness" / "hostile_marks.txt"
WINDOWS = FIXTURES / "robustness" / "windows_crlf.txt"
SUMMARY = re.compile(r"^\d+ articles, \d+ claims, \d+ places, \d+ unresolved mentions, "
                     r"\d+ unplaced claims, \d+ rejected -> .+$")
KAZACHYA_LOKNYA_SENTENCE = ("According to Sternenko, the war crime took place in the village of "
                            "Kazachya Loknya, Kursk Oblast.")
"""A real sentence of seed 000, reused for the tiny articles."""


@pytest.fixture(scope="module")
def reference(seed_layer) -> bytes:
    """What a build of the seeds alone writes; bad company must not change one byte of it.

    Depending on ``seed_layer`` also builds the gazetteer index in the session cache,
    which the CLI subprocesses inherit through ``CLAIMMAP_CACHE``.
    """
    return dumps_layer(seed_layer).encode("utf-8")


def _seeds_plus(folder: Path) -> Path:
    folder.mkdir()
    for path in sorted(SEEDS.glob("*.txt")):
        shutil.copy(path, folder / path.name)
    return folder


def _build(*inputs: Path, out: Path):
    proc = run_cli("build", *map(str, inputs), "--out", str(out))
    assert "Traceback" not in proc.stderr, proc.stderr
    for line in proc.stderr.splitlines():
        assert line.startswith("rejected ") or SUMMARY.match(line), f"unexpected stderr: {line!r}"
    return proc


def _rejections(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("rejected ")]


def _layer(out: Path) -> dict:
    layer = json.loads(out.read_text("utf-8"))
    validate_layer(layer, str(out))
    return layer


def _fixture(name: str):
    def make(folder: Path) -> Path:
        return Path(shutil.copy(BAD / name, folder / name))
    return make


def _twenty_megabytes(folder: Path) -> Path:
    path = folder / "huge.txt"
    line = f"Report: {KAZACHYA_LOKNYA_SENTENCE}\n".encode("utf-8")
    with path.open("wb") as handle:
        handle.write(b"date 2025-03-13\n")
        handle.write(line * (20 * 1024 * 1024 // len(line) + 1))
    return path


def _directory(folder: Path) -> Path:
    path = folder / "folder.txt"
    path.mkdir()
    return path


def _broken_symlink(folder: Path) -> Path:
    path = folder / "gone.txt"
    path.symlink_to(folder / "deleted-long-ago.txt")
    return path


def _fifo(folder: Path) -> Path:
    path = folder / "pipe.txt"
    os.mkfifo(path)
    return path


def _duplicate(folder: Path) -> Path:
    return Path(shutil.copy(SEEDS / "000_d599976d65cc3f1e.txt", folder / "zz_copy.txt"))


def _dated(date: str, line: int = 1):
    """An otherwise good article dated ``date`` on its ``line``-th line."""
    def make(folder: Path) -> Path:
        path = folder / f"dated_{date}.txt"
        path.write_text("\n" * (line - 1) + f"date {date}\nReport: {KAZACHYA_LOKNYA_SENTENCE}\n",
                        encoding="utf-8")
        return path
    return make


BAD_INPUTS = [
    ("no date line", _fixture("missing_date.txt"), ":1: first line must be 'date YYYY-MM-DD'"),
    ("impossible date", _fixture("impossible_date.txt"), ":3: impossible date '2025-02-30'"),
    ("date not ISO", _fixture("bad_date_format.txt"), ":1: date '14/03/2025' is not YYYY-MM-DD"),
    ("date 9999-12-31", _dated("9999-12-31"),
     ":1: date 9999-12-31 is outside the accepted publication dates 1900-01-01 .. "),
    ("date 0001-01-02", _dated("0001-01-02", line=3),
     ":3: date 0001-01-02 is outside the accepted publication dates 1900-01-01 .. "),
    ("empty", _fixture("empty.txt"), ":1: empty article (no text at all)"),
    ("whitespace only", _fixture("whitespace_only.txt"), ":1: empty article (whitespace only)"),
    ("date but no text", _fixture("date_only.txt"), ":1: article has a date but no text"),
    ("binary", _fixture("binary.txt"), ":4: binary file"),
    ("Latin-1 bytes", _fixture("latin1.txt"), ":2: not UTF-8 (byte 0xe9 at offset 41)"),
    ("CP1251 bytes", _fixture("cp1251.txt"), ":2: not UTF-8 (byte 0xc3 at offset 16)"),
    ("20 MB file", _twenty_megabytes, ": file is {size:,} bytes, over the 2,097,152-byte"),
    ("directory named like an article", _directory, ": is a directory, not an article file"),
    ("broken symlink", _broken_symlink, ": broken symbolic link"),
    ("named pipe", _fifo, ": not a regular file"),
    ("same text under two names", _duplicate, ": duplicate of {folder}/000_d599976d65cc3f1e.txt"),
]


@pytest.mark.parametrize(("make", "message"), [case[1:] for case in BAD_INPUTS],
                         ids=[case[0] for case in BAD_INPUTS])
def test_bad_file_in_a_folder_is_named_in_one_line_and_the_seeds_are_intact(
        tmp_path, reference, make, message):
    folder = _seeds_plus(tmp_path / "articles")
    bad = make(folder)
    out = tmp_path / "layer.geojson"
    proc = _build(folder, out=out)
    assert proc.returncode == 1, proc.stderr
    rejections = _rejections(proc.stderr)
    assert len(rejections) == 1, proc.stderr
    expected = message.format(size=bad.lstat().st_size, folder=folder)
    assert rejections[0].startswith(f"rejected {bad}{expected}")
    assert out.read_bytes() == reference


def test_seeds_with_articles_dated_9999_and_0001_build_without_them(tmp_path, reference):
    """Issue 20's acceptance folder; the browser test serves the same build
    (test_browser.py::test_seeds_with_impossible_dates_build_and_show_the_seeds_places)."""
    folder = _seeds_plus(tmp_path / "articles")
    bad = [_dated("9999-12-31")(folder), _dated("0001-01-02")(folder)]
    out = tmp_path / "layer.geojson"
    proc = _build(folder, out=out)
    assert proc.returncode == 1, proc.stderr
    assert [line.split(":")[0] for line in _rejections(proc.stderr)] == [
        f"rejected {path}" for path in sorted(bad)]
    assert out.read_bytes() == reference


@pytest.mark.parametrize(("make", "message"), [
    (_broken_symlink, ": broken symbolic link"),
    (_fifo, ": not a regular file (a device, pipe or socket?)"),
    (lambda folder: folder / "never-written.txt", ": cannot read: No such file or directory"),
    (_fixture("binary.txt"), ":4: binary file (contains NUL bytes), not an article"),
], ids=["broken symlink", "named pipe", "missing file", "binary"])
def test_bad_file_named_on_the_command_line_is_rejected_next_to_good_ones(
        tmp_path, reference, make, message):
    bad = make(tmp_path)
    out = tmp_path / "layer.geojson"
    proc = _build(SEEDS, bad, out=out)
    assert proc.returncode == 1, proc.stderr
    assert _rejections(proc.stderr) == [f"rejected {bad}{message}"]
    assert out.read_bytes() == reference


def test_hostile_file_names_cannot_split_or_forge_report_lines(tmp_path, reference):
    folder = _seeds_plus(tmp_path / "articles")
    (folder / "evil\nrejected forged.txt").write_bytes(b"")
    (folder / "e\u202etxt.gpj.txt").write_bytes(b"")
    out = tmp_path / "layer.geojson"
    proc = _build(folder, out=out)
    assert proc.returncode == 1
    assert _rejections(proc.stderr) == [
        f"rejected {folder}/evil\\nrejected forged.txt:1: empty article (no text at all)",
        f"rejected {folder}/e\\u202etxt.gpj.txt:1: empty article (no text at all)",
    ]
    assert out.read_bytes() == reference


def test_every_bad_fixture_at_once_is_named_exactly_once(tmp_path):
    out = tmp_path / "layer.geojson"
    proc = _build(BAD, out=out)
    assert proc.returncode == 1
    named = sorted(Path(line.split()[1].split(":")[0]).name for line in _rejections(proc.stderr))
    expected = sorted(p.name for p in BAD.glob("*.txt") if p.name != "duplicate_a.txt")
    assert named == expected
    assert [a["id"] for a in _layer(out)["articles"]] == ["duplicate_a"]


def test_five_thousand_tiny_files_in_one_run(tmp_path):
    """4,990 one-sentence articles and 10 empty files: all good ones kept, each bad one named."""
    folder = tmp_path / "tiny"
    folder.mkdir()
    empty = set(range(0, 5000, 500))
    for index in range(5000):
        text = "" if index in empty else f"date 2025-03-13 Report {index}: {KAZACHYA_LOKNYA_SENTENCE}\n"
        (folder / f"tiny_{index:04d}.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "layer.geojson"
    proc = _build(folder, out=out)
    assert proc.returncode == 1
    assert _rejections(proc.stderr) == [
        f"rejected {folder / f'tiny_{index:04d}.txt'}:1: empty article (no text at all)"
        for index in sorted(empty)]
    layer = _layer(out)
    assert len(layer["articles"]) == 4990
    feature = next(f for f in layer["features"] if f["id"] == "theatre:kazachya-loknya")
    assert len({c["article_id"] for c in feature["properties"]["claims"]}) == 4990


def test_all_bad_is_still_status_1_with_an_empty_valid_layer(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    _fixture("empty.txt")(folder)
    _fixture("latin1.txt")(folder)
    out = tmp_path / "layer.geojson"
    proc = _build(folder, out=out)
    assert proc.returncode == 1 and len(_rejections(proc.stderr)) == 2
    layer = _layer(out)
    assert layer["articles"] == [] and layer["features"] == []


@pytest.mark.parametrize("args", [
    ("build", "--jobs", "-1"),
    ("build", "no/such/folder"),
    ("rebuild",),
], ids=["negative jobs", "nothing to read", "unknown command"])
def test_usage_errors_exit_2_in_one_line_without_writing(tmp_path, args):
    out = tmp_path / "layer.geojson"
    proc = run_cli(*args, "--out", str(out))
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert proc.stderr.splitlines()[-1].startswith("claimmap: error: ")
    assert not out.exists()


def _hostile_records(layer: dict, article_id: str) -> list[dict]:
    return [c for f in layer["features"] for c in f["properties"]["claims"]
            if c["article_id"] == article_id] + [
        c for c in layer["unplaced"] if c["article_id"] == article_id]


@pytest.fixture(scope="module")
def hostile_layer(tmp_path_factory, reference) -> dict:
    """Seeds plus the hostile and the odd-but-good articles, built once through the CLI."""
    folder = _seeds_plus(tmp_path_factory.mktemp("hostile") / "articles")
    for path in (HOSTILE, HOSTILE_MARKS, WINDOWS):
        shutil.copy(path, folder / path.name)
    out = folder.parent / "layer.geojson"
    proc = _build(folder, out=out)
    assert proc.returncode == 0, proc.stderr
    return _layer(out)


@pytest.mark.parametrize("path", [HOSTILE, HOSTILE_MARKS], ids=lambda p: p.stem)
def test_hostile_text_is_kept_exactly(hostile_layer, path):
    text = path.read_text("utf-8")
    records = _hostile_records(hostile_layer, path.stem)
    assert records, "the hostile article's claims are missing"
    for record in records:
        start, end = record["span"]
        assert text[start:end] == record["text"]
    article = next(a for a in hostile_layer["articles"] if a["id"] == path.stem)
    title = next(line for line in text.splitlines() if line.startswith("title: "))
    assert article["title"] == title.removeprefix("title: ")


@pytest.mark.parametrize(("path", "place_id", "surface"), [
    # read in the fixtures: zero-width space / joiner, RTL/LTR marks, soft hyphen, word
    # joiner, zero-width non-joiner, bidi isolates and a BOM inside or around place names
    (HOSTILE, "theatre:kazachya-loknya", "Kaz\u200bachya Lok\u200dnya"),
    (HOSTILE, "geonames:486816", "Sudzha"),
    (HOSTILE_MARKS, "geonames:483166", "Tyo\u00adtkino"),
    (HOSTILE_MARKS, "geonames:486816", "Sud\u2060zha"),
    (HOSTILE_MARKS, "iso:RU-BEL", "Bel\u200cgorod region"),
    (HOSTILE_MARKS, "iso:RU-KRS", "Kursk Oblast"),
    (HOSTILE_MARKS, "theatre:martynovka", "Martynovka"),
], ids=lambda v: v if isinstance(v, str) and ":" in v else None)
def test_places_with_invisible_characters_inside_are_recognised(hostile_layer, path, place_id,
                                                                surface):
    feature = next((f for f in hostile_layer["features"] if f["id"] == place_id), None)
    assert feature is not None, f"{place_id} missing from the layer"
    assert surface in feature["properties"]["mentions"]
    named = [c for c in feature["properties"]["claims"]
             if c["article_id"] == path.stem and c["link"] == "named"]
    assert any(surface in c["text"] for c in named)


def test_hostile_markup_survives_serialisation_unchanged(hostile_layer):
    """The layer is data: markup is stored verbatim (escaping is the dashboard's job)."""
    marks = next(a for a in hostile_layer["articles"] if a["id"] == "hostile_marks")
    assert marks["source"] == "Hostile ${wire} \\ desk"
    assert "</script><img src=x onerror=alert(1)> \u202eevil" in marks["title"]
    hostile = next(a for a in hostile_layer["articles"] if a["id"] == "hostile")
    assert hostile["url"] == "javascript:alert(4)"


def test_windows_line_ends_are_a_good_article_with_clean_headers(hostile_layer):
    article = next(a for a in hostile_layer["articles"] if a["id"] == WINDOWS.stem)
    assert (article["title"], article["source"]) == ("Sternenko on Kazachya Loknya", "Telegram")
    feature = next(f for f in hostile_layer["features"] if f["id"] == "theatre:kazachya-loknya")
    texts = [c["text"] for c in feature["properties"]["claims"] if c["article_id"] == WINDOWS.stem]
    assert KAZACHYA_LOKNYA_SENTENCE in texts
