"""Reporting verbs: which words introduce what someone said, in all their written forms.

Why a table of lemmas and not a list of forms: news copy uses the present in bulletins
and liveblogs ("reports", "informs", "calls"), the past in wires ("said", "assessed"),
the participle after a comma ("…, saying that …"); listing a lemma once gives all of them.
A bare form that is mostly a noun ("report", "claim") is left out, as are inflected forms
that are mostly nouns in news copy ("states", "estimates").
"""

from __future__ import annotations

import re

_LEMMAS = """say:says:said:saying tell:tells:told:telling write:writes:wrote:writing add declare claim
    emphasize emphasise stress report disclose brief state announce insist note warn suggest confirm
    deny express praise urge order propose assert post accuse argue acknowledge admit:admits:admitted:admitting
    explain predict promise vow threaten allege estimate reveal reply answer ask inform assess call
    maintain concede contend conclude""".split()
"""Reporting verbs: a lemma, or ``lemma:3sg:past:ing`` when the forms are irregular."""

_NOUN_LIKE = frozenset("""claim report stress brief state note order post promise vow reply answer
    estimate call praise express""".split())
"""Lemmas whose bare form is mostly a noun ("a report", "the claim"): only inflected forms count."""

_NOT_VERBS = frozenset("""states posts orders stating posting promising estimates promises vows
    answers replies briefs praises""".split())
"""Inflected forms that are far more often nouns or adjectives in news copy."""


def _inflect(entry: str) -> tuple[str, ...]:
    """All written forms of one lemma entry, e.g. ``deny`` → deny, denies, denied, denying."""
    if ":" in entry:
        return tuple(entry.split(":"))
    stem = entry[:-1]
    if entry.endswith("y") and entry[-2] not in "aeiou":
        return entry, stem + "ies", stem + "ied", entry + "ing"
    if entry.endswith("e"):
        return entry, entry + "s", entry + "d", stem + "ing"
    plural = entry + ("es" if entry.endswith(("s", "sh", "ch", "x")) else "s")
    return entry, plural, entry + "ed", entry + "ing"


def _verb_forms() -> tuple[str, ...]:
    forms: set[str] = {"put it", "puts it"}
    for entry in _LEMMAS:
        lemma, *inflected = _inflect(entry)
        forms.update(form for form in inflected if form not in _NOT_VERBS)
        if lemma not in _NOUN_LIKE:
            forms.add(lemma)
    return tuple(sorted(forms))


def _trie(words: tuple[str, ...]) -> str:
    """One regex for many words, shared prefixes factored out ("sa(?:id|y(?:ing|s)?)"):
    a plain alternation of ~180 verb forms tries each one at every position, this does not."""
    tree: dict = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict) -> str:
        branches = [re.escape(char) + build(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(tree)


REPORTING_VERBS = _verb_forms()
"""Every form of every reporting verb ("said", "says", "informs", "assessed", "put it", …)."""
VERB_PATTERN = re.compile(r"\b" + _trie(REPORTING_VERBS) + r"\b")
"""Any reporting verb form as a whole word (``put it`` included)."""
