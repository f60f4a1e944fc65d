"""Layer assembly and writing: structure, order, determinism, atomicity, schema."""

from __future__ import annotations

import json
import os

import pytest

from factories import claim_at, document, mention_of, place
from geo.errors import LayerError
from geo.layer import (assemble_layer, dumps_layer, layer_schema, link_claims, validate_layer,
                       write_layer)
from geo.model import ARTICLE_FIELDS, CLAIM_FIELDS, PLACE_FIELDS, ArticleResult

KL = place("theatre:kazachya-loknya", "settlement", "Kazachya Loknya")
KRS = place("iso:RU-KRS", "admin1", "Kursk Oblast")


def _result(text: str, article_id: str, phrases: list[tuple[str, str | None]]) -> ArticleResult:
    doc = document(text, article_id)
    claims = [claim_at(doc, phrase, speaker) for phrase, speaker in phrases]
    mentions = [mention_of(doc, name, target) for name, target in
                (("Kazachya Loknya", KL), ("Kursk Oblast", KRS), ("Atlantis", None))
                if name in doc.text]
    links, unplaced = link_claims(claims, mentions)
    return ArticleResult(doc, claims, mentions, links, unplaced)


LATER = _result(
    "date 2025-03-13\ntitle: Later <b>report</b>\n\nSternenko said the crime was in Kazachya Loknya, "
    "Kursk Oblast. Officials denied it. Nobody has been to Atlantis.\n",
    "later",
    [("Sternenko said the crime was in Kazachya Loknya, Kursk Oblast.", "Serhiy Sternenko"),
     ("Officials denied it.", None)],
)
EARLIER = _result(
    "date 2025-03-12\nGerasimov said Kursk Oblast would be liberated.\n",
    "earlier",
    [("Gerasimov said Kursk Oblast would be liberated.", "Valery Gerasimov")],
)


def _feature(layer, place_id):
    return next(f for f in layer["features"] if f["properties"]["place_id"] == place_id)


def test_one_feature_per_place_with_claims_sorted_by_date():
    layer = assemble_layer([LATER, EARLIER])
    assert [f["id"] for f in layer["features"]] == ["iso:RU-KRS", "theatre:kazachya-loknya"]
    krs_claims = _feature(layer, "iso:RU-KRS")["properties"]["claims"]
    assert [(c["date"], c["speaker"], c["link"]) for c in krs_claims] == [
        ("2025-03-12", "Valery Gerasimov", "named"),
        ("2025-03-13", "Serhiy Sternenko", "named"),
        ("2025-03-13", None, "context"),
    ]


def test_claim_record_carries_article_metadata_and_exact_span():
    layer = assemble_layer([LATER, EARLIER])
    claim = _feature(layer, "theatre:kazachya-loknya")["properties"]["claims"][0]
    assert claim["article_title"] == "Later <b>report</b>"
    start, end = claim["span"]
    assert LATER.document.text[start:end] == claim["text"]
    assert claim["attribution"] == "speaker" and claim["verb"] == "said"


def test_unresolved_mentions_and_articles_are_listed():
    layer = assemble_layer([LATER, EARLIER])
    assert layer["unresolved"] == [{"mention": "Atlantis", "article_id": "later",
                                    "span": [LATER.document.text.index("Atlantis"),
                                             LATER.document.text.index("Atlantis") + 8],
                                    "reason": "not in the gazetteer"}]
    assert [(a["id"], a["date"], a["claims"]) for a in layer["articles"]] == [
        ("earlier", "2025-03-12", 1), ("later", "2025-03-13", 2)]


def test_mentions_are_the_surface_forms_seen():
    layer = assemble_layer([LATER, EARLIER])
    assert _feature(layer, "iso:RU-KRS")["properties"]["mentions"] == ["Kursk Oblast"]


def test_assembled_layer_validates_and_geometry_is_normalised():
    layer = assemble_layer([LATER, EARLIER])
    validate_layer(layer)
    ring = _feature(layer, "iso:RU-KRS")["geometry"]["coordinates"][0]
    assert ring == [[35.0, 51.0], [36.0, 51.0], [36.0, 52.0], [35.0, 52.0], [35.0, 51.0]]


def test_output_does_not_depend_on_input_order():
    assert dumps_layer(assemble_layer([LATER, EARLIER])) == dumps_layer(assemble_layer([EARLIER, LATER]))


def test_schema_rejects_a_broken_layer_naming_where():
    layer = json.loads(dumps_layer(assemble_layer([LATER])))
    layer["features"][0]["properties"]["claims"][0]["date"] = "13/03/2025"
    with pytest.raises(LayerError, match=r"features/0/properties/claims/0/date"):
        validate_layer(layer, "x.geojson")


def test_schema_rejects_clockwise_exterior_ring():
    layer = json.loads(dumps_layer(assemble_layer([EARLIER])))
    ring = layer["features"][0]["geometry"]["coordinates"][0]
    ring.reverse()
    with pytest.raises(LayerError, match="wound"):
        validate_layer(layer)


def test_write_replaces_atomically_and_leaves_no_temp_files(tmp_path):
    out = tmp_path / "layer.geojson"
    out.write_text("old complete layer")
    write_layer(assemble_layer([EARLIER]), out)
    assert json.loads(out.read_text("utf-8"))["articles"][0]["id"] == "earlier"
    assert sorted(os.listdir(tmp_path)) == ["layer.geojson"]


def test_failed_write_keeps_the_old_file(tmp_path):
    out = tmp_path / "layer.geojson"
    out.write_text("old complete layer")
    bad = assemble_layer([EARLIER])
    bad["features"][0]["properties"]["claims"][0]["text"] = float("nan")
    with pytest.raises(ValueError):
        write_layer(bad, out)
    assert out.read_text() == "old complete layer"
    assert sorted(os.listdir(tmp_path)) == ["layer.geojson"]


def test_temp_files_of_killed_builds_are_removed_but_not_a_running_ones(tmp_path):
    import subprocess
    import sys

    finished = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                              capture_output=True, text=True, check=True)
    dead = tmp_path / f".layer.geojson.{finished.stdout.strip()}.abc123.tmp"
    running = tmp_path / f".layer.geojson.{os.getpid()}.def456.tmp"
    dead.write_text("half a layer")
    running.write_text("another build's layer in progress")
    write_layer(assemble_layer([EARLIER]), tmp_path / "layer.geojson")
    assert sorted(os.listdir(tmp_path)) == [running.name, "layer.geojson"]


def test_the_model_records_are_the_schemas_objects_in_its_order():
    """geo.model's record field lists (which the layer writes and the dashboard reads) are
    the schema's required keys, in the order the schema lists them."""
    schema = layer_schema()
    assert tuple(schema["definitions"]["claim"]["required"]) == CLAIM_FIELDS
    feature = schema["definitions"]["feature"]["properties"]["properties"]
    assert tuple(feature["required"]) == PLACE_FIELDS + ("claims",)
    assert tuple(schema["properties"]["articles"]["items"]["required"]) == ARTICLE_FIELDS
    layer = assemble_layer([EARLIER])
    assert tuple(layer["features"][0]["properties"]) == PLACE_FIELDS + ("claims",)
    assert tuple(layer["features"][0]["properties"]["claims"][0]) == CLAIM_FIELDS
    assert tuple(layer["articles"][0]) == ARTICLE_FIELDS


def test_the_analysis_member_is_in_the_schema(seed_layer):
    """The seed layer's figures, event times and comparisons validate; a wrong one does not."""
    validate_layer(seed_layer)
    assert seed_layer["analysis"]["comparisons"] and seed_layer["analysis"]["claims"]
    broken = json.loads(json.dumps(seed_layer))
    broken["analysis"]["claims"][0]["event_time"] = {"start": "2025-03-08", "end": "2025-03-13",
                                                     "precision": "fortnight", "text": "x"}
    with pytest.raises(LayerError, match="analysis/claims/0/event_time"):
        validate_layer(broken)
    older = {k: v for k, v in seed_layer.items() if k != "analysis"}
    validate_layer(older)  # a layer written before the analysis member still opens
