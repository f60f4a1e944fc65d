"""The theatre-wide sources (issue 15): every Ukrainian settlement, Who's On First names, COD-AB
centroids, the Russian border oblasts' postal places and raions, landmarks.

Real positions are the data's own (data/gazetteer/SOURCES.md §B checks, and the curated
theatre file for Kazachya Loknya); the bundled gazetteer answers, never a mock.
"""

from __future__ import annotations

import pytest

from geo import config
from geo import geometry as geom
from geo.gazetteer import sources

KAZACHYA_LOKNYA = (35.251111, 51.24)  # curated theatre row (INID), 5.5 km N of Sudzha


def _best(gazetteer, name):
    return gazetteer.candidates(name)[0]


@pytest.mark.parametrize("name,old_name", [
    ("Bakhmut", "Artemivsk"),          # 2016 rename: GeoNames' alternate name
    ("Krynychne", "Lastochkyne"),      # 2024 rename: the Who's On First record's name
    ("Robotyne", "Rabotino"),          # the Russian form reports use (ua_name_forms.csv)
    ("Ocheretyne", "Ocheretino"), ("Krynky", "Krinki"), ("Avdiivka", "Avdeyevka"),
    ("Avdiivka", "Avdiyivka"), ("Kupiansk", "Kupyansk"), ("Vovchansk", "Волчанск"),
    ("Chasiv Yar", "Часів Яр"),
])
def test_every_name_reports_use_finds_one_place(gazetteer, name, old_name):
    wanted = {c.place.id for c in gazetteer.candidates(old_name) if c.place.kind == "settlement"}
    assert _best(gazetteer, old_name).place.id in {c.place.id for c in gazetteer.candidates(name)}
    assert wanted


def test_the_renamed_village_is_at_its_own_point_under_its_new_name(gazetteer):
    place = _best(gazetteer, "Lastochkyne").place  # KATOTTG: Криничне, Ocheretyne hromada
    assert place.name == "Krynychne" and place.precision == "settlement"
    assert geom.distance_km(tuple(place.geometry["coordinates"]), (37.68145, 48.14824)) < 0.1


def test_curated_rows_win_over_the_postal_layer(gazetteer):
    found = [c for c in gazetteer.candidates("Kazachya Loknya") if c.place.admin1 == "RU-KRS"]
    assert [c.place.id for c in found] == ["theatre:kazachya-loknya"]
    assert geom.distance_km(found[0].lonlat, KAZACHYA_LOKNYA) < 1.0


def test_a_usable_postal_place_is_a_settlement_point(gazetteer):
    place = _best(gazetteer, "Sverdlikovo").place  # postal accuracy 4, 51.2511 N 35.1178 E
    assert place.precision == "settlement" and not place.approximate
    assert geom.distance_km(tuple(place.geometry["coordinates"]), (35.1178, 51.2511)) < 1.0


def test_an_estimated_postal_place_is_at_its_raions_centroid(gazetteer):
    places = [c.place for c in gazetteer.candidates("Malaya Loknya") if c.place.admin1 == "RU-KRS"]
    # the curated row is kept; the postal estimate (accuracy 1) merged into it, not drawn apart
    assert [p.id for p in places] == ["theatre:malaya-loknya"]
    estimate = next(c.place for c in gazetteer.candidates("Ivnitsa") if c.place.admin1 == "RU-KRS"
                    and c.place.source == "geonames_postal" and c.place.approximate)
    assert estimate.precision == "district" and estimate.geometry["type"] == "Point"


@pytest.mark.parametrize("name,admin1,country", [
    ("Sudzhansky District", "RU-KRS", "RU"), ("Sudzhanskiy Rayon", "RU-KRS", "RU"),
    ("Korenevsky district", "RU-KRS", "RU"), ("Krasnoyaruzhsky district", "RU-BEL", "RU"),
    ("Grayvoronsky municipal district", "RU-BEL", "RU"), ("Суджанский район", "RU-KRS", "RU"),
    ("Pokrovsk raion", "UA-14", "UA"), ("Pokrovskyi district", "UA-14", "UA"),
    ("Pavlohrad district", "UA-12", "UA"), ("Ocheretyne hromada", "UA-14", "UA"),
    ("Покровський район", "UA-14", "UA"), ("Yasynuvata raion", "UA-14", "UA"),
])
def test_districts_are_admin2_places_at_a_centroid(gazetteer, name, admin1, country):
    cand = _best(gazetteer, name)
    assert cand.place.kind == "admin2" and cand.typed
    assert (cand.place.admin1, cand.place.country) == (admin1, country)
    assert cand.place.precision == "district" and cand.place.approximate


def test_a_district_centroid_lies_by_its_centre(gazetteer):
    sudzha = _best(gazetteer, "Sudzha").lonlat
    assert geom.distance_km(_best(gazetteer, "Sudzhansky District").lonlat, sudzha) < 15


def test_a_bare_centre_town_is_not_its_district(gazetteer):
    assert all(c.place.kind == "settlement" for c in gazetteer.candidates("Pokrovsk", loose=False))


@pytest.mark.parametrize("name,place_id", [
    ("Zaporizhzhia nuclear plant", "other:zaporizhzhia-npp"), ("ZNPP", "other:zaporizhzhia-npp"),
    ("Kerch bridge", "other:crimean-bridge"), ("Dnieper", "other:dnipro-river"),
    ("Oskil River", "other:oskil-river"), ("Siversky Donets", "other:siverskyi-donets"),
])
def test_landmarks_are_places_of_kind_other(gazetteer, name, place_id):
    assert _best(gazetteer, name).place.id == place_id
    assert gazetteer.get(place_id).kind == "other"


def test_bare_dnipro_is_still_the_city(gazetteer):
    assert _best(gazetteer, "Dnipro").place.kind == "settlement"


def test_every_katottg_settlement_is_placed_below_its_oblast(gazetteer):
    rows = gazetteer._conn.execute(
        "SELECT precision, COUNT(*) FROM places WHERE source = 'katottg' GROUP BY precision").fetchall()
    assert {precision for precision, _ in rows} <= {"settlement", "hromada", "district"}


def test_katottg_rows_come_from_the_2025_codifier():
    assert len(sources.read_tables(config.GAZETTEER_DIR).settlements) == 29_705
