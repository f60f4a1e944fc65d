"""The real-corpus scorer (tests/eval_real.py): its place judgement, and its held-out discipline.

Why: ``make eval`` prints the corpus's held-out parts beside the tuning parts; they must stay
figures and error-class counts, or reading the report would be tuning on them."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import eval_real  # noqa: E402

KHARKIV = {"kind": "settlement", "country": "UA", "admin1": "UA-63", "lat": 49.98, "lon": 36.25}


def test_a_settlement_is_right_within_ten_km_and_at_its_level():
    assert eval_real.right_place(KHARKIV, {"kind": "settlement", "country": "UA", "admin1": "UA-63",
                                           "lonlat": (36.3, 50.0)}) == (True, "")
    assert eval_real.right_place(KHARKIV, {"kind": "admin1", "country": "UA", "admin1": "UA-63",
                                           "lonlat": (36.3, 50.0)})[1] == "wrong level (settlement read as admin1)"
    assert eval_real.right_place(KHARKIV, None)[1] == "recognised but unresolved"


def test_a_continent_may_be_read_as_a_continent_or_an_area_within_1000_km():
    europe = {"kind": "continent", "country": None, "admin1": None, "lat": 48.7, "lon": 9.1}
    assert eval_real.right_place(europe, {"kind": "continent", "country": None, "admin1": None,
                                          "lonlat": (15.0, 50.0)})[0]
    assert not eval_real.right_place(europe, {"kind": "settlement", "country": "US", "admin1": None,
                                              "lonlat": (9.1, 48.7)})[0]


def test_the_report_lists_no_held_out_detail(gazetteer):
    parts = eval_real.evaluate(gazetteer)
    assert {"war/tune", "war/heldout", "world/tune", "world/heldout"} <= set(parts)
    assert all(not tally.details for name, tally in parts.items() if name.endswith("heldout"))
    assert any(tally.details for name, tally in parts.items() if name.endswith("tune"))
    section, listed = None, {}
    for line in eval_real.report(parts, details=True).splitlines():
        if line.startswith("-- "):
            section = line[3:]
            listed[section] = 0
        elif section is not None:
            listed[section] += 1
    assert listed["war/heldout"] == listed["world/heldout"] == 0 < listed["war/tune"]
