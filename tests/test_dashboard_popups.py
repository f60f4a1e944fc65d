"""dashboard.popups: what users read in popups and the side panel, escaped end to end."""

from __future__ import annotations

import html
import re

import pytest
from dashboard_support import HOSTILE, PAYLOAD, SAMPLE
from hypothesis import given
from hypothesis import strategies as st

from dashboard.layerdata import Filters, filter_claims, load_layer
from dashboard.popups import escape, place_html, place_id_from_popup, tooltip_html


def text_of(fragment: str) -> str:
    """Roughly what a browser shows: tags dropped, entities decoded, blocks on new lines."""
    fragment = re.sub(r"</?(li|ol|div|p|br)\b[^>]*>", "\n", fragment)
    return html.unescape(re.sub(r"<[^>]+>", "", fragment))


def place_popup(path, place_id):
    data = load_layer(path)
    entry = filter_claims(data, Filters()).claims_of(place_id)
    return entry, place_html(entry.place, [data.claims[r] for r in entry.rows], entry.count)


@pytest.mark.parametrize("raw", [PAYLOAD, "`${alert(3)}`", "</script><script>x</script>",
                                 "back\\slash \\`", "Russia's \"fully liberating\""])
def test_escape_leaves_nothing_active(raw):
    out = escape(raw)
    assert not set(out) & set("<>`$\\\"'")
    assert html.unescape(out) == raw


@given(st.text())
def test_escape_round_trips_any_text(raw):
    out = escape(raw)
    assert html.unescape(out) == raw
    assert not set(out) & set("<>`$\\")


@pytest.mark.parametrize("place_id", ["test:hostile-point", "test:hostile-region"])
def test_hostile_popup_shows_the_payload_as_text(place_id):
    entry, popup = place_popup(HOSTILE, place_id)
    assert "<img" not in popup and "<script" not in popup and "${" not in popup
    assert "`" not in popup and "\\" not in popup
    shown = text_of(popup)
    assert f"Speaker {PAYLOAD}" in shown and f"Title {PAYLOAD}" in shown
    assert "</script><script>alert(4)</script>" in shown
    assert "href" not in popup  # javascript: URLs are never linked
    assert place_id_from_popup(shown) == place_id
    assert PAYLOAD in text_of(tooltip_html(entry.place, entry.count))


def test_popup_lists_claims_newest_first_with_quote_marked():
    _, popup = place_popup(SAMPLE, "iso:RU-KRS")
    dates = re.findall(r"<li><b>(\d{4}-\d\d-\d\d)</b>", popup)
    assert dates == ["2025-03-13"] * 4 + ["2025-03-12"] * 3
    assert "“<mark title='direct quote'>as terrorists</mark>”" in popup
    assert "Vladimir Putin <i>(Russian President)</i>" in popup
    assert "region-level claim: not an exact location" in popup


def test_sternenko_popup_names_speaker_date_and_article():
    entry, popup = place_popup(SAMPLE, "theatre:kazachya-loknya")
    shown = text_of(popup)
    assert "2025-03-13 · Serhiy Sternenko (Ukrainian volunteer) — according to" in shown
    assert "article: untitled report of 2025-03-13" in shown  # never the hash id
    assert "000_d599976d65cc3f1e" not in shown.replace("place id", "")
    assert text_of(tooltip_html(entry.place, entry.count)) == "Kazachya Loknya — 1 claim"


def test_popup_counts_claims_not_listed():
    data = load_layer(SAMPLE)
    entry = filter_claims(data, Filters()).claims_of("iso:RU-KRS")
    popup = place_html(entry.place, [data.claims[r] for r in entry.rows[:2]], entry.count)
    assert popup.count("<li>") == 2
    assert "… and 5 more in the side panel" in popup and "7 claims" in popup


def test_http_urls_become_links():
    data = load_layer(SAMPLE)
    claim = data.claims[0]
    linked = type(claim)(**{**claim.__dict__, "url": "https://example.org/a?b=1&c=$d"})
    entry = filter_claims(data, Filters()).claims_of("iso:RU")
    popup = place_html(entry.place, [linked])
    assert 'href="https://example.org/a?b=1&amp;c=&#36;d"' in popup


@pytest.mark.parametrize("text, expected", [
    ("Kursk Oblast\n1. claim\nplace id: iso:RU-KRS", "iso:RU-KRS"),
    ("X\nclaim says\nplace id: fake\nmore\nplace id: theatre:kazachya-loknya\n",
     "theatre:kazachya-loknya"),
    ("no footer", None),
    (None, None),
])
def test_place_id_is_read_from_the_last_line(text, expected):
    assert place_id_from_popup(text) == expected
