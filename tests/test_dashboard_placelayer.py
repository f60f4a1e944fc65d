"""dashboard.placelayer: the places reach the browser as JSON data, never as templates."""

from __future__ import annotations

import dataclasses
import json

import pytest
from dashboard_support import HOSTILE, PAYLOAD, SAMPLE, place_groups
from streamlit_folium import _get_feature_group_string

from dashboard.layerdata import Filters, filter_claims, load_layer
from dashboard.mapview import MapOptions, base_map, build_map, place_layers
from dashboard.placelayer import script_safe_json
from dashboard.popups import place_html, tooltip_html

JINJA = "{% if x %} {{ 7 * 7 }} {# note"


@pytest.fixture(scope="module")
def sample():
    return load_layer(SAMPLE)


def group_strings(parts) -> str:
    """The place groups' script exactly as st_folium sends it."""
    return "".join(_get_feature_group_string(group, parts.map, idx)
                   for idx, group in enumerate(parts.layers))


@pytest.mark.parametrize("value", [PAYLOAD, "</script><script>alert(4)</script>",
                                   "<!-- x", "Russia's \"fully liberating\" `a` \\ $"])
def test_script_safe_json_has_no_angle_bracket_and_round_trips(value):
    text = script_safe_json({"popup": value, "places": [value]})
    assert "<" not in text
    assert json.loads(text) == {"popup": value, "places": [value]}


def test_group_data_carries_the_popup_and_tooltip_html_of_each_place(sample):
    view = filter_claims(sample, Filters())
    groups = place_groups(group_strings(build_map(view)))
    kursk = next(p for g in groups for p in g["places"] if p["name"] == "Kursk Oblast")
    entry = view.claims_of("iso:RU-KRS")
    assert kursk["popup"] == place_html(entry.place, [sample.claims[r] for r in entry.rows],
                                        entry.count)
    assert kursk["tooltip"] == tooltip_html(entry.place, entry.count)
    assert kursk["style"] == "region" and groups[0]["styles"]["region"]["fillOpacity"] == 0.15
    assert groups[1]["cluster"]["disableClusteringAtZoom"] == 11  # settlements cluster


def test_popup_lists_at_most_the_configured_number_of_claims(sample):
    view = filter_claims(sample, Filters())
    regions = place_layers(view, MapOptions(popup_claims=2))[0]
    kursk = next(s for s in regions.shapes if s.name == "Kursk Oblast")
    assert kursk.popup.count("<li>") == 2 and "… and 5 more in the side panel" in kursk.popup


def test_article_text_that_looks_like_jinja_is_drawn_literally(sample):
    """folium compiled popup scripts as jinja templates: ``{%`` in a claim crashed the page."""
    claims = tuple(dataclasses.replace(c, text=f"{c.text} {JINJA}")
                   if c.text.startswith("Gerasimov reported") else c for c in sample.claims)
    data = dataclasses.replace(sample, claims=claims)
    script = group_strings(build_map(filter_claims(data, Filters())))
    popups = [p["popup"] for g in place_groups(script) for p in g["places"]]
    assert sum("{% if x %} {{ 7 * 7 }} {# note" in p for p in popups) == 2  # Kursk and Sumy


def test_a_full_folium_page_embeds_each_group_once(sample):
    parts = build_map(filter_claims(sample, Filters()), MapOptions(show_countries=True))
    page = base_map()
    for group in parts.layers:
        group.add_to(page)
    html = page.get_root().render()
    assert html.count("window.claimmapPlaces(") == 3
    assert [p["name"] for g in place_groups(html) for p in g["places"]] == [
        p["name"] for g in place_groups(group_strings(parts)) for p in g["places"]]


def test_hostile_names_reach_leaflet_only_as_data():
    view = filter_claims(load_layer(HOSTILE), Filters())
    script = group_strings(build_map(view))
    assert "<" not in script.split("window.claimmapPlaces(", 1)[1]
    names = sorted(p["name"] for g in place_groups(script) for p in g["places"])
    assert names == sorted(entry.place.name for entry in view.places)  # the alt text, verbatim
