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
from functools import lru_cache

from .. import rules
from ..text.quotes import MASK
from .speakers import ORGANISATION_WORDS, PRONOUNS, ROLE_NOUNS, TITLE_WORDS, strip_determiner
from .verbs import REPORTING_VERBS, VERB_PATTERN

_NOUN_USE = re.compile(r"\s+of\b")
"""A verb form followed by "of" is a noun ("reports of a mass surrender")."""
_PARTICIPLE_AFTER = re.compile(r"\s+(?:about|whether|if|why|how|what|by|over|on)\b")
"""", asked about the strikes," is a passive participle inside an appositive, not the verb."""
_LEAD_IN = re.compile(r"\s*(?:\d{1,2}[:.]\d{2}\s*)?(?:[-–—]\s*)?")
"""A liveblog timestamp and dash before a clause ("12:35 — The ministry …")."""
_ACCORDING = re.compile(r"\b[Aa]ccording to\s+([^,;:¶]+)")
_DAYS = r"(?:" + rules.alternation(day.capitalize() for day in rules.words("day")) + ")"
_FILLER = re.compile(
    r"(?:\s+(?:" + rules.alternation(rules.words("filler", "speaker-adverb"), space=" ")
    + r"|(?:late\s+)?on\s+" + _DAYS
    + r"(?:\s+(?:" + rules.alternation(rules.words("day-part")) + r"))?))+\s*$"
)
"""Adverbs, auxiliaries and days between a subject and its verb ("Peskov also said",
"Lubinets and Sternenko have both reported", "Gladkov on Monday evening said")."""
_NOT_ACTIVE = re.compile(r"\b(?:was|were|been|be|is|are|being|to|not)\s*$")
_BOUNDARY = re.compile(
    MASK + r"+|[:;()]|\s[-–—]\s|\b(?:that|while|after|as|when|since|because|before|"
    r"whereas|but|if|amid|which|who)\b"
)
_NP_GLUE = rules.words("glue")
_NAME_LOWER = rules.words("org-name")
_RELATIVE = re.compile(r"\s*\b(?:who|whom|whose|which|that)\b.*$", re.DOTALL)
_TOKEN = re.compile(r"\S+")
_LEADING_AND = re.compile(r"^and\s+")
_AFTER_VERB = re.compile(r"\s+([^,.;:¶]+)")


@dataclass(frozen=True)
class Attribution:
    """A clause's attribution: the subject phrases (with a title written beside them,
    e.g. in an appositive), the reporting verb, and the offset of the first subject."""

    subjects: tuple[tuple[str, str | None], ...]
    verb: str
    verb_start: int
    subject_start: int


def _np_token(token: str) -> bool:
    bare = token.strip(",").lower().replace("’", "'")
    return (token[:1].isupper() or bare in TITLE_WORDS or bare in ORGANISATION_WORDS
            or bare in _NP_GLUE)


def _in_org_name(tokens: list[str], i: int) -> bool:
    """A lower-case word inside an organisation's name: "General Staff of Ukraine's *armed
    forces*", "Ministry of *foreign affairs*" (it follows "of"/"for" after an organisation word)."""
    if tokens[i].lower() not in _NAME_LOWER:
        return False
    for j in range(i - 1, max(i - 5, 0), -1):
        if tokens[j] in ("of", "for"):
            return tokens[j - 1].lower() in ORGANISATION_WORDS and tokens[j - 1][:1].isupper()
        if not (_np_token(tokens[j]) or tokens[j].lower() in _NAME_LOWER):
            return False
    return False


@lru_cache(maxsize=1 << 12)
def tail_phrase(segment: str) -> str:
    """The noun phrase at the end of ``segment`` ("… after Gen. Valery Gerasimov" → the name).

    Memoised: a pure function of a short string, asked about the same subject segments
    several times per clause and again in article after article ("Gladkov", "He")."""
    tokens = _TOKEN.findall(segment)
    if tokens and tokens[-1].lower() in PRONOUNS:
        return tokens[-1]
    cut = len(tokens)
    while cut > 0 and (_np_token(tokens[cut - 1]) or _in_org_name(tokens, cut - 1)):
        cut -= 1
    while cut < len(tokens) and tokens[cut].lower() in ("of", "for"):
        cut += 1
    phrase = " ".join(tokens[cut:])
    return phrase if any(t[:1].isupper() for t in tokens[cut:]) or _has_role_word(phrase) else ""


def lead_phrase(clause: str) -> str:
    """The noun phrase a clause starts with ("12:35 — The ministry denied …" → "The ministry"):
    the subject of a participle after a comma ("…, saying that …")."""
    tokens = _TOKEN.findall(clause[_LEAD_IN.match(clause).end():])
    cut = 0
    while cut < len(tokens) and (_np_token(tokens[cut]) or _in_org_name(tokens, cut)):
        cut += 1
    phrase = " ".join(tokens[:cut]).rstrip(",")
    return phrase if any(t[:1].isupper() for t in tokens[:cut]) else ""


def _has_role_word(phrase: str) -> bool:
    return bool(set(phrase.lower().split()) & (ROLE_NOUNS | ORGANISATION_WORDS))


def _has_name(segment: str) -> bool:
    """Ends in a capitalised word that is not a title word ("Gen. Valery Gerasimov")."""
    tokens = _TOKEN.findall(segment)
    return bool(tokens) and tokens[-1][:1].isupper() and tokens[-1].lower() not in TITLE_WORDS


def _is_whole_phrase(segment: str) -> bool:
    return bool(segment) and tail_phrase(segment) == " ".join(_TOKEN.findall(segment))


def _is_appositive(segment: str) -> bool:
    """", head of the Centre …," / ", the acting governor …," — not ", Governor Gladkov"."""
    first = segment.split()[0]
    return not first[:1].isupper() or (first.lower() in TITLE_WORDS and not _has_name(segment))


def _is_title_phrase(segment: str) -> bool:
    bare = _LEADING_AND.sub("", segment)
    return _is_whole_phrase(bare) and _has_role_word(bare)


def _subjects(segments: list[str]) -> list[tuple[str, str | None]]:
    """Walk comma segments right to left: [title,] name [, appositive] [and …]."""
    found: list[tuple[str, str | None]] = []
    i = len(segments) - 1
    while i >= 0:
        title: str | None = None
        if i >= 1 and _is_appositive(segments[i]) and _is_whole_phrase(segments[i - 1]) \
                and _has_name(segments[i - 1]):
            title = segments[i] if _has_role_word(segments[i]) else None
            i -= 1
        segment = segments[i]
        coordinated = segment.startswith("and ")
        bare = _LEADING_AND.sub("", segment)
        phrase = tail_phrase(bare)
        if not phrase:
            break
        whole = phrase == " ".join(_TOKEN.findall(bare))
        if whole and i >= 1 and _is_title_phrase(segments[i - 1]):
            i -= 1
            coordinated = coordinated or segments[i].startswith("and ")
            title = title or _LEADING_AND.sub("", segments[i])
        found.append((phrase, strip_determiner(title) if title else None))
        if not coordinated:
            break
        i -= 1
    return found[::-1]


def _parenthetical(zone: str) -> tuple[str, str] | None:
    """Split "X, a volunteer who drives buses out of Bilopillia, " into the head ("X") and the
    appositive without its relative clause ("a volunteer"): words like "who", "that" or "as"
    inside an appositive must not be taken for a clause boundary."""
    body = zone.rstrip()
    if not body.endswith(","):
        return None
    opening = body.rfind(",", 0, len(body) - 1)
    inner = body[opening + 1:-1].strip()
    if opening < 0 or not inner[:1].islower() or inner.startswith("and "):
        return None
    return body[:opening], _RELATIVE.sub("", inner)


def _subject_zone(masked: str, start: int, verb_start: int) -> tuple[str, int] | None:
    zone = masked[start:verb_start]
    filler = _FILLER.search(zone)
    if filler:
        zone = zone[:filler.start()]
    if _NOT_ACTIVE.search(zone):
        return None
    parenthetical = _parenthetical(zone)
    head = parenthetical[0] if parenthetical else zone
    cut = 0
    for boundary in _BOUNDARY.finditer(head):
        cut = boundary.end()
    text = head[cut:]
    if parenthetical and parenthetical[1]:
        text += ", " + parenthetical[1] + ","
    return text, start + cut


def _after_verb(masked: str, verb_end: int, end: int) -> str:
    """"…," said Dmitry Peskov → "Dmitry Peskov"."""
    tail = _AFTER_VERB.match(masked, verb_end, end)
    return tail_phrase(tail.group(1)) if tail else ""


def _not_a_verb(masked: str, verb: re.Match, start: int, end: int) -> bool:
    """A noun ("reports of …", "Peskov's calls") or the participle of an appositive
    ("Peskov, asked about the strikes, insisted …": another reporting verb follows it)."""
    before = masked[start:verb.start()].rstrip()
    if _NOUN_USE.match(masked, verb.end()) or before.endswith(("'s", "’s")):
        return True
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
    """The first attribution in the clause ``masked[start:end]``, or ``None``."""
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
        segments = [s.strip() for s in text.split(",") if s.strip()]
        if lead:
            subjects = [(lead, None)]
        elif segments:
            subjects = _subjects(segments)
        else:
            after = _after_verb(masked, verb.end(), end)
            subjects = [(after, None)] if after else []
        if subjects:
            first = masked.find(subjects[0][0].split()[0], offset)
            return Attribution(tuple(subjects), verb.group(0), verb.start(),
                               first if first >= 0 else offset)
    if according:
        phrase = according.group(1).strip()
        return Attribution(((phrase, None),), "according to", according.start(),
                           according.start(1))
    return None
