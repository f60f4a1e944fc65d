"""Who a pronoun, a role or a report points back to, at its place in the article.

Why: after "Vyacheslav Gladkov, governor of the Belgorod region, …" the press goes on with
"the governor said", "he added", "according to him"; after "the Russian Defence Ministry
said" with "the ministry added"; after "Censor.NET, citing the Southern Defence Forces" with
"the report says". These must be the speaker named earlier — the *latest* one that fits,
not any one the article names somewhere (a second governor later in the article is not the
one meant here).

How, for a role phrase ("the governor", "the head of the Mykolaiv RMA", "the agency"):

1. the latest earlier speaker whose title or name has the role's head word (abbreviations
   expanded: "RMA" is a regional military administration; a governor of a Ukrainian oblast
   is the head of its administration) and every capitalised word of the role;
2. the article's registry (a role or organisation it names anywhere, :mod:`.speakers`);
3. a generic role — "the official", "the Texas Republican", "the first minister" — is the
   latest earlier person speaker; "the report", "the statement" the latest source;
4. a person role still unresolved ("Luhansk governor urges evacuation", a lead whose
   name follows) is the first person named after it, close by.

"He"/"she" is the last person mentioned before the pronoun, outside quotations, whose gender
does not contradict it; "it" the latest organisation mentioned or speaking.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from .. import rules
from .names import clean_phrase
from .persons import PRONOUN_GENDER, gender
from .registry import ArticleSpeakers, person_aliases
from .speakers import CURATED_PERSON_FORMS, ORGANISATION_WORDS, ROLE_NOUNS, Speaker, normalise

ABBREVIATIONS = rules.ROLE_ABBREVIATIONS
"""Short forms in role phrases, expanded before words are compared (``role_abbreviations.csv``)."""
ROLE_EQUIVALENTS = rules.ROLE_EQUIVALENTS
"""A role word and the words that also say it (``role_equivalents.csv``): "the governor" is
the head of a regional administration, as Ukrainian oblasts are governed."""
SOURCE_NOUNS = rules.words("source-noun")
"""What a source issues: "the report says" is its issuer speaking."""
GENERIC_BODIES = rules.words("generic-body")
"""Nouns any organisation can be called by: "the agency" after the World Food Programme."""
_SUBORDINATE = rules.words("subordinate")
"""A deputy governor is not "the governor"."""
_NEUTER = rules.words("neuter-pronoun")
_STOP = rules.words("function")
_FORWARD_CHARS = 600
_TOKEN = re.compile(r"[\w'’.-]+")


@lru_cache(maxsize=1 << 12)
def _words(phrase: str) -> frozenset[str]:
    found: set[str] = set()
    for token in _TOKEN.findall(normalise(phrase)):
        token = token.strip(".")
        found.update(ABBREVIATIONS.get(token, token).split())
    return frozenset(w for w in found - _STOP if not w.endswith("'s") or w[:1].isupper())


@lru_cache(maxsize=1 << 12)
def role_head(phrase: str) -> str | None:
    """The role's head word: "the head of the administration" → "head", "the Texas
    Republican" → "republican", "the agency" → "agency"; ``None`` for a name."""
    tokens = [t.strip(".,").lower() for t in _TOKEN.findall(phrase)]
    if tokens and tokens[0] in ("the", "a", "an"):
        tokens = tokens[1:]
    for cut, token in enumerate(tokens):
        if token in ("of", "for", "to", "at", "in", "with"):
            tokens = tokens[:cut]
            break
    return tokens[-1] if tokens else None


def _fits(head: str, role: frozenset[str], capitals: frozenset[str], speaker: Speaker) -> bool:
    target = _words(f"{speaker.title or ''} {speaker.name}")
    if not capitals <= target or target & _SUBORDINATE != role & _SUBORDINATE:
        return False  # a deputy governor is not "the governor", the first minister not "the former" one
    return head in target or ROLE_EQUIVALENTS.get(head, frozenset({"-"})) <= target


class References:
    """The article's speakers and mentions in text order, for pointing back (see module)."""

    def __init__(self, masked: str, start: int, registry: ArticleSpeakers, orgs) -> None:
        """``orgs`` is called (once, when first needed) for the organisations that open a
        sentence: few articles need them, and finding them costs a pass over the parts."""
        self.registry = registry
        self.mentions = person_mentions(masked, start, registry)
        self._mention_offsets = [at for at, _ in self.mentions]
        self.history: list[tuple[int, Speaker]] = []
        self._find_orgs = orgs
        self._orgs: list[tuple[int, Speaker]] | None = None

    @property
    def orgs(self) -> list[tuple[int, Speaker]]:
        if self._orgs is None:
            self._orgs = self._find_orgs()
        return self._orgs

    def note(self, offset: int, speakers: list[Speaker]) -> None:
        """Remember the speakers of an attribution at ``offset`` (call in text order)."""
        self.history.extend((offset, s) for s in speakers)

    def pronoun(self, word: str, offset: int) -> Speaker | None:
        """"he"/"she": the last fitting person mentioned; "it": the latest organisation."""
        if word.lower() in _NEUTER:
            found = [(at, s) for at, s in self.orgs if at < offset]
            found += [(at, s) for at, s in self.history if s.kind == "org" and at < offset]
            return max(found, key=lambda item: item[0])[1] if found else None
        wanted = PRONOUN_GENDER[word.lower()]
        index = bisect.bisect_left(self._mention_offsets, offset) - 1
        for _, person in reversed(self.mentions[:index + 1]):
            if gender(person.name, person.title) in (None, wanted):
                return Speaker(person.name, "person", None)
        return None

    def role(self, phrase: str, offset: int) -> Speaker | None:
        """The speaker a role phrase points to (see module docstring), or ``None``."""
        phrase = clean_phrase(phrase)
        head = role_head(phrase)
        if not head:
            return None
        role = _words(phrase)
        capitals = frozenset(w for w in _words(" ".join(t for t in phrase.split() if t[:1].isupper()))
                             if w != head)
        earlier = [s for at, s in reversed(self.history) if at < offset]
        if head in SOURCE_NOUNS:
            return earlier[0] if earlier else None
        for speaker in earlier:
            if _fits(head, role, capitals, speaker):
                return speaker
        found = self.registry.resolve(phrase)
        if found:
            return found
        if head in ORGANISATION_WORDS or head in GENERIC_BODIES:
            bodies = sorted([(at, s) for at, s in self.history + self.orgs if at < offset and s.kind == "org"],
                            key=lambda item: -item[0])
            named = next((s for _, s in bodies if head in _words(s.name)), None)
            if named or head not in GENERIC_BODIES:
                return named
            return next((s for _, s in bodies), None)
        if head not in ROLE_NOUNS:
            return None
        person = next((s for s in earlier if s.kind == "person"), None)
        if person:
            return person
        index = bisect.bisect_right(self._mention_offsets, offset)
        ahead = [s for at, s in self.mentions[index:] if at - offset < _FORWARD_CHARS]
        return ahead[0] if ahead else None


@lru_cache(maxsize=256)
def _mention_pattern(forms: frozenset[str]) -> re.Pattern:
    """Any of ``forms`` as whole words, in any case, the longest where several match.

    Memoised per set of forms. The forms are lower-cased into one trie (:func:`rules.trie`),
    so the scan tries one letter at a position, not every form (an alternation of the
    hundred curated forms, case-blind, was a tenth of claim extraction)."""
    return re.compile(rf"\b(?:{rules.trie({form.lower() for form in forms})})\b(?![-‐])", re.IGNORECASE)


_CURATED_PATTERN = _mention_pattern(frozenset(CURATED_PERSON_FORMS))
"""The curated people's forms, compiled once: every article is scanned with it."""
_CURATED_LOWERED = {form.lower(): name for form, name in CURATED_PERSON_FORMS.items()}


def person_mentions(masked: str, start: int, registry: ArticleSpeakers) -> list[tuple[int, Speaker]]:
    """(offset, person) of every person mention outside quotations, in text order: the
    longest form at each place, in any case, as one alternation of all forms would find.

    Two scans — the curated forms' pattern, built once, and a small pattern of the people
    this article names — merged leftmost-longest: a pattern of every form per article cost
    more to build than to use."""
    forms = person_aliases(registry)
    lowered = dict(_CURATED_LOWERED)
    lowered.update((form.lower(), name) for form, name in forms.items() if CURATED_PERSON_FORMS.get(form) != name)
    found = [(m.start(), m.end()) for m in _CURATED_PATTERN.finditer(masked, start)]
    own = frozenset(form for form in forms if form not in CURATED_PERSON_FORMS)
    if own:
        found += [(m.start(), m.end()) for m in _mention_pattern(own).finditer(masked, start)]
        found.sort(key=lambda span: (span[0], span[0] - span[1]))
    people: dict[str, Speaker] = {}
    mentions, reached = [], -1
    for a, b in found:
        if a < reached:
            continue
        name = lowered[masked[a:b].lower()]
        if name not in people:  # only the people actually mentioned become speakers
            people[name] = registry.full_names.get(name) or Speaker(name, "person")
        mentions.append((a, people[name]))
        reached = b
    return mentions
