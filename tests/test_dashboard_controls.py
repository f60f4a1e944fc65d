"""dashboard.controls: the article filter lists a bounded set of articles, never dropping one."""

from __future__ import annotations

import datetime as dt

import pytest
from dashboard_support import SAMPLE, run_app

from dashboard import controls
from dashboard.controls import Choices, article_options, url_choices
from dashboard.layerdata import load_layer

D12, D13 = dt.date(2025, 3, 12), dt.date(2025, 3, 13)
A13, A12 = "000_d599976d65cc3f1e", "002_3f0cff5302c0621a"  # dated 13 and 12 March
LABEL12 = "2025-03-12 · untitled report “Russia's forces have retaken 24 settlements in the…”"


@pytest.fixture(scope="module")
def sample():
    return load_layer(SAMPLE)


@pytest.mark.parametrize("start, end, chosen, limit, expected", [
    (None, None, set(), 300, ([A13, A12], 2)),
    (None, None, set(), 1, ([A13], 2)),               # the newest first
    (None, None, {A12}, 1, ([A13, A12], 2)),           # a chosen article stays listed
    (D12, D12, set(), 300, ([A12], 1)),
    (D13, None, {"not-an-article"}, 300, ([A13], 1)),  # unknown ids are not options
    (dt.date(2025, 3, 14), None, set(), 300, ([], 0)),
])
def test_article_options(sample, start, end, chosen, limit, expected):
    assert article_options(sample, start, end, chosen, limit) == expected


def test_a_url_article_beyond_the_list_is_still_applied(monkeypatch):
    monkeypatch.setattr(controls, "ARTICLE_OPTIONS", 1)
    label = "2025-03-12 · untitled report “Russia's forces have retaken 24 settlements in the…”"
    page = run_app(monkeypatch, SAMPLE, {"article": label})
    assert not page.exception
    assert page.multiselect(key="article").value == [A12]
    assert "showing 5 of 10 claims" in page.caption[0].value
    assert any("Lists the 1 newest of 2 articles" in c.value for c in page.sidebar.caption)


@pytest.mark.parametrize("query, expected", [
    ({}, Choices()),
    ({"speaker": ["Vladimir Putin", "Nobody", "Valery Gerasimov"]},
     Choices(speakers=("Valery Gerasimov", "Vladimir Putin"))),
    ({"source": ["(outlet not named)"], "article": [LABEL12, A13, "nothing"]},
     Choices(sources=("(outlet not named)",), articles=(A13, A12))),  # by label or by id
    ({"hide_reporter": ["TRUE"], "countries": ["true", "false"], "tiles": ["yes"]},
     Choices(hide_reporter=True)),                        # the last value; only "true" is on
])
def test_url_choices_keep_known_options_and_true_flags(sample, query, expected):
    assert url_choices(sample, lambda key: query.get(key, [])) == expected
