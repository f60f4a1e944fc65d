"""Layout that names the speaker: transcripts ("Reporter: … / Peskov: …", "Q: … / A: …")
and bulletins ("The Russian Defence Ministry reports:" then its unverbed sentences).

Why separate: there the speaker is given by the layout, not by a reporting verb. An
answer ("A: We are waiting …") belongs to the person being interviewed, named in an
earlier labelled turn; a bulletin's sentences ("Enemy losses amounted to …") belong to
the body whose lead or heading they stand under.

Contract: :func:`find_turns` returns the labelled turns of an article body, or nothing
when fewer than two paragraphs start with a label (one "Update: …" line is not a
transcript). A turn is its own paragraph: an unlabelled paragraph after it ("After the
call, Tykhyi said …") is narrative again, so it is not handed to the last answerer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .. import rules
from ..text.paragraphs import paragraphs

QUESTION_LABELS = rules.words("question-label")
ANSWER_LABELS = rules.words("answer-label")

_LABEL = re.compile(r"([A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,2}):[ \t]+(?=\S)")


@dataclass(frozen=True)
class Turn:
    """One labelled turn. ``answerer`` is the label of the person who answers (the
    label itself, or the last named answerer for "A:"); ``None`` for questions."""

    start: int
    end: int
    label: str
    text_start: int
    answerer: str | None


def find_turns(text: str, start: int) -> list[Turn]:
    """The transcript turns of ``text[start:]`` (see module docstring)."""
    labelled: list[tuple[int, int, str, int]] = []
    for p_start, p_end in paragraphs(text, start):
        while p_start < p_end and text[p_start].isspace():
            p_start += 1
        match = _LABEL.match(text, p_start, p_end)
        if match:
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


_HEADING_END = re.compile(r"[.!?:;,\"”’)\]…]\s*$")
MAX_HEADING_WORDS = 12


def headings(text: str, start: int) -> list[tuple[int, int]]:
    """(start, end) of the paragraphs that are headings: one short line without closing
    punctuation ("Regional authorities", "MINISTRY OF DEFENCE"). A heading ends the
    bulletin above it; one that names an organisation opens that body's bulletin."""
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
