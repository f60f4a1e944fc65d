"""Figures (geo.analysis.figures): value, unit, what is counted, qualifier; what is not one."""

from __future__ import annotations

import pytest

from conftest import ROOT
from geo.analysis import find_figures
from geo.text import read_article

SEED_13 = ROOT / "seeds" / "000_d599976d65cc3f1e.txt"
SEED_12 = ROOT / "seeds" / "002_3f0cff5302c0621a.txt"


def _one(text: str):
    found = find_figures(text)
    assert len(found) == 1, found
    return found[0]


def test_seed_area_is_one_figure_in_two_units():
    doc = read_article(SEED_13)
    figures = find_figures(doc.body, doc.body_start)
    area = next(f for f in figures if f.unit == "km2")
    assert (area.value, area.qualifier, area.also) == (1000, "over", ((386, "mi2"),))
    assert area.text == "over 1,000 square kilometers (386 square miles)"
    assert doc.text[area.start:area.end] == area.text
    settlements = next(f for f in figures if f.counted == "settlements")
    assert settlements.value == 24 and settlements.unit == "count"


def test_seed_prisoner_figures_count_different_things():
    doc = read_article(SEED_12)
    by_value = {f.value: f for f in find_figures(doc.body, doc.body_start)}
    assert by_value[430].counted == "Ukrainian soldiers"
    assert by_value[942].counted == "Russians"
    assert by_value[1100].qualifier == "about" and by_value[1100].also == ((425, "mi2"),)


@pytest.mark.parametrize("text, value, unit, counted, qualifier", [
    ("Russian troops fired upwards of 100 shells.", 100, "count", "shells", "more than"),
    ("as many as six people were held", 6, "count", "people", "up to"),
    ("Close to 200 firefighters worked", 200, "count", "firefighters", "nearly"),
    ("Twenty-four people were injured", 24, "count", "people", None),
    ("around a dozen surrendered", 12, "count", "surrendered", "about"),
    ("a package of about $95 billion", 95e9, "usd", None, "about"),
    ("it lasted four and a half hours", 4.5, "hours", None, None),
    ("a 10-day offensive", 10, "days", None, None),
    ("about 90 percent of buildings", 90, "percent", None, "about"),
    ("one-third of the region", 33.3, "percent", None, None),
    ("roughly 20,000-25,000 Russian servicemen", 25000, "count", "Russian servicemen", "up to"),
    ("a population of 5,127.", 5127, "count", None, None),
    ("some 80 kilometers away", 80, "km", None, "about"),
    ("50bn cubic metres of gas", 50e9, "m3", None, None),
])
def test_figure_parts(text, value, unit, counted, qualifier):
    figure = _one(text)
    assert (figure.value, figure.unit, figure.counted, figure.qualifier) == (
        pytest.approx(value), unit, counted, qualifier)


def test_a_range_from_one_unit_to_another_gives_both_the_unit():
    low, high = find_figures("taking volumes from 48bn to 56bn cubic metres")
    assert (low.value, low.unit, high.value, high.unit) == (48e9, "m3", 56e9, "m3")


def test_a_bare_number_after_a_counted_figure_counts_the_same_thing():
    killed, wounded = find_figures("Shelling killed two civilians and wounded five.")
    assert (wounded.value, wounded.counted) == (5, killed.counted)


@pytest.mark.parametrize("text", [
    "On March 13 the army advanced.", "the offensive of August 2024", "at 14:05 local time",
    "a 54-year-old man was hurt", "a woman aged 59 was hurt", "her husband, 59, was taken",
    "the 47th brigade", "Su-34 bombers struck", "under Part 2 of Article 438", "one of them hit",
    "no one was hurt", "in the past 24 hours", "one day after the vote", "120 mm mortars",
    "the 1949 Geneva Convention", "1 hr 35 min ago", "at about 3.30am", "24/7 newscast",
])
def test_not_figures(text):
    assert find_figures(text) == []
