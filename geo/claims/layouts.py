"""Layout that names the speaker: transcripts ("Reporter: … / Peskov: …", "Q: … / A: …"),
label lines ("Source: …" / "Details: …" / "Quote from X: …" / "Background:"), headings and
bulletins ("The Russian Defence Ministry reports:" then its unverbed sentences).

Why separate: there the speaker is given by the layout, not by a reporting verb. An
answer ("A: We are waiting …") belongs to the person being interviewed, named in an
earlier labelled turn; the sentences of a Ukrainska-Pravda-style item belong to the person
or body of its ``Source:`` line; a bulletin's sentences ("Enemy losses amounted to …")
belong to the body whose lead or heading they stand under.

Contract: :func:`find_turns` returns the labelled turns of an article body, or nothing
when fewer than two paragraphs start with a label (one "Update: …" line is not a
transcript), and never takes a label word ("Details:", "Source:") for a speaker; "Gen.
Kryvonos (K):" is a label. A turn is its own paragraph (the answerer talking on in the
unlabelled paragraphs after it is the discourse model's, :mod:`.discourse`).
:func:`labels` gives the label lines by paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .. import rules
from ..text.paragraphs import paragraphs
from ..text.quotes import MASK
from .attribution import Attribution
from .phrases import lead_phrase
from .speakers import PRONOUNS

QUESTION_LABELS = rules.words("question-label")
ANSWER_LABELS = rules.words("answer-label")

SOURCE_LABELS = rules.words("label-source")
"""The line that names whose item this is ("Source: Serhii Lysak, head of …, on Telegram")."""
CONTENT_LABELS = rules.words("label-content")
"""Lines that go on with the item's source ("Details: …", "Quote: …", "Quote from X: …")."""
CLOSING_LABELS = rules.words("label-closing")
"""Lines after which the outlet speaks in its own voice (background, recaps, credits)."""
LABEL_WORDS = SOURCE_LABELS | CONTENT_LABELS | CLOSING_LABELS

_DATE_LABEL = re.compile(r"(?:\d{1,2}\s+)?(?:" + rules.alternation(w.capitalize() for w in rules.words("non-speaker", "day"))
                         + r")(?:\s+\d{1,4})?$|\d")
"""A date, day or adverb before a colon ("August 22:", "Monday:", "Update:") labels an entry,
not a speaker's turn."""
_TURN_LABEL = re.compile(r"([A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,2})(?: \([A-Z]{1,3}\))?:[ \t]+(?=\S)")
"""A turn's label: "Peskov: ", "Gen. Kryvonos (K): " (the initial used in later turns)."""
_LINE_LABEL = re.compile(
    r"(?P<label>[A-Z][a-z]+(?: [a-z]+)?)(?: from (?P<who>[^:\n]{1,80}))?:(?:[ \t]+|[ \t]*$)")


@dataclass(frozen=True)
class Turn:
    """One labelled turn. ``answerer`` is the label of the person who answers (the label
    itself, or the last named answerer for "A:"); ``None`` for questions."""

    start: int
    end: int
    label: str
    text_start: int
    answerer: str | None


@dataclass(frozen=True)
class Label:
    """A label line of the paragraph starting at ``start``: ``kind`` is "source",
    "content" or "closing"; ``who`` is the speaker written in it ("Quote from Lysak:", or
    the text of a "Source:" line); the paragraph's own text starts at ``text_start``."""

    start: int
    kind: str
    who: str | None
    text_start: int


def _skip_blanks(text: str, start: int, end: int) -> int:
    while start < end and text[start].isspace():
        start += 1
    return start


def find_turns(text: str, start: int) -> list[Turn]:
    """The transcript turns of ``text[start:]`` (see module docstring)."""
    labelled: list[tuple[int, int, str, int]] = []
    for p_start, p_end in paragraphs(text, start):
        p_start = _skip_blanks(text, p_start, p_end)
        match = _TURN_LABEL.match(text, p_start, p_end)
        if match and match.group(1).lower() not in LABEL_WORDS and not _DATE_LABEL.match(match.group(1)):
            labelled.append((p_start, p_end, match.group(1), match.end()))
    if len(labelled) < 2:
        return []
    turns: list[Turn] = []
    last_answerer: str | None = None
    for p_start, end, label, text_start in labelled:
        kind = label.lower()
        if kind in QUESTION_LABELS:
            answerer = None
        elif kind in ANSWER_LABELS:
            answerer = last_answerer
        else:
            answerer = last_answerer = label
        turns.append(Turn(p_start, end, label, text_start, answerer))
    return turns


def turn_at(turns: list[Turn], offset: int) -> Turn | None:
    """The turn containing ``offset``, if any."""
    for turn in turns:
        if turn.start <= offset < turn.end:
            return turn
    return None


def labels(text: str, start: int) -> dict[int, Label]:
    """The label line opening each paragraph that has one, by the paragraph's start."""
    found: dict[int, Label] = {}
    for p_start, p_end in paragraphs(text, start):
        p_start = _skip_blanks(text, p_start, p_end)
        match = _LINE_LABEL.match(text, p_start, p_end)
        if not match:
            continue
        word = match.group("label").lower()
        who = match.group("who")
        if word in SOURCE_LABELS:
            kind, who = "source", text[match.end():p_end].strip() or None
        elif word in CONTENT_LABELS:
            kind = "content"
        elif word in CLOSING_LABELS:
            kind = "closing"
        else:
            continue
        found[p_start] = Label(p_start, kind, who, _skip_blanks(text, match.end(), p_end))
    return found


_HEADING_END = re.compile(r"[.!?:;,\"”’)\]…]\s*$")
MAX_HEADING_WORDS = 12


def headings(text: str, start: int) -> list[tuple[int, int]]:
    """(start, end) of the paragraphs that are headings: one short line without closing
    punctuation ("Regional authorities", "MINISTRY OF DEFENCE", "4 min ago"). A heading ends
    the bulletin above it; one that names an organisation opens that body's bulletin."""
    found: list[tuple[int, int]] = []
    for p_start, p_end in paragraphs(text, start):
        line = text[p_start:p_end].strip()
        if line and "\n" not in line and len(line.split()) <= MAX_HEADING_WORDS \
                and not _HEADING_END.search(line):
            found.append((p_start, p_end))
    return found


def is_lead(sentence: str) -> bool:
    """"The Russian Defence Ministry reports:" — a lead that only introduces what follows."""
    return sentence.rstrip().endswith(":")


_CHANNEL_TAIL = re.compile(r"\s+(?:on|in|via|at|during|speaking|said|told|wrote)\b.*$", re.DOTALL)


def label_phrase(who: str) -> str:
    """The speaker named in a label line: "Serhii Lysak, Head of …, on Telegram" → "Serhii
    Lysak"; "Maliar, speaking on the national newscast" → "Maliar"."""
    head = who.split(",")[0].strip()
    return _CHANNEL_TAIL.sub("", head).strip(" .")


_BYLINE = re.compile(r"(?:From|By)\s+(?:[A-Z][\w.&-]*\s+){0,3}[A-Z][\w.&-]*['’]s\s+[A-Z].{0,120}$|By\s+[A-Z][^.!?]{0,80}$"
                     r"|\((?:[A-Z][\w'’-]+\s+){1,3}(?:writes|reports|reporting)\)")
"""A byline: "From CNN's Yulia Kesaieva and Nathan Hodge in Lviv", "(Laurence Sleator writes)"."""


def bylines(text: str, start: int) -> list[tuple[int, int]]:
    """Where the reporters are named: not sources, never a pronoun's antecedent."""
    found = []
    for p_start, p_end in paragraphs(text, start):
        p_start = _skip_blanks(text, p_start, p_end)
        line = _BYLINE.match(text, p_start, p_end)
        if line and "\n" not in text[p_start:p_end].strip():
            found.append((p_start, p_end))
        found.extend((m.start(), m.end()) for m in _BYLINE.finditer(text, p_start, p_end) if text[m.start()] == "(")
    return found


_TOKEN = re.compile(r"\S+")
_HEADLINE_SPEAKER = re.compile(r"(?P<who>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}):\s+\S")
_FROM_LEAD = re.compile(r".*\b(?:from|by)\s+(?P<who>(?:the\s+)?[A-Z][\w'’.-]*(?:\s+(?:of\s+|for\s+|the\s+)?"
                        r"[A-Z][\w'’.-]*)*)\s*:\s*$")
_COLON_QUOTE = re.compile(r"[^:¶]*:\s*" + MASK)
_HEADLINE_DASH = re.compile(r".*\S\s+[-–—]\s+(?P<who>(?:[A-Za-z][\w'’.-]*\s+){0,4}[a-z][\w'’.-]*)\s*$")
LAYOUT_VERB = ":"
"""The verb of an attribution that layout, not a reporting verb, makes (the claim's verb is None)."""


def layout_attribution(masked: str, start: int, end: int, heading: bool) -> Attribution | None:
    """Attributions made by punctuation, not by a verb: a headline "Syrskyi: Russia is
    regrouping" or "Strike on Kharkiv kills two — governor"; a lead "Key Takeaways from the
    ISW:"; a statement introduced by a colon, "He struck a combative tone: "We will govern."".
    Pronouns and roles in them are resolved like any subject."""
    text = masked[start:end]
    if ":" not in text and not heading:
        return None
    if heading:
        who = _HEADLINE_SPEAKER.match(text) or _HEADLINE_DASH.match(text)
        if who:
            return Attribution(((who.group("who"), None),), LAYOUT_VERB, start + who.end("who"),
                               start + who.start("who"))
    lead = _FROM_LEAD.match(text) if text.rstrip().endswith(":") else None
    if lead:
        return Attribution(((lead.group("who"), None),), LAYOUT_VERB, start + lead.end("who"),
                           start + lead.start("who"))
    if MASK in text and _COLON_QUOTE.match(text):
        subject = lead_phrase(text)
        first = _TOKEN.findall(text)[:1]
        if not subject and first and first[0].lower() in PRONOUNS:
            subject = first[0]
        if subject:
            return Attribution(((subject, None),), LAYOUT_VERB, start + text.index(":"), start)
    return None
