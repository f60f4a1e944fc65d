"""Which word sets of a corpus are near-identical, without comparing every pair.

Why: corroboration asks, for one speaker's claims, which two texts share
``threshold`` of their words (Jaccard). Comparing all pairs is quadratic: 5,000 copies of one
wire sentence took a minute. Two exact filters keep it near linear:

* identical sets are one set (wire copy is mostly identical after the word filter);
* prefix filtering (Chaudhuri et al. 2006; Bayardo et al. 2007): with each set's words in one
  global order, rarest first, two sets reaching ``threshold`` must share a word among the first
  ``|s| - ceil(threshold·|s|) + 1`` of each, so only sets sharing a prefix word are compared.

Both are exact: the pairs found are the pairs an all-pairs comparison finds.
"""

from __future__ import annotations

import math
from collections import Counter
from typing import Sequence


def jaccard_at_least(a: frozenset[str], b: frozenset[str], threshold: float) -> bool:
    """``|a ∩ b| ≥ threshold · |a ∪ b|``, the test every found pair passes."""
    shared = len(a & b)
    return shared >= threshold * (len(a) + len(b) - shared)


def similar_pairs(sets: Sequence[frozenset[str]], threshold: float) -> list[tuple[int, int]]:
    """Index pairs ``(i, j)``, ``i < j``, of distinct non-empty ``sets`` whose Jaccard
    similarity is at least ``threshold`` (0 < threshold ≤ 1), sorted."""
    frequency = Counter(word for words in sets for word in words)
    index: dict[str, list[int]] = {}
    found: set[tuple[int, int]] = set()
    for j, words in enumerate(sets):
        ordered = sorted(words, key=lambda w: (frequency[w], w))
        prefix = ordered[:len(ordered) - math.ceil(threshold * len(ordered)) + 1]
        candidates = {i for word in prefix for i in index.get(word, ())}
        found.update((i, j) for i in candidates if jaccard_at_least(sets[i], words, threshold))
        for word in prefix:
            index.setdefault(word, []).append(j)
    return sorted(found)
