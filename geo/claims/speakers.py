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
from dataclasses import dataclass
from functools import lru_cache

from .. import rules
from .names import NAME_PARTICLES, clean_phrase, government, is_demonym, national_body, non_speaker
from .persons import FIRST_NAMES, given_syllables

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

PRONOUNS = rules.words("pronoun", "neuter-pronoun")
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
    return token.lower().replace("’", "'") in TITLE_WORDS or not (
        token[:1].isupper() or token[:1].isdigit() or token in NAME_PARTICLES)


@lru_cache(maxsize=1 << 14)
def split_title(phrase: str) -> tuple[str | None, str]:
    """Split "Russian President Vladimir Putin" into ("Russian President", "Vladimir Putin").

    The name is the run of capitalised, non-title words at the end; an empty name means
    the phrase is a bare role ("the acting governor"). Memoised, like :func:`normalise`.
    """
    tokens = _TOKEN.findall(strip_determiner(phrase.strip(" ,")))
    cut = len(tokens)
    while cut > 0 and not _is_title_token(tokens[cut - 1]):
        cut -= 1
    if len(tokens) - cut >= 3 and cut and {"for", "of"} & set(tokens[:cut]):
        # "High Commissioner for Human Rights Volker Türk": the title's complement is capitalised too
        first = next((i for i in range(cut, len(tokens)) if tokens[i] in FIRST_NAMES), len(tokens) - 2)
        cut = first
    title = strip_determiner(" ".join(tokens[:cut])) or None
    return title, " ".join(tokens[cut:])


@dataclass(frozen=True)
class Speaker:
    """A resolved speaker: canonical name, kind ("person" | "org"), title as written."""

    name: str
    kind: str
    title: str | None = None


def org_words(phrase: str) -> set[str]:
    return {_COUNTRY_FORMS.get(w, w) for w in normalise(phrase).split()}


@lru_cache(maxsize=1 << 14)
def read_phrase(phrase: str) -> tuple:
    """What :meth:`ArticleSpeakers.resolve` can tell from the phrase alone, memoised (the
    same speaker phrases come back in article after article): ``("none",)`` (names nobody:
    :func:`geo.claims.names.non_speaker`), ``("proxy", who, role)``, ``("known", speaker)``
    (curated, or a government by its capital or country), ``("org",)`` or ``("role",)``
    (the article decides), or ``("name", speaker)`` (as written, unless the article links a
    surname)."""
    phrase = clean_phrase(phrase)
    if non_speaker(phrase):
        return ("none",)
    proxy = _PROXY.match(phrase)
    if proxy:
        role = proxy.group("role") or proxy.group("role2")
        return "proxy", proxy.group("who") or proxy.group("who2"), role.lower()
    affiliated = _affiliated(phrase)
    if affiliated:
        return affiliated
    state = government(phrase)
    if state:
        return "known", Speaker(state, "org", None)
    body = national_body(phrase)
    if body:
        return "known", Speaker(body, "org", None)
    key = normalise(phrase)
    if key in ALIASES:
        canonical, kind = ALIASES[key]
        is_role = kind == "person" and key not in _NAME_FORMS
        return "known", Speaker(canonical, kind, strip_determiner(phrase) if is_role else None)
    if _HEAD_OF.match(phrase) and not _ends_in_name(phrase):
        return ("role",)  # "the head of the Luhansk RMA" (but not "chief of staff Valery Gerasimov")
    title, name = split_title(phrase)
    if name and non_speaker(name):
        name = ""  # "the Kyiv time August 22": a date is no name
    tokens = key.split()
    has_org = bool(set(tokens) & ORGANISATION_WORDS)
    acronym_name = len(name) > 1 and name.replace(".", "").isupper()
    kind = "org" if tokens[-1] in ORGANISATION_WORDS or acronym_name or \
        (has_org and (not name or _names_a_complement(title))) else "person"
    if kind == "org" and (not name or _names_a_complement(title)) and not _proper_org(phrase):
        return ("org",)
    if kind == "org" and _names_a_complement(title):
        org, description = _org_name(phrase)  # "Northern Regional Office of the State Border Guard Service"
        return "name", Speaker(org, "org", description)
    if kind == "person" and (not name or (is_demonym(name.split()[-1]) and not name.endswith("s"))):
        return ("role",)  # "the acting governor", "the Texas Republican" (but "the Liberal Democrats")
    known = ALIASES.get(normalise(name)) or (kind == "person" and curated_by_surname(name))
    if known:
        return "known", Speaker(known[0], known[1], title)
    if kind == "org":
        org, description = _org_name(phrase)
        return "name", Speaker(org, "org", description)
    return "name", Speaker(name, kind, title)


_AFFILIATION = re.compile(r"^(?P<who>[A-Z][^,]*?)\s+of\s+(?P<body>(?:the\s+)?[A-Z].*)$")


def _affiliated(phrase: str) -> tuple | None:
    """"Hou Yu-ih of the Kuomintang", "Jens Stoltenberg of NATO": a person named with the body
    they belong to is the person (the body is their title) — when the words before "of" are a
    name: curated, or opening with a given name, or ending in hyphenated given syllables;
    never "Ministry of Defence", "Bank of England", "Islamic Republic of Iran"."""
    match = _AFFILIATION.match(phrase)
    if not match:
        return None
    who = match.group("who").split()
    if len(who) < 2 or not all(w[:1].isupper() for w in who) or set(normalise(match.group("who")).split()) & ORGANISATION_WORDS:
        return None
    found = read_phrase(match.group("who"))
    if found[0] not in ("name", "known") or found[1].kind != "person" or found[1].title:
        return None
    if found[0] == "name" and not (who[0].lower() in rules.GIVEN_NAMES or who[0] in FIRST_NAMES
                                   or given_syllables(who[-1])):
        return None
    return found[0], Speaker(found[1].name, "person", strip_determiner(match.group("body")))


_HEAD_OF = re.compile(r"^(?:the\s+)?(?:(?:former|acting|deputy|new)\s+)?(?:"
                      + rules.alternation(rules.words("head-of")) + r")\s+of\s+", re.IGNORECASE)
""""The head of the Luhansk Regional Military Administration": a person known by the body they lead."""
_GLUE = frozenset({"of", "for", "the", "and", "on", "in"})
_POSSESSIVE_COUNTRY = re.compile(r"^[A-Z][\w.]*['’]s$")


def _ends_in_name(phrase: str) -> bool:
    """The phrase ends in a personal name: capitalised words that are no organisation word
    and no acronym ("chief of the general staff Valery Gerasimov")."""
    last = phrase.split()[-1]
    return last[:1].isupper() and not last.isupper() and last.lower() not in ORGANISATION_WORDS \
        and bool(split_title(phrase)[1]) and not _names_a_complement(split_title(phrase)[0])


def _proper_org(phrase: str) -> bool:
    """"Southern Defence Forces", "The Russian Investigative Committee": every word of the
    name is capitalised (a proper name), not "the ministry" or "Ukraine's military"."""
    tokens = strip_determiner(clean_phrase(phrase)).split()
    return len(tokens) > 1 and all(t[:1].isupper() or t in _GLUE for t in tokens) \
        and not _POSSESSIVE_COUNTRY.match(tokens[0])


def _org_name(phrase: str) -> tuple[str, str | None]:
    """An organisation's canonical name and its description: the capitalised run at the
    end of the phrase ("Russia's state news agency TASS" → "TASS", described as "Russia's
    state news agency"); a possessive country before a long proper name is dropped
    ("Russia's Federal Security Service"), before a short one kept ("Ukraine's Defence
    Ministry")."""
    tokens = strip_determiner(clean_phrase(phrase)).split()
    cut = len(tokens)
    while cut > 0 and (tokens[cut - 1][:1].isupper() or (tokens[cut - 1] in _GLUE and cut < len(tokens))):
        cut -= 1
    while cut < len(tokens) and tokens[cut] in _GLUE:
        cut += 1
    name = tokens[cut:]
    if len(name) >= 4 and _POSSESSIVE_COUNTRY.match(name[0]):
        name = name[1:]
    if not name:
        return " ".join(tokens), None
    return " ".join(name), " ".join(tokens[:cut]) or None


def _names_a_complement(title: str | None) -> bool:
    """"State Border Guard Service of" + "Ukraine": the capitalised words after "of"/"for"
    that follows an organisation word are part of the organisation's name, not a person."""
    tokens = (title or "").lower().split()
    return any(a in ORGANISATION_WORDS and b in ("of", "for") for a, b in zip(tokens, tokens[1:]))


def curated_by_surname(name: str) -> tuple[str, str] | None:
    """"Valery Gerasimov" / "Vladimir V. Putin" → the curated entry with that surname."""
    words = name.split()
    surname = normalise(words[-1])
    hit = ALIASES.get(surname)
    if not hit or hit[1] != "person":
        return None
    if hit[0].split()[-1].lower() == surname:
        return hit
    # "Oleksandr Syrskyi" for Oleksandr Syrsky: another spelling of the surname, same first initial
    same_initial = len(words) == 1 or words[0][:1].lower() == hit[0][:1].lower()
    return hit if surname in _NAME_FORMS and same_initial else None


_NAME_FORMS = frozenset(
    normalise(form)
    for canonical, forms in PEOPLE.items()
    for form in (canonical, *forms)
    if all(word[:1].isupper() for word in form.split())
)
"""Curated forms that are names, not roles ("Putin", not "Kremlin leader"): they give no title."""


CURATED_PERSON_FORMS = {form: canonical for canonical, aliases in PEOPLE.items()
                        for form in (canonical, *aliases)}
"""Every curated form of a person → canonical name (built once)."""
