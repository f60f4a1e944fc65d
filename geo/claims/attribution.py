"""Finding *who* a clause attributes its statement to, and with which reporting verb.

Works on a *masked* copy of the article (see :func:`geo.text.quotes.mask_quotes`): quoted words are
replaced, so "we see cynical disregard" inside a quote can never look like a speaker
and a verb, and a closing quote is a clause boundary ("“…,” Putin said.").

Shapes recognised (X is a name, a title + name, a role, an organisation or he/she):

* ``X said / informs / assessed / put it / … [that] …`` (every form of the verbs of
  :mod:`geo.claims.verbs`) with adverbs or auxiliaries in between ("on Wednesday", "also",
  "have both", "responded by");
* ``…, X said.`` and ``"…," X said.`` (speaker after the statement);
* ``X, <appositive>, said`` ("Alexander Khinshtein, the acting governor …, wrote"), also
  with a relative clause or a participle in it ("Oksana Melnyk, a volunteer who drives
  buses …, told", "Peskov, asked about the strikes, insisted");
* organisation names with lower-case words ("The General Staff of Ukraine's armed
  forces informs");
* ``X <did something>, saying that …`` (the participle's subject opens the clause);
* ``<title>, X, said`` and coordinated subjects ("A, …, and B, …, have both reported");
* ``"…," said X`` and ``According to X, …``.

Passives ("Putin had been briefed"), infinitives ("declined to comment") and nouns
("reports of a mass surrender", "Peskov's calls") are not attributions. The module only finds
phrases; :mod:`geo.claims.speakers` says who they are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .. import rules
from ..text.quotes import MASK
from .phrases import lead_phrase, split_appositive, subject_phrases, tail_phrase
from .verbs import NOUN_FORMS, VERB_PATTERN

_NOUN_USE = re.compile(r"\s+of\b")
_TO_SOMETHING = re.compile(r"\s+to\b")
_BY_DOING = re.compile(r"\s+by\s+\w+ing\b")
_ORDER = re.compile(r"\s+(?:\w+\s+){1,4}?to\s+(?!the\b|a\b|an\b|reporters\b|journalists\b)[a-z]+\b")
_ORDER_VERBS = rules.words("order-verb")
"""A verb form followed by "of" is a noun ("reports of a mass surrender")."""
_PARTICIPLE_AFTER = re.compile(r"\s+(?:about|whether|if|why|how|what|by|over|on)\b")
"""", asked about the strikes," is a passive participle inside an appositive, not the verb."""
_ACCORDING = re.compile(r"\b[Aa]ccording to\s+([^,;:¶]+)")
_DAYS = r"(?:" + rules.alternation(day.capitalize() for day in rules.words("day")) + ")"
_FILLER = re.compile(
    r"(?:\s+(?:" + rules.alternation(rules.words("filler", "speaker-adverb"), space=" ")
    + r"|\w+ed by|[a-z]+ly|(?:late\s+)?on\s+" + _DAYS
    + r"(?:\s+(?:" + rules.alternation(rules.words("day-part")) + r"))?))+\s*$"
)
"""Adverbs, auxiliaries and days between a subject and its verb ("Peskov also said",
"Lubinets and Sternenko have both reported", "Gladkov on Monday evening said", "The
ministry initially said", "X reacted by calling")."""
_WHEN = re.compile(r"\s+(?:(?:late|early)\s+)?on\s+" + _DAYS + r"\b.*$")
_NOT_ACTIVE = re.compile(r"\b(?:was|were|been|be|is|are|being|to|not)\s*$")
_BOUNDARY = re.compile(
    MASK + r"+|[:;()]|\s[-–—]\s|\b(?:that|while|after|as|As|when|since|because|before|"
    r"whereas|but|if|amid|which|who|whom)\b"
)
_GENERIC_TAIL = re.compile(r"\b(?:[A-Z]?[a-z]+\s+)?(?:" + rules.alternation(rules.words("generic-source")) + r")$")
_TOKEN = re.compile(r"\S+")
VERB_OR_BE = re.compile(r"(?:are|is|was|were|have|has|had|\w+ed|\w+s)$")
_AFTER_VERB = re.compile(r"\s+((?:[^,.;:¶]|(?<=\b[A-Z])\.|(?<=\b[A-Z][a-z])\.(?=\s[A-Z])|"
                         r"(?<=\b[A-Z][a-z]{2})\.(?=\s[A-Z])|\.(?=[A-Za-z]))+)")
"""The words after a verb up to punctuation; the full stop of "Col." or "U.S." is not punctuation."""
_AFTER_NAME = re.compile(r"\s+(?:on|in|at|during|from|after|before|via|to|over|by)\b|\s+\d")


@dataclass(frozen=True)
class Attribution:
    """A clause's attribution: the subject phrases (with a title written beside them,
    e.g. in an appositive), the reporting verb, and the offset of the first subject."""

    subjects: tuple[tuple[str, str | None], ...]
    verb: str
    verb_start: int
    subject_start: int
    back: bool = False


_RELATIVE_WHO = re.compile(r",\s+who\s+(?:\w+ly\s+|also\s+|later\s+|has\s+|had\s+|have\s+)*$")
_AND_VERB = re.compile(r"\s+and\s+$")


def _subject_zone(masked: str, start: int, verb_start: int) -> tuple[str, int] | None:
    zone = masked[start:verb_start]
    if "(" in zone:  # the substring tests skip a regex scan that cannot match
        zone = _ACRONYM.sub(lambda m: " " * len(m.group(0)), zone)
    who = _RELATIVE_WHO.search(zone) if "who" in zone else None
    if who:  # "…, Volodymyr Zelensky, who tweeted": the relative's antecedent speaks
        return zone[:who.start()].rsplit(",", 1)[-1], start
    if " and" in zone and _AND_VERB.search(zone) and not _NOT_ACTIVE.search(zone[:_AND_VERB.search(zone).start()]):
        lead = lead_phrase(zone)  # "Ukrainian forces are counterattacking … and claim …"
        if lead and _TOKEN.findall(zone)[len(lead.split()):][:1] and VERB_OR_BE.match(
                " ".join(_TOKEN.findall(zone)[len(lead.split()):][:1])):
            return lead, start
    filler = _FILLER.search(zone)
    if filler:
        zone = zone[:filler.start()]
    if _NOT_ACTIVE.search(zone):
        return None
    parenthetical = split_appositive(zone)
    head = parenthetical[0] if parenthetical else zone
    cut = 0
    for boundary in _BOUNDARY.finditer(head):
        cut = boundary.end()
    text = head[cut:]
    if parenthetical and parenthetical[1]:
        text += ", " + parenthetical[1] + ","
    return text, start + cut


def _after_verb(masked: str, verb_end: int, end: int) -> str:
    """"…," said Dmitry Peskov → "Dmitry Peskov" (the name right after the verb)."""
    tail = _AFTER_VERB.match(masked, verb_end, end)
    phrase = lead_phrase(tail.group(1)) if tail else ""
    rest = tail.group(1)[len(phrase):] if phrase and tail.group(1).startswith(phrase) else ""
    if phrase and (not rest.strip() or _AFTER_NAME.match(rest)):
        return phrase
    return ""


def _not_a_verb(masked: str, verb: re.Match, start: int, end: int) -> bool:
    """A noun ("reports of …", "Peskov's calls") or the participle of an appositive
    ("Peskov, asked about the strikes, insisted …": another reporting verb follows it)."""
    before = masked[start:verb.start()].rstrip()
    if (_NOUN_USE.match(masked, verb.end()) and verb.group(0) in NOUN_FORMS) or before.endswith(("'s", "’s")):
        return True
    if _BY_DOING.match(masked, verb.end(), end):
        return True  # "responded by ordering": the -ing verb is the report
    if verb.group(0).startswith("respond") and _TO_SOMETHING.match(masked, verb.end(), end):
        return True  # "responded to the attack" is an action; '"…," he responded' is speech
    if verb.group(0) in _ORDER_VERBS and _ORDER.match(masked, verb.end(), end):
        return True  # "told families to leave", "ordered the troops to advance": instructions, not reports
    participle = verb.group(0).endswith("ed") or verb.group(0) == "told"
    if not (participle and before.endswith(",") and _PARTICIPLE_AFTER.match(masked, verb.end())):
        return False
    comma = masked.find(",", verb.end(), end)
    return comma >= 0 and bool(VERB_PATTERN.search(masked, comma, end))


def _participle_subject(masked: str, start: int, verb: re.Match) -> str:
    """"The service published a video, saying that …" → "The service" (the clause's subject)."""
    if not verb.group(0).endswith("ing") or not masked[start:verb.start()].rstrip().endswith(","):
        return ""
    return lead_phrase(masked[start:verb.start()])


def find_attribution(masked: str, start: int, end: int) -> Attribution | None:
    """The first attribution in the clause ``masked[start:end]``, or ``None``: "X said …",
    "…, says X", "According to X", "TASS quoted X as saying", "This was stated by X"."""
    quoted = _QUOTED_AS.search(masked, start, end) if masked.find("quoted", start, end) >= 0 else None
    if quoted and tail_phrase(quoted.group("who")):
        return Attribution(((tail_phrase(quoted.group("who")), None),), "saying", quoted.start("verb"),
                           quoted.start("who"))
    active = _active_attribution(masked, start, end)
    passive = passive_attribution(masked, start, end) if masked.find(" by ", start, end) >= 0 else None
    if passive and (not active or passive.verb_start < active.verb_start):
        return passive
    return active


def _active_attribution(masked: str, start: int, end: int) -> Attribution | None:
    according = _ACCORDING.search(masked, start, end)
    for verb in VERB_PATTERN.finditer(masked, start, end):
        if according and according.start() < verb.start():
            break
        if _not_a_verb(masked, verb, start, end):
            continue
        lead = _participle_subject(masked, start, verb)
        zone = (lead, start) if lead else _subject_zone(masked, start, verb.start())
        if zone is None:
            continue
        text, offset = zone
        segments = [s.strip() for s in (_ACRONYM.sub("", text) if "(" in text else text).split(",") if s.strip()]
        if lead:
            subjects = [(lead, None)]
        else:
            subjects = subject_phrases(segments) if segments else []
            inverted = not segments or masked[start:verb.start()].rstrip().endswith(",")
            after = _after_verb(masked, verb.end(), end) if not subjects and inverted else ""
            if after:
                subjects, offset = [(after, None)], verb.end()
        if not subjects and segments and _GENERIC_TAIL.search(segments[-1]):
            subjects = [(_GENERIC_TAIL.search(segments[-1]).group(0), None)]  # "Local officials deny it"
        if subjects:
            first = masked.find(subjects[0][0].split()[0], offset)
            return Attribution(tuple(subjects), verb.group(0), verb.start(),
                               first if first >= 0 else offset)
    if according:
        phrase = _WHEN.sub("", according.group(1).strip())  # "according to X on Saturday": X
        return Attribution(((phrase, None),), "according to", according.start(),
                           according.start(1))
    return None


_ACRONYM = re.compile(r"\s*\([A-Z][A-Za-z.]{1,9}\)")
_QUOTED_AS = re.compile(r"\bquoted\s+(?P<who>[^,;¶]+?)\s+as\s+(?P<verb>saying)\b")
_PASSIVE = re.compile(r"\b(?:was|is|were|are|has been|have been|had been)\s+(?:\w+ly\s+)?(?=\w+\s+by\s)")
_BY = re.compile(r"\s+by\s+(?P<who>[^;:¶]+?)\s*(?:[.;]|,\s+(?:the\s+)?(?=[a-z])|$)")
_BACK_SUBJECT = re.compile(r"(?:[-–—]\s*)?(?i:" + rules.alternation(rules.words("back-subject")) + r")\s+")
_BACK_OBJECT = re.compile(r"\s+(?:" + rules.alternation(rules.words("back-object"))
                          + r")\s*(?:[,.;]|\s+(?:on|in|at|during|to|from)\b|$)")
_CITING = re.compile(r"\bciting\s+(?P<who>[^,;.¶]+)")


def passive_attribution(masked: str, start: int, end: int) -> Attribution | None:
    """"This was announced by Oleh Syniehubov." / "… was reported by A, B and C" — the
    agent of a passive reporting verb, split where several are coordinated."""
    for passive in _PASSIVE.finditer(masked, start, end):
        verb = VERB_PATTERN.match(masked, passive.end())
        if not verb:
            continue
        by = _BY.match(masked, verb.end(), end)
        if not by:
            continue
        names = [n.strip() for n in re.split(r",\s+|\s+and\s+", by.group("who")) if n.strip()]
        subjects = tuple((tail_phrase(n) or n, None) for n in names)
        subjects = tuple(s for s in subjects if s[0])
        if subjects:
            back = bool(_BACK_SUBJECT.fullmatch(masked, start, passive.start()))
            return Attribution(subjects, verb.group(0), verb.start(), by.start("who"), back)
    return None


_IN_REPORT = re.compile(r"\s+in\s+(?:its|their|his|her|a|the)\s+(?:latest\s+|daily\s+|new\s+)?"
                        r"(?:" + rules.alternation(rules.words("report-noun")) + r")\b")


def is_back_reference(masked: str, start: int, attribution: Attribution) -> bool:
    """"This was stated by X" / "X reported this." / "X said so" / "…, X says in its report":
    the attribution is of what came before, not only of this sentence's own content."""
    verb_end = attribution.verb_start + len(attribution.verb)
    return attribution.back or bool(_BACK_OBJECT.match(masked, verb_end) or _IN_REPORT.match(masked, verb_end))


def cited(masked: str, start: int, end: int) -> str | None:
    """"…, citing the Southern Defence Forces" → the cited source's phrase."""
    match = _CITING.search(masked, start, end)
    return tail_phrase(match.group("who")) or None if match else None
