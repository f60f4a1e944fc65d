"""Speaker canonicalisation: many ways of naming one speaker → one canonical name.

Why: an analyst filters the map by *who* claimed something, so "Putin", "President
Vladimir Putin" and "the Kremlin leader" must be one speaker, within an article and
across articles.

How, in order of trust:

1. a small curated table of well-known people and organisations (:data:`PEOPLE`,
   :data:`ORGANISATIONS`, from ``geo/rules/speakers.csv``), which also knows role
   descriptions ("the Kremlin leader");
2. the article itself: every full name used as a speaker is registered, so a later
   surname ("Lubinets wrote") or role ("The acting governor said", after "Alexander
   Khinshtein, the acting governor of the Kursk region, …") links back to it — this is
   what makes unknown people work;
3. otherwise the name as written, without its title ("Rybar", "DeepState").

Pronouns are not resolved here (they need the position in the text): the claims module
looks for the last person mentioned before them, using :func:`person_aliases`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .. import rules
from .persons import FIRST_NAMES

PEOPLE = rules.PEOPLE
"""Well-known people of the Kursk/Sumy/Belgorod theatre and the forms the press uses
(``geo/rules/speakers.csv``). A form whose words are all capitalised is a name ("Putin");
any other ("the Kremlin leader") describes the person's role and becomes their title."""

ORGANISATIONS = rules.ORGANISATIONS
"""Organisations that speak in the press (same file). A bare "General Staff" speaking is
Ukraine's: Russia's General Staff speaks through the Defence Ministry. "Moscow claims …" is
the Russian state speaking through its capital: one speaker with "the Kremlin"."""

ORGANISATION_SIGNATURES = rules.ORGANISATION_SIGNATURES
"""(canonical, words every form has, words none has): the long official forms ("Ministry of
Defence of the Russian Federation", "General Staff of Ukraine's armed forces") in any order
(``geo/rules/organisation_signatures.csv``)."""

_COUNTRY_FORMS = rules.ORGANISATION_WORD_FORMS
"""Words read as another in a signature ("russian" as "russia", "defense" as "defence")."""

TITLE_WORDS = rules.words("title")
"""Words that make up titles ("Acting Kursk governor", "Russian war correspondent")."""

ROLE_NOUNS = rules.words("role")
"""The head words of a title: an appositive without one ("dressed in camouflage") is no title."""

ORGANISATION_WORDS = rules.words("org")

PRONOUNS = rules.words("pronoun")
_PROXY = re.compile(
    r"^(?:(?:a|an|the)\s+)?(?P<role>spokes(?:man|woman|person)|press service|office)"
    r"\s+(?:for|of)\s+(?P<who>.+)$|^(?P<who2>.+?)['’]s\s+(?P<role2>office|spokes(?:man|woman|person)"
    r"|press service)$",
    re.IGNORECASE,
)
_DETERMINER = re.compile(r"^(?:the|a|an|and)\s+", re.IGNORECASE)
_TOKEN = re.compile(r"\S+")


@lru_cache(maxsize=1 << 14)
def normalise(phrase: str) -> str:
    """Comparable form: straight apostrophes, single spaces, no leading article, lower case.

    Memoised (pure, and asked about the same speaker phrases over and over)."""
    phrase = " ".join(phrase.replace("’", "'").split())
    return _DETERMINER.sub("", phrase).strip(" ,").lower()


def strip_determiner(phrase: str) -> str:
    """"the acting governor" → "acting governor" (titles are kept as written otherwise)."""
    return _DETERMINER.sub("", phrase.strip(" ,"))


def _alias_index() -> dict[str, tuple[str, str]]:
    index: dict[str, tuple[str, str]] = {}
    for table, kind in ((PEOPLE, "person"), (ORGANISATIONS, "org")):
        for canonical, forms in table.items():
            for form in (canonical, *forms):
                index[normalise(form)] = (canonical, kind)
    return index


ALIASES = _alias_index()


def _is_title_token(token: str) -> bool:
    return token.lower().replace("’", "'") in TITLE_WORDS or not token[:1].isupper()


@lru_cache(maxsize=1 << 14)
def split_title(phrase: str) -> tuple[str | None, str]:
    """Split "Russian President Vladimir Putin" into ("Russian President", "Vladimir Putin").

    The name is the run of capitalised, non-title words at the end; an empty name means
    the phrase is a bare role ("the acting governor"). Memoised, like :func:`normalise`.
    """
    tokens = _TOKEN.findall(phrase.strip(" ,"))
    cut = len(tokens)
    while cut > 0 and not _is_title_token(tokens[cut - 1]):
        cut -= 1
    title = strip_determiner(" ".join(tokens[:cut])) or None
    return title, " ".join(tokens[cut:])


@dataclass(frozen=True)
class Speaker:
    """A resolved speaker: canonical name, kind ("person" | "org"), title as written."""

    name: str
    kind: str
    title: str | None = None


@dataclass
class ArticleSpeakers:
    """The speakers of one article, for linking short and role mentions to full names."""

    full_names: dict[str, Speaker] = field(default_factory=dict)
    roles: list[tuple[str, Speaker]] = field(default_factory=list)

    def register(self, speaker: Speaker) -> None:
        """Remember a speaker named in full, and the role it was introduced with."""
        named = " " in speaker.name or speaker.name in FIRST_NAMES
        if named and speaker.name not in self.full_names:
            self.full_names[speaker.name] = speaker
        if speaker.title:
            self.roles.append((normalise(speaker.title), speaker))

    def _by_surname(self, surname: str) -> Speaker | None:
        hits = sorted(n for n in self.full_names if n.split()[-1] == surname)
        return self.full_names[hits[0]] if len(hits) == 1 else None

    def _by_role(self, role: str) -> Speaker | None:
        words = set(role.split())
        for known_role, speaker in reversed(self.roles):
            if words and words <= set(known_role.split()):
                return speaker
        return None

    def resolve(self, phrase: str) -> Speaker | None:
        """Canonical speaker for a subject phrase, or ``None`` when it names nobody."""
        reading = _reading(phrase)
        how = reading[0]
        if how == "proxy":
            found = self.resolve(reading[1])
            return Speaker(found.name, found.kind, reading[2]) if found else None
        if how == "org":
            return self._resolve_org(phrase)
        if how == "role":
            return self._resolve_role(phrase)
        speaker = reading[1]
        if how == "name" and " " not in speaker.name:
            linked = self._by_surname(speaker.name)
            if linked:
                return Speaker(linked.name, linked.kind, speaker.title)
        return speaker

    def _resolve_org(self, phrase: str) -> Speaker | None:
        """An organisation: a curated one by its words, a registered one by a shorter form
        ("the institute" after "the Institute of Border Security"), else as written; a
        lower-case phrase that links to none ("the ministry") names nobody."""
        words = {_COUNTRY_FORMS.get(w, w) for w in normalise(phrase).split()}
        for canonical, required, excluded in ORGANISATION_SIGNATURES:
            if required <= words and not excluded & words:
                return Speaker(canonical, "org", None)
        plain = set(normalise(phrase).split())
        for name, speaker in reversed(self.full_names.items()):
            if speaker.kind == "org" and plain <= set(normalise(name).split()):
                return speaker
        bare = strip_determiner(phrase)
        return Speaker(bare, "org", None) if bare != bare.lower() else None

    def _resolve_role(self, phrase: str) -> Speaker | None:
        linked = self._by_role(normalise(phrase))
        if linked:
            return Speaker(linked.name, linked.kind, strip_determiner(phrase))
        return None


@lru_cache(maxsize=1 << 14)
def _reading(phrase: str) -> tuple:
    """What :meth:`ArticleSpeakers.resolve` can tell from the phrase alone, memoised (the
    same speaker phrases come back in article after article): ``("proxy", who, role)``,
    ``("known", speaker)`` (curated), ``("org",)`` or ``("role",)`` (the article decides),
    or ``("name", speaker)`` (as written, unless the article links a surname)."""
    proxy = _PROXY.match(phrase.strip(" ,"))
    if proxy:
        role = proxy.group("role") or proxy.group("role2")
        return "proxy", proxy.group("who") or proxy.group("who2"), role.lower()
    key = normalise(phrase)
    if key in ALIASES:
        canonical, kind = ALIASES[key]
        is_role = kind == "person" and key not in _NAME_FORMS
        return "known", Speaker(canonical, kind, strip_determiner(phrase) if is_role else None)
    title, name = split_title(phrase)
    kind = "org" if set(key.split()) & ORGANISATION_WORDS else "person"
    if kind == "org" and (not name or _names_a_complement(title)):
        return ("org",)
    if not name:
        return ("role",)
    known = ALIASES.get(normalise(name)) or _curated_by_surname(name)
    if known:
        return "known", Speaker(known[0], known[1], title)
    return "name", Speaker(name, kind, title)


def _names_a_complement(title: str | None) -> bool:
    """"State Border Guard Service of" + "Ukraine": the capitalised words after "of"/"for"
    that follows an organisation word are part of the organisation's name, not a person."""
    tokens = (title or "").lower().split()
    return any(a in ORGANISATION_WORDS and b in ("of", "for") for a, b in zip(tokens, tokens[1:]))


def _curated_by_surname(name: str) -> tuple[str, str] | None:
    """"Valery Gerasimov" / "Vladimir V. Putin" → the curated entry with that surname."""
    surname = normalise(name.split()[-1])
    hit = ALIASES.get(surname)
    if hit and hit[0].split()[-1].lower() == surname:
        return hit
    return None


_NAME_FORMS = frozenset(
    normalise(form)
    for canonical, forms in PEOPLE.items()
    for form in (canonical, *forms)
    if all(word[:1].isupper() for word in form.split())
)
"""Curated forms that are names, not roles ("Putin", not "Kremlin leader"): they give no title."""


def person_aliases(speakers: ArticleSpeakers) -> dict[str, str]:
    """Every written form that mentions a person in this article → canonical name."""
    forms: dict[str, str] = {}
    for canonical, aliases in PEOPLE.items():
        for form in (canonical, *aliases):
            forms[form] = canonical
    for name, speaker in speakers.full_names.items():
        if speaker.kind == "person":
            forms[name] = name
            forms.setdefault(name.split()[-1], name)
    return forms
