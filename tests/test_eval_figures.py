"""The figures scorer (tests/eval_figures.py): matching, and its held-out discipline."""

from __future__ import annotations

import eval_figures
from geo.model import Figure


def test_a_figure_matches_in_either_of_its_units():
    figure = Figure(0, 22, "3 miles (5 kilometers)", 3.0, "mi", None, None, ((5.0, "km"),))
    assert eval_figures._same_value(5, figure) and eval_figures._same_value(3, figure)
    assert not eval_figures._same_value(4, figure)


def test_the_report_lists_no_held_out_figure():
    tallies = eval_figures.evaluate(details=True)
    assert tallies["tune"].details and not tallies["heldout"].details
    assert tallies["heldout"].gold > 0 and tallies["tune"].gold > 0
    text = eval_figures.report(tallies)
    assert text.splitlines()[2].startswith("heldout") and len(text.splitlines()) == 3 + len(
        tallies["tune"].details)
