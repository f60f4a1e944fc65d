"""The bundled gazetteer: aliases, ids, geometries, packs, overrides and the on-disk index."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from shapely.geometry import shape

from geo import geometry as geom
from geo.config import GAZETTEER_DIR
from geo.errors import GazetteerError
from geo.gazetteer import Gazetteer, read_pack, sources
from geo.gazetteer.index import fingerprint, open_index
from geo.gazetteer.names import key
from geo.gazetteer.sources import regions

FIXTURES = Path(__file__).parent / "fixtures" / "gazetteer"
KAZACHYA_LOKNYA = (35.2511, 51.2400)


@pytest.mark.parametrize(("name", "place_id"), [
    ("Kursk Oblast", "iso:RU-KRS"), ("Kursk oblast", "iso:RU-KRS"), ("Kursk region", "iso:RU-KRS"),
    ("Kursk territory", "iso:RU-KRS"), ("Kurskaya oblast'", "iso:RU-KRS"),
    ("Kurskaya Oblast", "iso:RU-KRS"), ("Курская область", "iso:RU-KRS"),
    ("Курской области", "iso:RU-KRS"), ("Курська область", "iso:RU-KRS"),
    ("Sumy region", "iso:UA-59"), ("Sumy Oblast", "iso:UA-59"), ("Сумська область", "iso:UA-59"),
    ("Belgorod region", "iso:RU-BEL"), ("Kharkiv Oblast", "iso:UA-63"),
    ("Kazachya Loknya", "theatre:kazachya-loknya"), ("Kazach'ya Loknya", "theatre:kazachya-loknya"),
    ("Kozacha Loknia", "theatre:kazachya-loknya"), ("Казачья Локня", "theatre:kazachya-loknya"),
    ("Kazachia Loknia", "theatre:kazachya-loknya"),
    ("Russia", "iso:RU"), ("Russian Federation", "iso:RU"), ("Ukraine", "iso:UA"),
    ("United States", "iso:US"), ("U.S.", "iso:US"),
    ("Tyotkino", "geonames:483166"), ("Tetkino", "geonames:483166"),
    ("Sudzha", "geonames:486816"), ("Su\u200bdzha", "geonames:486816"),
])
def test_aliases_lead_to_the_place(gazetteer, name, place_id):
    assert gazetteer.lookup(name)[0].id == place_id


@pytest.mark.parametrize("word", ["Russian", "Ukrainian", "North Korean", "Russians", "Kremlin",
                                  "The"])
def test_demonyms_and_common_words_are_not_names(gazetteer, word):
    assert gazetteer.lookup(word) == []


def test_bare_kursk_offers_the_oblast_and_the_city(gazetteer):
    ids = [p.id for p in gazetteer.lookup("Kursk")]
    assert ids == ["iso:RU-KRS", "geonames:538560"]


def test_kazachya_loknya_is_where_the_sources_put_it(gazetteer):
    place = gazetteer.get("theatre:kazachya-loknya")
    lon, lat = place.geometry["coordinates"]
    assert geom.distance_km((lon, lat), KAZACHYA_LOKNYA) < 1.0
    assert place.admin1 == "RU-KRS" and place.kind == "settlement" and not place.approximate
    assert geom.contains(gazetteer.get("iso:RU-KRS").geometry, lon, lat)


def test_loknya_namesakes_stay_distinct(gazetteer):
    by_region = {p.admin1 for p in gazetteer.lookup("Loknya")}
    assert {"RU-PSK", "UA-59"} <= by_region
    assert "theatre:kazachya-loknya" not in {p.id for p in gazetteer.lookup("Loknya")}


@pytest.mark.parametrize("place_id", ["iso:RU-KRS", "iso:UA-59", "iso:RU", "iso:UA", "iso:US"])
def test_regions_and_countries_are_valid_rfc7946_areas(gazetteer, place_id):
    geometry = gazetteer.get(place_id).geometry
    assert geometry["type"] in ("Polygon", "MultiPolygon")
    polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    for polygon in polygons:
        exterior = shape({"type": "Polygon", "coordinates": [polygon[0]]}).exterior
        assert exterior.is_ccw
        for ring in polygon[1:]:
            assert not shape({"type": "Polygon", "coordinates": [ring]}).exterior.is_ccw
        assert all(len(str(c).split(".")[-1]) <= 6 for ring in polygon for pt in ring for c in pt)
    assert shape(geometry).is_valid


def test_katottg_village_without_a_point_is_at_its_hromadas_centroid(gazetteer):
    place = gazetteer.get("katottg:UA59020050060010690")  # Viazove, Konotop raion: no point
    hromada = gazetteer.get("codab:UA5902005")  # its hromada, COD-AB centroid
    assert place.kind == "settlement" and place.approximate and place.precision == "hromada"
    assert place.geometry == hromada.geometry and place.source == "katottg"


def test_unknown_id_is_a_key_error(gazetteer):
    with pytest.raises(KeyError):
        gazetteer.get("geonames:0")


def test_region_at_finds_the_oblast(gazetteer):
    assert gazetteer.region_at(*KAZACHYA_LOKNYA).id == "iso:RU-KRS"
    assert gazetteer.region_at(2.35, 48.85) is None


def test_warm_load_reuses_the_index_without_reading_sources(gazetteer, monkeypatch):
    def fail(*_args):
        raise AssertionError("sources were read again")

    monkeypatch.setattr(sources, "read_geonames", fail)
    again = Gazetteer.load()
    assert again.path == gazetteer.path and again.path.exists()
    assert again.lookup("Kursk Oblast")[0].id == "iso:RU-KRS"


@pytest.mark.parametrize(("text", "expected"), [
    ("Kazach\u2019ya  Loknya", "kazachya loknya"), ("Nikolayevo-Darino", "nikolayevo darino"),
    ("\u200fТёткино\u200e", "теткино"), ("U.S.", "u s"),
])
def test_key_ignores_case_accents_apostrophes_and_invisible_marks(text, expected):
    assert key(text) == expected


# --- packs, overrides and the index, on a small record set (no 235k-place rebuild) -----

@pytest.fixture(scope="module")
def small_records():
    admin1 = regions.read_admin1(GAZETTEER_DIR)
    return admin1, admin1 + sources.read_theatre(GAZETTEER_DIR, admin1)


def _small_gazetteer(tmp_path, records) -> Gazetteer:
    conn, path = open_index(tmp_path, "k" * 64, lambda: sources.merge(records))
    return Gazetteer(conn, path, 0.0)


def test_user_pack_rows_with_and_without_coordinates(small_records, tmp_path):
    admin1, records = small_records
    regions = {r.place.admin1: r.place for r in admin1}
    pack = read_pack(FIXTURES / "user_pack.csv", regions, {})
    gaz = _small_gazetteer(tmp_path, records + pack)
    village = gaz.lookup("Novy Put")[0]
    assert village.id == "user:user_pack:novyi-put" and village.source == "user:user_pack.csv"
    assert village.geometry == {"type": "Point", "coordinates": [35.3, 51.21]}
    hidden = gaz.lookup("Khutor Bezymyanny")[0]
    assert hidden.approximate and hidden.geometry == regions["RU-KRS"].geometry


def test_overrides_win_over_every_source(small_records, tmp_path):
    admin1, records = small_records
    regions = {r.place.admin1: r.place for r in admin1}
    override = read_pack(FIXTURES / "overrides.csv", regions, {}, override=True)
    gaz = _small_gazetteer(tmp_path, records + override)
    assert gaz.lookup("Sudzha")[0].source == "user:overrides.csv"


def test_override_with_an_existing_id_replaces_that_place(small_records, tmp_path):
    admin1, records = small_records
    regions = {r.place.admin1: r.place for r in admin1}
    existing = {r.place.id: r.place for r in records}
    path = tmp_path / "overrides.csv"
    path.write_text("id,name,lat,lon\ntheatre:gornal,Gornal,51.0,35.0\n", encoding="utf-8")
    gaz = _small_gazetteer(tmp_path, records + read_pack(path, regions, existing, override=True))
    place = gaz.get("theatre:gornal")
    assert place.geometry["coordinates"] == [35.0, 51.0] and place.admin1 == "RU-KRS"


@pytest.mark.parametrize(("name", "line", "message"), [
    ("bad_coordinates.csv", 3, "bad coordinates"), ("no_name_column.csv", 1, "missing column"),
])
def test_malformed_pack_names_file_and_line(small_records, name, line, message):
    admin1, _ = small_records
    with pytest.raises(GazetteerError) as info:
        read_pack(FIXTURES / name, {r.place.admin1: r.place for r in admin1}, {})
    assert info.value.line == line and message in info.value.message
    assert info.value.path.endswith(name)


def test_missing_source_is_a_gazetteer_error(tmp_path):
    with pytest.raises(GazetteerError, match="not found"):
        Gazetteer.load(data_dir=tmp_path, cache_dir=tmp_path)


def test_corrupt_index_is_rebuilt_with_a_warning(small_records, tmp_path):
    _, records = small_records
    key = "c" * 64
    (tmp_path / f"gazetteer-{key[:24]}.sqlite").write_bytes(b"this is not sqlite" * 100)
    with pytest.warns(UserWarning, match="corrupt gazetteer index"):
        conn, _ = open_index(tmp_path, key, lambda: sources.merge(records))
    assert Gazetteer(conn, None, 0).lookup("Gornal")[0].id == "theatre:gornal"


def test_stale_index_is_rebuilt_with_a_warning(small_records, tmp_path):
    _, records = small_records
    open_index(tmp_path, "a" * 64, lambda: sources.merge(records))
    newer = "a" * 24 + "b" * 40  # same file name, other fingerprint: a stale or foreign file
    with pytest.warns(UserWarning, match="stale gazetteer index"):
        conn, _ = open_index(tmp_path, newer, lambda: sources.merge(records))
    assert conn.execute("SELECT v FROM meta WHERE k = 'fingerprint'").fetchone()[0] == newer


def test_unwritable_cache_falls_back_to_memory(small_records, tmp_path):
    _, records = small_records
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a file where the cache folder should be")
    with pytest.warns(UserWarning, match="cannot write the gazetteer index"):
        conn, path = open_index(blocker, "d" * 64, lambda: sources.merge(records))
    assert path is None
    assert Gazetteer(conn, None, 0).lookup("Kursk Oblast")[0].id == "iso:RU-KRS"


def test_fingerprint_changes_with_any_source_byte(tmp_path):
    path = tmp_path / "pack.csv"
    path.write_text("name,lat,lon\nA,1,2\n")
    before = fingerprint([path])
    path.write_text("name,lat,lon\nA,1,3\n")
    assert fingerprint([path]) != before


def test_fingerprint_changes_with_the_rules_the_sources_read(tmp_path):
    path = tmp_path / "pack.csv"
    path.write_text("name,lat,lon\nA,1,2\n")
    assert fingerprint([path], sources.RULES_READ) != fingerprint([path], sources.RULES_READ + "x")


def test_index_file_is_sqlite_with_fingerprint(gazetteer):
    conn = sqlite3.connect(f"file:{gazetteer.path}?mode=ro", uri=True)
    row = conn.execute("SELECT v FROM meta WHERE k = 'fingerprint'").fetchone()
    assert gazetteer.path.name.startswith(f"gazetteer-{row[0][:24]}")


# --- the in-memory caches that make a build fast ------------------------------------------

@pytest.mark.parametrize("place_id", ["iso:RU-KRS", "iso:UA-59", "iso:RU", "iso:UA", "iso:US"])
def test_candidate_point_of_a_polygon_lies_inside_it(gazetteer, place_id):
    place = gazetteer.get(place_id)
    cand = next(c for c in gazetteer.candidates(place.name) if c.place.id == place_id)
    assert shape(place.geometry).contains(shape({"type": "Point", "coordinates": cand.lonlat}))
    assert cand.lonlat == geom.representative_lonlat(place.geometry)


def test_candidate_point_of_a_settlement_is_its_own_point(gazetteer):
    cand = gazetteer.candidates("Kazachya Loknya")[0]
    assert cand.lonlat == tuple(cand.place.geometry["coordinates"])


def test_places_sharing_a_polygon_share_one_parsed_geometry(gazetteer):
    office = gazetteer.get("postal:RU-BEL-belgorod-dti")  # a postal place with no raion or point
    assert office.precision == "region" and office.geometry is gazetteer.get("iso:RU-BEL").geometry


def test_cached_candidates_are_a_fresh_list_each_time(gazetteer):
    first = gazetteer.candidates("Sudzha")
    first.clear()
    again = gazetteer.candidates("Sudzha")
    assert again and again[0].place.id == "geonames:486816"
    assert again == gazetteer.candidates("SUDZHA")


@pytest.mark.parametrize("name", ["Sudzha", "Kursk", "Syrsky", "Zzyzxovka", "the"])
def test_knows_agrees_with_candidates(gazetteer, name):
    assert gazetteer.knows(name) == bool(gazetteer.candidates(name))


def test_a_gazetteer_never_answers_from_another_ones_memo(gazetteer, small_records, tmp_path):
    """``knows`` is memoised per surface: the memo belongs to the instance, so a small
    gazetteer asked after the bundled one (and before it again) gives its own answers."""
    _, records = small_records
    small = _small_gazetteer(tmp_path, records)
    assert gazetteer.knows("Paris") and gazetteer.knows("Gornal")
    assert not small.knows("Paris") and small.knows("Gornal")
    assert gazetteer.knows("Paris")


def test_nearest_km_is_the_minimum_great_circle_distance():
    points = {KAZACHYA_LOKNYA, (35.26, 51.19), (36.19, 51.73), (34.8, 50.91)}  # Loknya, Sudzha, Kursk, Sumy
    here = (35.3, 51.2)
    assert geom.nearest_km(here, geom.prepare_points(points)) == min(
        geom.distance_km(here, p) for p in points)
    assert geom.nearest_km(here, geom.prepare_points(set())) == 1e9


@pytest.mark.parametrize(("sentence", "start_word", "expected"), [
    ("According to Sternenko, the war crime took place in the village of Kazachya Loknya, "
     "Kursk Oblast.", "Kazachya", ["war", "crime", "took", "place", "in", "the", "village", "of"]),
    ("Gerasimov reported that Russian forces had reclaimed over 1,000 square kilometers of Kursk "
     "Oblast in the past five days.", "Kursk", ["reclaimed", "over", "square", "kilometers", "of"]),
    ("It was the first visit. Putin\u2019s statements came after the offensive in Kursk.", "Kursk",
     ["putin", "statements", "came", "after", "the", "offensive", "in"]),
])
def test_token_window_is_the_words_before_in_the_same_sentence(sentence, start_word, expected):
    from geo.places.spotting import token_window

    assert token_window(sentence, sentence.rindex(start_word))[-len(expected):] == expected
    assert len(token_window(sentence, sentence.rindex(start_word))) <= 8
