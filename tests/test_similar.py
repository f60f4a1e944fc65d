"""Near-identical word sets (geo.analysis.similar): the filtered search finds exactly the pairs
an all-pairs comparison finds, and wire copy in many reports is one corroboration."""

import datetime as dt
from itertools import combinations

from hypothesis import given, settings, strategies as st

from geo.analysis.compare import Item, compare
from geo.analysis.similar import jaccard_at_least, similar_pairs

WORDS = st.frozensets(st.sampled_from("abcdefghij"), min_size=1, max_size=8)


@settings(max_examples=300, deadline=None)
@given(st.lists(WORDS, max_size=12, unique=True), st.sampled_from([0.5, 0.8, 1.0]))
def test_the_filtered_search_finds_the_pairs_all_pairs_find(sets, threshold):
    brute = [(i, j) for i, j in combinations(range(len(sets)), 2)
             if jaccard_at_least(sets[i], sets[j], threshold)]
    assert similar_pairs(sets, threshold) == brute


def _item(index: int, article: str, text: str) -> Item:
    day = dt.date(2025, 3, 13)
    return Item(f"c{index}", article, "Sternenko", text, 0, (day, day), False, frozenset({"RU-KRS"}),
                frozenset({"RU"}), False, frozenset({("p", "RU-KRS")}), frozenset({"p"}), ())


def test_wire_copy_in_many_reports_is_one_corroboration_of_all():
    text = "the war crime took place in the village of Kazachya Loknya in Kursk Oblast"
    items = [_item(i, f"a{i // 2}", text) for i in range(3000)]
    found = compare(items)
    assert [c.kind for c in found] == ["corroboration"]
    assert len(found[0].claims) == 3000
