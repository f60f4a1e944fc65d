"""The layer built from the seeds: the issue's acceptance facts, third-party readers, freshness."""

from __future__ import annotations

import gc
import json
import pickle

import pytest

from conftest import ROOT, SEEDS
from geo.layer import dumps_layer, validate_layer
from geo.pipeline import build


def _feature(layer, place_id):
    found = [f for f in layer["features"] if f["properties"]["place_id"] == place_id]
    assert found, f"no feature {place_id}; have {[f['id'] for f in layer['features']]}"
    return found[0]


def _by_name(layer, name):
    found = [f for f in layer["features"] if f["properties"]["name"] == name]
    assert len(found) == 1, f"{name}: {[f['id'] for f in found]}"
    return found[0]


def test_seed_layer_validates_against_the_schema(seed_layer):
    validate_layer(seed_layer)
    assert [a["id"] for a in seed_layer["articles"]] == ["000_d599976d65cc3f1e", "002_3f0cff5302c0621a"]


def test_kazachya_loknya_carries_sternenkos_claim_of_march_13(seed_layer):
    claims = _by_name(seed_layer, "Kazachya Loknya")["properties"]["claims"]
    assert ("2025-03-13", "Serhiy Sternenko") in {(c["date"], c["speaker"]) for c in claims}


def test_kursk_oblast_carries_gerasimovs_claims_of_both_dates(seed_layer):
    feature = _feature(seed_layer, "iso:RU-KRS")
    assert feature["geometry"]["type"] in {"Polygon", "MultiPolygon"}
    dates = {c["date"] for c in feature["properties"]["claims"] if c["speaker"] == "Valery Gerasimov"}
    assert dates == {"2025-03-12", "2025-03-13"}


def test_sumy_oblast_carries_the_claim_of_units_advancing_into_the_sumy_region(seed_layer):
    claims = _feature(seed_layer, "iso:UA-59")["properties"]["claims"]
    assert any(c["date"] == "2025-03-13" and "advancing into the Sumy region" in c["text"]
               for c in claims)


def test_every_claim_span_points_at_its_text(seed_layer):
    texts = {p.stem: p.read_text("utf-8") for p in SEEDS.glob("*.txt")}
    for feature in seed_layer["features"]:
        for claim in feature["properties"]["claims"]:
            start, end = claim["span"]
            assert texts[claim["article_id"]][start:end] == claim["text"]


def test_same_inputs_give_byte_identical_layers(gazetteer, seed_layer):
    again = build([str(p) for p in sorted(SEEDS.glob("*.txt"), reverse=True)], gazetteer).layer
    assert dumps_layer(again) == dumps_layer(seed_layer)


def test_parallel_build_gives_the_same_layer(gazetteer, seed_layer):
    assert dumps_layer(build([str(SEEDS)], gazetteer, jobs=2).layer) == dumps_layer(seed_layer)


def test_committed_layer_is_fresh(seed_layer):
    committed = (ROOT / "data" / "claims.geojson").read_text("utf-8")
    assert committed == dumps_layer(seed_layer), "data/claims.geojson is stale: run `make build`"


def test_geopandas_reads_the_layer_through_gdal():
    geopandas = pytest.importorskip("geopandas")
    frame = geopandas.read_file(ROOT / "data" / "claims.geojson")
    assert "Kazachya Loknya" in set(frame["name"])
    assert frame.crs.to_epsg() == 4326


def test_geojson_package_finds_the_layer_valid():
    geojson = pytest.importorskip("geojson")
    layer = geojson.loads((ROOT / "data" / "claims.geojson").read_text("utf-8"))
    assert layer.is_valid, layer.errors()


def test_a_bad_article_is_reported_and_the_good_ones_kept(gazetteer, tmp_path):
    (tmp_path / "bad.txt").write_text("no date here\nPutin said things.\n", encoding="utf-8")
    good = (SEEDS / "000_d599976d65cc3f1e.txt").read_text("utf-8")
    (tmp_path / "good.txt").write_text(good, encoding="utf-8")
    result = build([str(tmp_path)], gazetteer)
    assert [a["id"] for a in result.layer["articles"]] == ["good"]
    assert len(result.errors) == 1 and "bad.txt:1" in str(result.errors[0])
    assert json.loads(dumps_layer(result.layer))["features"]


# --- parallel builds: compact results from workers, the same layer ------------------------

FIXTURE_ARTICLES = ROOT / "tests" / "fixtures" / "articles"


def test_parallel_build_of_several_articles_gives_the_same_layer(gazetteer):
    inputs = [str(SEEDS), str(FIXTURE_ARTICLES)]
    single = build(inputs, gazetteer, jobs=1)
    count = len(list(SEEDS.glob("*.txt"))) + len(list(FIXTURE_ARTICLES.glob("*.txt")))
    assert len(single.layer["articles"]) == count > 2 and single.layer["features"]
    assert dumps_layer(build(inputs, gazetteer, jobs=3).layer) == dumps_layer(single.layer)


def test_a_worker_sends_places_without_geometry_and_the_parent_restores_them(gazetteer):
    from geo.text import read_article
    from geo.pipeline import process_document, restore_places, strip_places

    doc = read_article(SEEDS / "000_d599976d65cc3f1e.txt")
    result = process_document(doc, gazetteer)
    shipped = strip_places(result)
    sent = [m.place for m in shipped[1] if m.place] + [link.place for link in shipped[2]]
    assert {p.id for p in sent} >= {"iso:RU-KRS", "theatre:kazachya-loknya"}
    assert all(p.geometry == {} for p in sent)
    assert len(pickle.dumps(shipped)) < len(pickle.dumps(result)) / 3
    assert restore_places(doc, shipped, gazetteer) == result


@pytest.mark.parametrize("collecting", [True, False])
def test_the_collector_is_paused_for_the_build_and_restored_after(gazetteer, collecting):
    """Paused while the build runs (a mention hook sees it off), then left as it was found,
    also when the build fails."""
    def hook(mentions):
        states.append(gc.isenabled())
        return mentions

    def failing(mentions):
        raise RuntimeError("geocoder down")

    before = gc.isenabled()
    (gc.enable if collecting else gc.disable)()
    try:
        states: list[bool] = []
        build([str(SEEDS)], gazetteer, mention_hook=hook)
        assert states and not any(states) and gc.isenabled() == collecting
        with pytest.raises(RuntimeError):
            build([str(SEEDS)], gazetteer, mention_hook=failing)
        assert gc.isenabled() == collecting
    finally:
        (gc.enable if before else gc.disable)()
