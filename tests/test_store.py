"""The incremental store: a build from stored results writes the full build's layer, byte for
byte; only new or changed articles are processed; a new version of the rules, gazetteer or
code invalidates; the layer-wide speaker pass runs over stored and new results alike."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import FIXTURES, run_cli
from geo import config
from geo.layer import dumps_layer
from geo.pipeline import build
from geo.store import Store, store_version

TUNE = sorted((FIXTURES / "real" / "tune").glob("*.txt"))


def _store(path: Path, gazetteer) -> Store:
    return Store(path, store_version(gazetteer))


def test_a_store_build_adds_only_the_new_articles_and_writes_the_full_layer(tmp_path, gazetteer):
    store = _store(tmp_path / "s.sqlite", gazetteer)
    first = build([str(p) for p in TUNE[:40]], gazetteer, store=store)
    assert (store.hits, store.misses) == (0, 40)
    grown = build([str(p) for p in TUNE], gazetteer, store=store)
    assert (store.hits, store.misses) == (40, len(TUNE) - 40)
    full = build([str(p) for p in TUNE], gazetteer)
    assert dumps_layer(grown.layer) == dumps_layer(full.layer)
    again = build([str(p) for p in TUNE[:40]], gazetteer, store=store)
    assert (store.hits, store.misses) == (40, 0)
    assert dumps_layer(again.layer) == dumps_layer(first.layer)


def _article(folder: Path, name: str, body: str) -> str:
    path = folder / f"{name}.txt"
    path.write_text(f"date 2024-03-0{len(name)}\n\n{body}\n", "utf-8")
    return str(path)


def test_the_layer_wide_speaker_pass_runs_over_stored_results_too(tmp_path, gazetteer):
    short = _article(tmp_path, "a", "Hryhorenko said that a drone struck a house in Kharkiv.")
    full = _article(tmp_path, "bb", "Regional governor Mykola Hryhorenko said rescuers were "
                                    "working in Odesa after the attack.")
    store = _store(tmp_path / "s.sqlite", gazetteer)

    def speakers(layer) -> set[str]:
        return {c["speaker"] for f in layer["features"] for c in f["properties"]["claims"]}

    alone = build([short], gazetteer, store=store).layer
    assert "Hryhorenko" in speakers(alone)
    both = build([short, full], gazetteer, store=store).layer  # the surname article is stored
    assert store.hits == 1 and speakers(both) == {"Mykola Hryhorenko"}
    assert dumps_layer(both) == dumps_layer(build([short, full], gazetteer).layer)
    assert dumps_layer(build([short], gazetteer, store=store).layer) == dumps_layer(alone)
    fresh = _store(tmp_path / "t.sqlite", gazetteer)  # both processed in one build, then one
    build([short, full], gazetteer, store=fresh)
    assert dumps_layer(build([short], gazetteer, store=fresh).layer) == dumps_layer(alone)


def test_a_changed_article_is_processed_again(tmp_path, gazetteer):
    path = Path(_article(tmp_path, "a", "Officials said a drone struck a house in Kharkiv."))
    store = _store(tmp_path / "s.sqlite", gazetteer)
    build([str(path)], gazetteer, store=store)
    path.write_text(path.read_text("utf-8").replace("Kharkiv", "Sumy"), "utf-8")
    layer = build([str(path)], gazetteer, store=store).layer
    assert store.misses == 1 and "Sumy" in {f["properties"]["name"] for f in layer["features"]}


def test_a_new_rule_gazetteer_or_code_version_invalidates(tmp_path, gazetteer, monkeypatch):
    store = Store(tmp_path / "s.sqlite", "v1")
    build([str(p) for p in TUNE[:3]], gazetteer, store=store)
    store.finish(None, [])
    newer = Store(tmp_path / "s.sqlite", "v2")
    build([str(p) for p in TUNE[:3]], gazetteer, store=newer)
    assert (newer.hits, newer.misses) == (0, 3)
    newer.finish(None, [])
    assert Store(tmp_path / "s.sqlite", "v1").get(["x"]) == {}
    assert newer._conn.execute("SELECT COUNT(*) FROM results WHERE version = 'v1'").fetchone() == (0,)

    code = tmp_path / "geo"
    shutil.copytree(config.GEO_DIR / "rules", code / "rules")
    monkeypatch.setattr(config, "GEO_DIR", code)
    before = store_version(gazetteer)
    verbs = code / "rules" / "reporting_verbs.csv"
    verbs.write_text(verbs.read_text("utf-8") + "proclaim,,,,\n", "utf-8")
    assert store_version(gazetteer) != before
    assert store_version(gazetteer, online="nominatim") != store_version(gazetteer)

    class Other:
        path = Path("gazetteer-0123456789abcdef01234567.sqlite")
    assert store_version(Other()) != store_version(gazetteer)


def test_claimmap_build_with_a_store_reuses_and_remembers_its_inputs(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    for path in TUNE[:4]:
        shutil.copy(path, folder)
    out, store = tmp_path / "layer.geojson", tmp_path / "store.sqlite"
    first = run_cli("build", str(folder), "--out", str(out), "--store", str(store))
    assert first.returncode == 0, first.stderr
    assert "0 articles reused, 4 processed" in first.stderr
    layer = out.read_bytes()
    second = run_cli("build", str(folder), "--out", str(out), "--store", str(store))
    assert "4 articles reused, 0 processed" in second.stderr and out.read_bytes() == layer
    assert Store(store, "any").inputs_of(out) == [str(folder.resolve())]
