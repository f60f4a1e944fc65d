"""No speaker in a layer built from the repository's articles is a label, a day, an adverb or
a place (issue 14): every article of seeds/ and of the test corpora (tests/fixtures/), through
the build's per-article processing, checked against the rules' own lists and the bundled gazetteer.

Why a corpus-wide test and not examples: these are the failure classes seen on real
reporting ("Details", "On Wednesday", "However", "Krasnodar Krai" as speakers); a rule added
for one class must not bring another back anywhere. The held-out articles are checked too,
but a failure names only their ids and the class, never their speakers' words."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from geo import rules
from geo.errors import ClaimmapError
from geo.gazetteer.names import key
from geo.pipeline import process_document
from geo.text import read_article

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = sorted(p for folder in ("seeds", "tests/fixtures") for p in (ROOT / folder).rglob("*.txt"))
LABELS = rules.words("label-source", "label-content", "label-closing", "question-label", "answer-label", "opener")
DAYS = rules.words("day", "day-part")
ADVERBS = rules.words("filler", "speaker-adverb")
AREA_KINDS = ("country", "admin1", "continent", "area")
NOT_PLACES = frozenset(key(n) for n in (rules.OUTLETS | rules.ORGANISATIONS_NOT_PLACES
                                         | set(rules.ORGANISATIONS) | set(rules.PEOPLE)))
_WORD = re.compile(r"[\w'’.-]+")


def speaker_class(speaker: str, gazetteer, named: frozenset[str] = frozenset()) -> str | None:
    """The class a speaker name falls in, if it is no person or body: its first word a label
    or opener ("Details", "However"), a day word anywhere ("On Wednesday"), an adverb alone
    ("Also", "Initially"), or a place: a country, region, continent or area, or a settlement
    the article itself names as a place (``named``: its resolved mentions, case-folded) —
    a surname that is also a village somewhere is a person ("Lai", "Smith")."""
    words = [w.lower() for w in _WORD.findall(speaker)]
    if not words:
        return "empty"
    if words[0] in LABELS:
        return "label"
    if set(words) & DAYS:
        return "day"
    if len(words) == 1 and (words[0] in ADVERBS or words[0].endswith("ly")):
        return "adverb"
    kinds = {p.kind for p in gazetteer.lookup(speaker, loose=False)}
    if (kinds & set(AREA_KINDS) or speaker.casefold() in named) and key(speaker) not in NOT_PLACES:
        return "place"
    return None


_FOUND: dict[Path, tuple[set[str], frozenset[str]]] = {}


def _speakers(gazetteer) -> dict[Path, tuple[set[str], frozenset[str]]]:
    """Speakers of every article the build accepts, as the build gives them (a file it
    rejects gives no layer), with the place names the article resolves; computed once."""
    if not _FOUND:
        for path in ARTICLES:
            try:
                doc = read_article(path)
            except ClaimmapError:
                continue  # the corpora's deliberately broken files (bad encoding, no date line)
            result = process_document(doc, gazetteer)
            _FOUND[path] = ({c.speaker for c in result.claims if c.speaker},
                            frozenset(m.surface.casefold() for m in result.mentions if m.place is not None))
    return _FOUND


def test_the_corpora_are_all_read(gazetteer) -> None:
    assert len(_speakers(gazetteer)) >= 90  # seeds, the old sets, the real corpus (tune and held-out)


@pytest.mark.parametrize("name, expected", [
    ("Details", "label"), ("However", "label"), ("Late on Wednesday", "day"), ("Initially", "adverb"),
    ("Krasnodar Krai", "place"), ("Bavaria", "place"), ("Europe", "place"), ("Smith", None),
    ("Vyacheslav Gladkov", None), ("TASS", None), ("Hamas", None), ("White House", None),
    ("Russian Defence Ministry", None)])
def test_the_classes_are_told_apart(gazetteer, name: str, expected: str | None) -> None:
    assert speaker_class(name, gazetteer) == expected


def test_no_speaker_is_a_label_day_adverb_or_place(gazetteer) -> None:
    bad = []
    for path, (speakers, named) in _speakers(gazetteer).items():
        for speaker in sorted(speakers):
            kind = speaker_class(speaker, gazetteer, named)
            if kind:
                shown = "(held-out)" if "heldout" in path.parts else repr(speaker)
                bad.append(f"{path.relative_to(ROOT)}: {kind} {shown}")
    assert not bad, "\n".join(bad)
