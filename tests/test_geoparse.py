"""The public geoparsing interface: geo.geoparse / geo.geoparse_file and
``claimmap geoparse FILE... [--json]``, on the seeds and hand-made text."""

from __future__ import annotations

import json
import subprocess
import sys

import geo
from conftest import SEEDS, run_cli
from geo.geometry import normalise_geometry
from geo.places import find_mentions
from geo.text import read_article

PLACE_KEYS = ["id", "name", "kind", "country", "admin1", "precision", "geometry"]
SEED = sorted(SEEDS.glob("*.txt"))[0]


def test_every_mention_of_a_text_with_its_place_or_none(gazetteer):
    text = ("Russian troops shelled Sudzha in the Kursk region overnight, and a drone hit "
            "the village of Zzyzxovka.")
    found = geo.geoparse(text, gazetteer=gazetteer)
    assert [(m["text"], m["place"] and m["place"]["id"]) for m in found] == [
        ("Sudzha", "geonames:486816"), ("Kursk region", "iso:RU-KRS"), ("Zzyzxovka", None)]
    for m in found:
        assert list(m) == ["start", "end", "text", "place"]
        assert text[m["start"]:m["end"]] == m["text"]
        assert m["place"] is None or list(m["place"]) == PLACE_KEYS


def test_a_file_gives_what_the_build_finds_with_offsets_into_the_whole_file(gazetteer):
    doc = read_article(SEED)
    found = geo.geoparse_file(SEED, gazetteer)
    mentions = find_mentions(doc, gazetteer)
    assert found["article"] == str(SEED)
    assert [(m["start"], m["end"], m["text"]) for m in found["mentions"]] == [
        (m.start, m.end, m.surface) for m in mentions]
    placed = next(m for m in mentions if m.place is not None)
    first = next(m for m in found["mentions"] if m["start"] == placed.start)
    assert first["place"]["geometry"] == normalise_geometry(placed.place.geometry)


def test_the_layer_and_geoparse_agree_on_every_place_of_the_seeds(gazetteer, seed_layer):
    features = {f["id"]: f for f in seed_layer["features"]}
    for path in sorted(SEEDS.glob("*.txt")):
        for m in geo.geoparse_file(path, gazetteer)["mentions"]:
            if m["place"] and m["place"]["id"] in features:
                assert m["place"]["geometry"] == features[m["place"]["id"]]["geometry"]


def test_plain_text_is_read_whole_and_a_bom_does_not_shift_offsets(tmp_path, gazetteer):
    plain = tmp_path / "note.txt"
    plain.write_bytes("\ufeffSumy Oblast and Sudzha.\n".encode("utf-8"))
    found = geo.geoparse_file(plain, gazetteer)
    assert [(m["start"], m["text"]) for m in found["mentions"]] == [(0, "Sumy Oblast"), (16, "Sudzha")]


def test_the_command_prints_one_json_object_per_file_and_names_a_bad_one(tmp_path):
    bad = tmp_path / "binary.txt"
    bad.write_bytes(b"date 2025-03-14\n\x00\x01")
    seeds = [str(p) for p in sorted(SEEDS.glob("*.txt"))]
    proc = run_cli("geoparse", seeds[0], str(bad), seeds[1], "--json")
    assert proc.returncode == 1
    assert proc.stderr.splitlines() == [f"rejected {bad}:2: binary file (contains NUL bytes), "
                                        "not an article"]
    lines = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [line["article"] for line in lines] == [seeds[0], seeds[1]]
    for line, path in zip(lines, seeds):
        text = read_article(path).text
        assert list(line) == ["article", "mentions"] and line["mentions"]
        assert all(text[m["start"]:m["end"]] == m["text"] for m in line["mentions"])


def test_without_json_the_command_prints_a_short_table():
    proc = run_cli("geoparse", str(SEED))
    assert proc.returncode == 0, proc.stderr
    head, *rows = proc.stdout.splitlines()
    assert head.startswith(f"{SEED}: ") and head.endswith("place mentions")
    assert any("iso:RU-KRS Kursk Oblast (admin1, RU-KRS)" in row for row in rows)


def test_a_reader_that_stops_early_is_no_error():
    """``claimmap geoparse … --json | head -c 100``: the closed pipe ends the command quietly."""
    seeds = [str(p) for p in sorted(SEEDS.glob("*.txt"))] * 4
    proc = subprocess.Popen([sys.executable, "-m", "geo", "geoparse", *seeds, "--json"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout.read(100).startswith(b'{"article":')
    proc.stdout.close()
    assert proc.wait(timeout=60) == 0
    assert proc.stderr.read() == b""
