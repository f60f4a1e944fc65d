"""The speakers of one article: who a surname, a role or a short form points to.

Why: "Lubinets wrote" after "Dmytro Lubinets said", "the acting governor" after "Alexander
Khinshtein, the acting governor of the Kursk region, …", "the Defense Ministry" after "the
Russian Defense Ministry", "The IDF" after "the Israel Defense Forces (IDF)" — the article
itself says who these are; :mod:`.speakers` reads a phrase alone, this registry links it
to what the article named before (or anywhere: the first pass registers every speaker).

Contract: :meth:`ArticleSpeakers.resolve` gives the canonical speaker of a subject phrase,
or ``None`` when it names nobody; :meth:`ArticleSpeakers.register` remembers a speaker (and
an acronym alias); :func:`person_aliases` every written form of the article's people.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .names import clean_phrase
from .persons import FIRST_NAMES
from .speakers import (CURATED_PERSON_FORMS, ORGANISATION_SIGNATURES, Speaker, normalise,
                       org_words, read_phrase, strip_determiner)


@dataclass
class ArticleSpeakers:
    """The speakers of one article, for linking short and role mentions to full names."""

    full_names: dict[str, Speaker] = field(default_factory=dict)
    roles: list[tuple[str, Speaker]] = field(default_factory=list)
    aliases: dict[str, Speaker] = field(default_factory=dict)

    def register(self, speaker: Speaker, alias: str | None = None) -> None:
        """Remember a speaker named in full (and an acronym the article gives it, "(FSB)"),
        and the role it was introduced with."""
        if alias:
            self.aliases[alias.lower()] = speaker
        named = " " in speaker.name or speaker.name in FIRST_NAMES or speaker.kind == "org"
        if named and speaker.name not in self.full_names and not (
                speaker.kind == "person" and self._tail_of_known(speaker.name)):
            self.full_names[speaker.name] = speaker
        if speaker.title:
            self.roles.append((normalise(speaker.title), speaker))

    def _tail_of_known(self, name: str) -> bool:
        """"Human Rights Volker Türk" after "Volker Türk": a title's tail, not a new name (but
        "Petr Pavel" after a bare "Pavel" is the full name)."""
        words = name.split()
        return any(known.kind == "person" and len(parts) > 1 and words[-len(parts):] == parts
                   for parts, known in ((n.split(), k) for n, k in self.full_names.items()))

    def _by_surname(self, surname: str) -> Speaker | None:
        """The one registered person with this surname; else the one whose name has this
        word at all ("Mao" for "Mao Ning", "Lula" for "Luiz Inácio Lula da Silva")."""
        people = [n for n, s in self.full_names.items() if s.kind == "person" and n != surname]
        tail = surname.split()
        for hits in ([n for n in people if n.split()[-len(tail):] == tail],
                     [n for n in people if len(tail) == 1 and surname in n.split()[:-1]]):
            if len(set(hits)) == 1:
                return self.full_names[hits[0]]
            if hits:
                return None
        return None

    def _by_role(self, role: str) -> Speaker | None:
        words = set(role.split())
        for known_role, speaker in reversed(self.roles):
            if words and words <= set(known_role.split()):
                return speaker
        return None

    def is_reference(self, phrase: str) -> bool:
        """The phrase is a role or a bare organisation word ("the governor", "the ministry",
        "the head of the Mykolaiv RMA"): who it is depends on where it stands."""
        found = read_phrase(phrase)
        return found[0] in ("role", "org") or (found[0] == "name" and not phrase.strip()[:1].isupper())

    def resolve(self, phrase: str) -> Speaker | None:
        """Canonical speaker for a subject phrase, or ``None`` when it names nobody."""
        if self.aliases and clean_phrase(phrase).lower().removeprefix("the ") in self.aliases:
            return self.aliases[clean_phrase(phrase).lower().removeprefix("the ")]
        found = read_phrase(phrase)
        how = found[0]
        if how == "none":
            return None
        if how == "proxy":
            who = self.resolve(found[1])
            return Speaker(who.name, who.kind, found[2]) if who else None
        if how == "org":
            return self._resolve_org(phrase)
        if how == "role":
            return self._resolve_role(phrase)
        speaker = found[1]
        if how == "name" and speaker.kind == "org":
            return self._fuller_org(speaker)
        if how == "name" and speaker.kind == "person":
            linked = self._by_surname(speaker.name)
            if linked:
                return Speaker(linked.name, linked.kind, speaker.title)
        return speaker

    def _fuller_org(self, speaker: Speaker) -> Speaker:
        """"the Defense Ministry" after "the Russian Defense Ministry": the fuller registered
        name whose words include all of this one's; a curated body by its words."""
        words = org_words(speaker.name)
        for canonical, required, excluded in ORGANISATION_SIGNATURES:
            if required <= words and not excluded & words:
                return Speaker(canonical, "org", speaker.title)
        for name, known in reversed(self.full_names.items()):
            if known.kind == "org" and words < org_words(name):
                return known
        return speaker

    def _resolve_org(self, phrase: str) -> Speaker | None:
        """An organisation: a curated one by its words, a registered one by a shorter form
        ("the institute" after "the Institute of Border Security"), else as written; a
        lower-case phrase that links to none ("the ministry") names nobody."""
        phrase = clean_phrase(phrase)
        words = org_words(phrase)
        for canonical, required, excluded in ORGANISATION_SIGNATURES:
            if required <= words and not excluded & words:
                return Speaker(canonical, "org", None)
        for name, speaker in reversed(self.full_names.items()):
            if speaker.kind == "org" and words <= org_words(name):
                return speaker
        bare = strip_determiner(phrase)
        return Speaker(bare, "org", None) if bare != bare.lower() else None

    def _resolve_role(self, phrase: str) -> Speaker | None:
        phrase = clean_phrase(phrase)
        linked = self._by_role(normalise(phrase))
        if linked:
            return Speaker(linked.name, linked.kind, strip_determiner(phrase))
        return None


def person_aliases(speakers: ArticleSpeakers) -> dict[str, str]:
    """Every written form that mentions a person in this article → canonical name."""
    forms: dict[str, str] = dict(CURATED_PERSON_FORMS)
    for name, speaker in speakers.full_names.items():
        if speaker.kind == "person":
            forms[name] = name
            forms.setdefault(name.split()[-1], name)
    return forms
