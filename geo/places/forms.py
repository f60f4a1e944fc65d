"""How a known name is written, and what that says about whether it is a place name.

Why: the gazetteer matches case-blind, but English writing is not. The shapes here are
general patterns of English news prose, each decided from the text around the name alone:

- an all-capital word is an acronym: it is a place only as a place's own acronym ("US",
  "UAE", "DRC"), in a dateline ("KYIV, May 3 (Reuters) -", "BELGOROD, August 14. /TASS/."),
  in a heading in capitals ("KURSK REGION: …", "STRIKES ON SUMY") or when the article also
  writes it in ordinary case; so "TASS", "HIV", "UN" and "II" are not Tass, Hīv, Un and Ii;
  and a place's acronym written otherwise ("Us", "Uk") is the English word;
- "I've", "we'll" are contractions, never Iwye;
- "el-Fasher", "al-Hasakah", "d'Ivoire": a lower-case article joined to a capitalised name
  starts the name like a capital;
- "the Europe desk", "the Africa desk" name a newsroom's unit, not the place;
- a sentence's first word is capitalised because it starts the sentence, so it is not the
  first word of a longer name ("Meanwhile Kharkiv was shelled") unless it is a first name or
  a title that may start one ("Ivan Franko", "General Staff");
- "the Sudzhansky and Korenevsky districts" names two districts: a plural district word
  closes a list (:func:`district_lists`).

Contract: pure functions of the text and offsets; cheap enough to run on every name spotted.
"""

from __future__ import annotations

import re

from .. import rules

_CONTRACTION = re.compile(r"['\u2019](?:ve|ll|re|d|m|t)$", re.IGNORECASE)
_ARTICLE = re.compile(r"(?:al|el|ad|an|ar|as|ash|at|az|ath)-[A-Z]|[a-z]['\u2019][A-Z]")
_DATELINE_AFTER = re.compile(r"[ \t]*(?:[,(:.]|\n|$|[\u2014\u2013-][ \t])")
_OPENERS = " \t\u00a0\"'\u201c\u2018(["
_SENTENCE_ENDS = ".!?:;\n"
_NEXT_WORD = re.compile(r"[ \t\u00a0]+([^\W\d_]+)")


def is_contraction(word: str) -> bool:
    """"I've", "we'll", "don't"."""
    return _CONTRACTION.search(word) is not None


def capitalised(word: str) -> bool:
    """Whether a word starts a name: a capital, or "el-", "al-", "d'" before one."""
    return word[:1].isupper() or (word[:1].islower() and _ARTICLE.match(word) is not None)


def all_capitals(surface: str) -> bool:
    """An acronym's shape: no lower-case letter and at least two letters ("UN", "U.S.")."""
    return surface.isupper() and sum(c.isalpha() for c in surface) >= 2


def is_dateline(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` opens a line as a dateline or a bulletin's heading: in
    capitals, followed by a comma, a bracket, a colon, a full stop, a dash or the line's end."""
    return (start == 0 or text[start - 1] == "\n") and all_capitals(text[start:end]) and \
        _DATELINE_AFTER.match(text, end) is not None


def case_verdict(text: str, start: int, end: int, name_key: str,
                 acronyms: frozenset[str]) -> bool | None:
    """Whether a spotted name may be a place as written (see the module docstring): ``None``
    for a name in capitals that is no place's acronym nor a dateline, which the article
    decides (:func:`caps_as_written`)."""
    if all_capitals(text[start:end]):
        return True if name_key in acronyms or is_dateline(text, start, end) else None
    return name_key not in acronyms


def caps_as_written(name_key: str, words: int, beside_caps: bool, plain: set[str]) -> bool:
    """Whether a name in capitals is the place: written so in a heading (several words in
    capitals: "SUMY REGION", "STRIKES ON KHARKIV"), or the article names the place in
    ordinary case too ("KURSK" and "Kursk"). "TASS", "HIV", "UN" are neither."""
    return words > 1 or beside_caps or name_key in plain


def next_word(text: str, end: int) -> str:
    """The word right after ``end`` on the same line, lower case ("" if none)."""
    found = _NEXT_WORD.match(text, end)
    return found.group(1).lower() if found else ""


def sentence_initial(text: str, start: int) -> bool:
    """Whether the word at ``start`` opens a sentence, a line or a quotation's sentence."""
    i = start - 1
    while i >= 0 and text[i] in _OPENERS:
        i -= 1
    return i < 0 or text[i] in _SENTENCE_ENDS


_DISTRICT_SINGULAR = {plural: word for _, word, plural in rules.DISTRICT_TYPES if plural}
_DISTRICT_CLOSER = re.compile(r"[ \t\u00a0]+(" + rules.alternation(
    sorted(_DISTRICT_SINGULAR, key=len, reverse=True), r"[ \t\u00a0]+") + r")\b", re.IGNORECASE)
_LIST_ITEM = re.compile(r"(?:[A-Z\u0400-\u042f][\w'\u2019-]*[ \t\u00a0]+)*[A-Z\u0400-\u042f][\w'\u2019-]*$")
LIST_GAP = re.compile(r"[ \t\u00a0]*,[ \t\u00a0]*(?:(?:and|or)[ \t\u00a0]+)?|[ \t\u00a0]+(?:and|or)[ \t\u00a0]+")
"""What separates the names of a list: ", ", " and ", ", and ", " or "."""
_GAP_BEFORE = re.compile(f"(?:{LIST_GAP.pattern})$")


def district_lists(text: str, start: int = 0) -> list[tuple[int, int, str]]:
    """The names of a list closed by a plural district word, each with that word's singular:
    "the Sudzhansky and Korenevsky districts" gives (Sudzhansky, "district") and (Korenevsky,
    "district"): each name is a district, though only the last stands next to the word. A
    list has two names or more; a name is a run of capitalised words."""
    found: list[tuple[int, int, str]] = []
    lowered = text.lower()
    if not any(plural in lowered for plural in _DISTRICT_SINGULAR):
        return found  # most articles: one scan per word in C instead of the regex's per space
    for closer in _DISTRICT_CLOSER.finditer(text, start):
        singular = _DISTRICT_SINGULAR[closer.group(1).lower()]
        items, end = [], closer.start()
        while True:
            item = _LIST_ITEM.search(text, max(start, end - 80), end)
            if item is None:
                break
            items.append((item.start(), end))
            gap = _GAP_BEFORE.search(text, max(start, item.start() - 12), item.start())
            if gap is None:
                break
            end = gap.start()
        if len(items) > 1:
            found += [(s, e, singular) for s, e in reversed(items)]
    return found
