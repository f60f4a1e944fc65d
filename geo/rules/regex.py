"""Regular expressions of many words: the rule tables become patterns through these two.

Why apart from the loader: they are grammar-free helpers every stage uses on the tables'
words (``rules.alternation(rules.words("day"))``), and the loader is long enough already.
"""

from __future__ import annotations

import re


def alternation(entries, space: str = r"\s+") -> str:
    """A regex alternation of ``entries`` (sorted, escaped), a space in a phrase written as
    ``space`` (a regex)."""
    return "|".join(space.join(re.escape(part) for part in entry.split(" "))
                    for entry in sorted(entries))


def trie(entries) -> str:
    """One regex for many words, shared prefixes factored out ("sa(?:id|y(?:ing|s)?)"): a
    plain alternation of a hundred words tries each one at every position, this tries one
    letter. At a position it matches the longest entry first, as an alternation sorted
    longest-first does (backtracking to shorter ones when what follows does not fit)."""
    tree: dict = {}
    for entry in entries:
        node = tree
        for char in entry:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict) -> str:
        branches = [re.escape(char) + build(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(tree)
