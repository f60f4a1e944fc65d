"""Reporting verbs: which words introduce what someone said, in all their written forms.

Why a table of lemmas and not a list of forms: news copy uses the present in bulletins
and liveblogs ("reports", "informs", "calls"), the past in wires ("said", "assessed"),
the participle after a comma ("…, saying that …"); listing a lemma once gives all of them.
A bare form that is mostly a noun ("report", "claim") is left out, as are inflected forms
that are mostly nouns in news copy ("states", "estimates").

The table is ``geo/rules/reporting_verbs.csv``: one lemma a line, with its irregular forms,
whether its bare form is mostly a noun, its forms that are not verbs, and whether it is a
bulletin verb. Adding a verb is adding a line (then ``make eval``).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Sequence

from .. import rules
from ..errors import ClaimmapError


def _inflect(verb: rules.Verb) -> tuple[str, ...]:
    """All written forms of one verb, e.g. ``deny`` → deny, denies, denied, denying (the
    irregular forms as listed)."""
    entry = verb.lemma
    if verb.forms:
        return (entry, *verb.forms)
    stem = entry[:-1]
    if entry.endswith("y") and entry[-2] not in "aeiou":
        return entry, stem + "ies", stem + "ied", entry + "ing"
    if entry.endswith("e"):
        return entry, entry + "s", entry + "d", stem + "ing"
    plural = entry + ("es" if entry.endswith(("s", "sh", "ch", "x")) else "s")
    return entry, plural, entry + "ed", entry + "ing"


def verb_forms(verbs: Sequence[rules.Verb] = rules.VERBS,
               path: Path = rules.VERBS_FILE) -> tuple[str, ...]:
    """Every form of ``verbs`` that counts as a reporting verb, sorted; a ``not_verbs`` entry
    that is no form of its lemma is a :class:`ClaimmapError` naming ``path`` and the line."""
    forms: set[str] = set()
    for verb in verbs:
        lemma, *inflected = _inflect(verb)
        strange = verb.not_verbs - set(inflected)
        if strange:
            raise ClaimmapError(f"not_verbs {sorted(strange)[0]!r} is no form of {lemma!r}",
                                path, verb.line)
        forms.update(form for form in inflected if form not in verb.not_verbs)
        if not verb.noun:
            forms.add(lemma)
    return tuple(sorted(forms))


REPORTING_VERBS = verb_forms()
"""Every form of every reporting verb ("said", "says", "informs", "assessed", "put it", …)."""
VERB_PATTERN = re.compile(r"\b" + rules.trie(REPORTING_VERBS) + r"\b")
"""Any reporting verb form as a whole word (``put it`` included)."""
BULLETIN_VERBS = frozenset(_inflect(verb)[1] for verb in rules.VERBS if verb.bulletin)
"""Present-tense verbs of an issuing body ("The General Staff informs that …"): the
sentences after it in the same paragraph are the body's too (:mod:`.layouts`)."""
NOUN_FORMS = frozenset(form for verb in rules.VERBS if verb.noun for form in _inflect(verb))
"""Forms of the verbs whose bare form is mostly a noun: followed by "of" they are nouns
("reports of", "claims of")."""
