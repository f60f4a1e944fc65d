"""dashboard.layerdata / dashboard.layerfile: reading layers, the date index, the filters."""

from __future__ import annotations

import datetime as dt

import pytest
from dashboard_support import LAYERS, ROOT, SAMPLE
from hypothesis import given, settings
from hypothesis import strategies as st

from dashboard.layerdata import (REPORTER_LABEL, Filters, filter_claims, index_layer,
                                 load_layer)
from dashboard.layerfile import layer_path, read_layer_json
from geo import config
from geo.errors import LayerError

D12, D13 = dt.date(2025, 3, 12), dt.date(2025, 3, 13)


@pytest.fixture(scope="module")
def sample():
    return load_layer(SAMPLE)


def names(view) -> list[str]:
    return sorted(p.place.name for p in view.places)


def test_sample_fixture_spans_point_at_the_seed_text(sample):
    """The hand-written fixture is faithful to the seeds: every span is its claim's text."""
    for claim in sample.claims:
        text = (ROOT / "seeds" / f"{claim.article_id}.txt").read_text("utf-8")
        assert text[claim.span[0]:claim.span[1]] == claim.text


def test_index_is_sorted_by_date_and_counts_distinct_claims(sample):
    assert list(sample.day) == sorted(sample.day)
    assert (sample.first_date, sample.last_date) == (D12, D13)
    # Gerasimov's 13 March claim is on Kursk Oblast and Sumy Oblast: two rows, one claim
    assert (len(sample.claims), sample.claim_count) == (11, 10)
    assert sample.speakers == (REPORTER_LABEL, "Serhiy Sternenko", "Valery Gerasimov",
                               "Vladimir Putin")


@pytest.mark.parametrize("start, end, expected", [
    (None, None, ["Kazachya Loknya", "Kursk Oblast", "Russia", "Sumy Oblast", "Ukraine"]),
    (D12, D12, ["Kursk Oblast", "Russia", "Ukraine"]),
    (D13, D13, ["Kazachya Loknya", "Kursk Oblast", "Sumy Oblast"]),
    (D13, None, ["Kazachya Loknya", "Kursk Oblast", "Sumy Oblast"]),
    (dt.date(2025, 3, 14), None, []),
    (None, dt.date(2025, 3, 11), []),
])
def test_date_window_selects_places(sample, start, end, expected):
    assert names(filter_claims(sample, Filters(start=start, end=end))) == expected


def test_place_claims_are_newest_first(sample):
    kursk = filter_claims(sample, Filters()).claims_of("iso:RU-KRS")
    dates = [sample.claims[r].date for r in kursk.rows]
    assert dates == ["2025-03-13"] * 4 + ["2025-03-12"] * 3


def test_sternenko_claim_is_on_kazachya_loknya(sample):
    view = filter_claims(sample, Filters(speakers=frozenset({"Serhiy Sternenko"})))
    assert names(view) == ["Kazachya Loknya"]
    claim = sample.claims[view.places[0].rows[0]]
    assert claim.date == "2025-03-13"
    assert claim.text == ("According to Sternenko, the war crime took place in the village "
                          "of Kazachya Loknya, Kursk Oblast.")


@pytest.mark.parametrize("filters, expected_claims, expected_places", [
    (Filters(hide_reporter=True), 7, ["Kazachya Loknya", "Kursk Oblast", "Sumy Oblast"]),
    (Filters(speakers=frozenset({REPORTER_LABEL})), 3, ["Kursk Oblast", "Russia", "Ukraine"]),
    (Filters(articles=frozenset({"002_3f0cff5302c0621a"})), 5,
     ["Kursk Oblast", "Russia", "Ukraine"]),
    (Filters(speakers=frozenset({"Valery Gerasimov"}), start=D13), 2,
     ["Kursk Oblast", "Sumy Oblast"]),
    (Filters(sources=frozenset({"Reuters"})), 0, []),
])
def test_filters_combine(sample, filters, expected_claims, expected_places):
    view = filter_claims(sample, filters)
    assert (view.claim_count, names(view)) == (expected_claims, expected_places)


@st.composite
def layers(draw):
    """Random small layers: claims on random days, places and speakers."""
    days = draw(st.lists(st.integers(0, 30), min_size=0, max_size=40))
    features = []
    for place in range(3):
        claims = []
        for i, day in enumerate(days):
            if i % 3 == place or draw(st.booleans()):
                claims.append({
                    "claim_id": f"c{i}", "date": (D12 + dt.timedelta(days=day)).isoformat(),
                    "speaker": draw(st.sampled_from(["A", "B", None])), "speaker_title": None,
                    "verb": None, "text": f"claim {i}", "quote": None, "article_id": "a",
                    "article_title": None, "source": None, "url": None, "span": [i, i + 1],
                    "attribution": "speaker", "link": "named"})
        claims.sort(key=lambda c: c["date"])
        if claims:
            features.append({"type": "Feature", "id": f"p{place}",
                             "geometry": {"type": "Point", "coordinates": [35.0, 51.0]},
                             "properties": {"place_id": f"p{place}", "name": f"P{place}",
                                            "kind": "settlement", "country": None,
                                            "admin1": None, "precision": "settlement",
                                            "approximate": False, "gazetteer": "t",
                                            "mentions": [], "claims": claims}})
    return {"type": "FeatureCollection", "generator": {"name": "claimmap", "version": "0",
                                                       "schema": 1},
            "articles": [], "unresolved": [], "features": features}


@settings(max_examples=60, deadline=None)
@given(layer=layers(), start=st.integers(-2, 32), length=st.integers(0, 35),
       hide=st.sampled_from([frozenset(), frozenset({"A"})]))
def test_binary_search_window_equals_a_full_scan(layer, start, length, hide):
    """The indexed filter returns exactly what scanning every claim would."""
    data = index_layer(layer)
    first = D12 + dt.timedelta(days=start)
    last = first + dt.timedelta(days=length)
    view = filter_claims(data, Filters(start=first, end=last, speakers=hide))
    got = {(p.place.place_id, data.claims[r].claim_id) for p in view.places for r in p.rows}
    expected = {(f["id"], c["claim_id"]) for f in layer["features"]
                for c in f["properties"]["claims"]
                if first.isoformat() <= c["date"] <= last.isoformat()
                and (not hide or c["speaker"] in hide)}
    assert got == expected


@pytest.mark.parametrize("name, line, problem", [
    ("missing.geojson", None, "layer file not found"),
    ("empty.geojson", 1, "empty file"),
    ("bad_json.geojson", 3, "not valid JSON"),
    ("not_schema.geojson", None, "features/0/properties/kind"),
])
def test_bad_layers_raise_one_clear_error(name, line, problem):
    with pytest.raises(LayerError) as caught:
        read_layer_json(LAYERS / name)
    assert caught.value.path.endswith(name)
    assert caught.value.line == line
    assert problem in caught.value.message


def test_a_directory_is_not_a_layer():
    with pytest.raises(LayerError, match="directory"):
        read_layer_json(LAYERS)


def test_layer_without_claims_indexes_to_nothing():
    data = load_layer(LAYERS / "no_claims.geojson")
    assert (data.claim_count, data.first_date, filter_claims(data, Filters()).places) == (
        0, None, ())


@pytest.mark.parametrize("argv, env, expected", [
    (["--layer", "x.geojson"], {"CLAIMMAP_LAYER": "y.geojson"}, "x.geojson"),
    ([], {"CLAIMMAP_LAYER": "y.geojson"}, "y.geojson"),
    (["-q", "tests"], {}, str(ROOT / "data" / "claims.geojson")),
])
def test_layer_path_precedence(argv, env, expected, monkeypatch):
    monkeypatch.chdir(ROOT)
    assert str(layer_path(argv, env)) == expected


def test_without_a_local_layer_the_bundled_seed_layer_opens(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert layer_path([], {}) == config.SEED_LAYER
