"""The dashboard's "Add reports" panel: reports saved into the layer's folder, the layer
rebuilt through its store, errors named next to the file; in a real browser, an uploaded
article's claim shows in its place's popup."""

from __future__ import annotations

import datetime as dt
import shutil
import time

import pytest

from conftest import FIXTURES, SEEDS
from dashboard.ingest_panel import add_reports
from dashboard.server import CHROMIUM, serve
from geo import config
from geo.layer import write_layer
from geo.pipeline import build
from geo.store import Store, store_version

ARTICLE = FIXTURES / "real" / "tune" / "r112_moscowtimes_belgorod_oil_depot.txt"


def _layer_with_store(tmp_path, gazetteer):
    folder = tmp_path / "articles"
    folder.mkdir()
    shutil.copy(SEEDS / "000_d599976d65cc3f1e.txt", folder)
    layer = tmp_path / "layer.geojson"
    store = Store(config.default_store(layer), store_version(gazetteer))
    write_layer(build([str(folder)], gazetteer, store=store).layer, layer)
    store.finish(layer, [str(folder)])
    store.close()
    return folder, layer


def test_reports_are_added_to_the_folder_and_the_layer_and_bad_ones_named(tmp_path, gazetteer):
    folder, layer = _layer_with_store(tmp_path, gazetteer)
    outcomes = add_reports(layer, [(ARTICLE.name, ARTICLE.read_bytes()),
                                   ("broken.txt", b"no date line here\n"),
                                   ("notes.pdf", b"%PDF")],
                           pasted=("Governor Vyacheslav Gladkov said a drone hit a house in "
                                   "Shebekino.", dt.date(2024, 5, 2), "Wire", ""),
                           gazetteer=gazetteer)
    by_name = {o.name: o for o in outcomes}
    assert by_name[ARTICLE.name].ok and "claims" in by_name[ARTICLE.name].message
    assert not by_name["broken.txt"].ok and "date YYYY-MM-DD" in by_name["broken.txt"].message
    assert not by_name["notes.pdf"].ok
    pasted = next(o for o in outcomes if o.name.startswith("pasted-"))
    assert pasted.ok, pasted.message
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        ["000_d599976d65cc3f1e.txt", ARTICLE.name, pasted.name])  # the rejected file is gone
    import json
    written = json.loads(layer.read_text("utf-8"))
    assert ARTICLE.stem in {a["id"] for a in written["articles"]}
    assert written == build([str(folder)], gazetteer).layer  # as a full build of the folder


def test_a_layer_without_a_store_says_how_to_get_one(tmp_path):
    layer = tmp_path / "plain.geojson"
    (outcome,) = add_reports(layer, [("a.txt", b"date 2024-01-01\n\nText.\n")])
    assert not outcome.ok and "--store" in outcome.message


@pytest.mark.browser
@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian chromium at /usr/bin/chromium")
def test_upload_an_article_and_see_its_claim_in_a_popup(tmp_path, gazetteer, browser):
    from browser_support import Visit
    from playwright.sync_api import Error as PlaywrightError

    _, layer = _layer_with_store(tmp_path, gazetteer)
    with serve(layer, seconds=120) as url:
        visit = Visit(browser, url)
        try:
            assert not any(t.startswith("Belgorod ") for t in visit.tooltips())
            visit.page.get_by_text("Add reports").click()
            visit.page.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(
                str(ARTICLE))
            visit.page.locator('[data-testid="stFileChip"]').first.wait_for(timeout=30_000)
            spinner = visit.page.locator('[data-testid="stFileChipIconSpinner"]')
            deadline = time.time() + 30
            while spinner.count() and time.time() < deadline:  # the upload is done
                time.sleep(0.25)
            visit.page.get_by_role("button", name="Add to the layer").click()
            visit.page.get_by_text(f"{ARTICLE.name}: added").wait_for(timeout=90_000)
            deadline = time.time() + 60
            while time.time() < deadline:  # the rebuilt layer draws a new map frame
                time.sleep(0.5)
                try:
                    visit.map_frame = next(f for f in visit.page.frames if "st_folium" in f.url)
                    if any(t.startswith("Belgorod ") for t in visit.tooltips()):
                        break
                except (StopIteration, PlaywrightError):
                    continue
            text = visit.open_popup("Belgorod")
            assert "Vyacheslav Gladkov" in text and "2022-04-01" in text
            assert visit.outside == [] and visit.dialogs == []
        finally:
            visit.close()
