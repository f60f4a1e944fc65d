"""No speaker in any built layer of the repository's articles is a label, a weekday, an
adverb or a place (issue 14's "done when"): every article of seeds/ and tests/fixtures/**
is built, and every speaker of the layer checked against those classes.

The classes come from the rules data, not from a list written here: label and opener words
(``label-*``, ``non-speaker`` in geo/rules/words.txt), the days, one-word -ly adverbs, and
any name the bundled gazetteer resolves as a country, region or settlement — unless it is a
government the rules make a capital or country speak for ("Moscow" → "Kremlin"), or a
speaker the curated table names. A failure names the speakers of tuning articles only: the
held-out articles are counted, never printed (PHASES.md).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from conftest import FIXTURES, SEEDS
from geo import rules
from geo.claims.names import LABEL_WORDS
from geo.pipeline import build

HELD_OUT = ("heldout",)
NOT_SPEAKER_WORDS = LABEL_WORDS | rules.words("non-speaker", "day", "day-part", "function", "opener")
PLACE_KINDS = ("country", "admin1", "settlement")
KNOWN = set(rules.PEOPLE) | set(rules.ORGANISATIONS) | set(rules.GOVERNMENTS.values())


def _folders() -> list[Path]:
    """Every folder that holds articles: seeds/ and each folder under tests/fixtures/."""
    return [SEEDS, *sorted(p for p in FIXTURES.rglob("*") if p.is_dir() and any(p.glob("*.txt")))]


@pytest.fixture(scope="module")
def speakers(gazetteer) -> list[tuple[str, str, bool]]:
    """(folder, speaker, whether the folder's layer has the speaker's words as a place
    mention) of every speaker-attributed claim of every article, each folder built as one
    layer (as ``claimmap build FOLDER`` would)."""
    found = set()
    for folder in _folders():
        layer = build([str(folder)], gazetteer).layer
        claims = [c for f in layer["features"] for c in f["properties"]["claims"]] + layer["unplaced"]
        surfaces = {m.lower() for f in layer["features"] for m in f["properties"]["mentions"]}
        name = str(folder.relative_to(FIXTURES.parent.parent))
        found.update((name, c["speaker"], c["speaker"].lower() in surfaces) for c in claims if c["speaker"])
    return sorted(found)


def _why_not(speaker: str, gazetteer, mentioned: bool = True) -> str | None:
    """The class a speaker wrongly belongs to, or ``None``. A place is a name the gazetteer
    knows by that very name (not an alias: "Hamas" is no "Hamm") that the article's own
    places include (``mentioned``): an organisation or a surname that a far village shares
    ("TASS", Tass in Hungary) is not read as that village in the article."""
    words = speaker.lower().split()
    if all(w in NOT_SPEAKER_WORDS or w.isdigit() for w in words):
        return "label, opener or adverb"  # "Details", "Earlier", "August 22" (not "August Hanning")
    if set(words) & rules.words("day"):
        return "weekday"
    if len(words) == 1 and words[0].endswith("ly"):
        return "-ly adverb"
    named = [p for p in gazetteer.lookup(speaker, PLACE_KINDS, loose=False)
             if p.kind != "settlement" or p.name.casefold() == speaker.casefold()]
    if speaker not in KNOWN and mentioned and named and not speaker.isupper():
        return "place"  # (an acronym, "TASS", names a body)
    return None


def test_the_build_covers_the_corpora(speakers) -> None:
    folders = {Path(folder).name for folder, _, _ in speakers}
    assert {"seeds", "articles", "tune"} <= folders and len(speakers) > 150


def test_no_speaker_is_a_label_weekday_adverb_or_place(speakers, gazetteer) -> None:
    wrong = [(folder, speaker, why) for folder, speaker, mentioned in speakers
             if (why := _why_not(speaker, gazetteer, mentioned))]
    shown = [f"{folder}: {s!r} ({why})" for folder, s, why in wrong if not set(Path(folder).parts) & set(HELD_OUT)]
    hidden = Counter(why for folder, _, why in wrong if set(Path(folder).parts) & set(HELD_OUT))
    held_out = ", ".join(f"{n} {why}" for why, n in sorted(hidden.items()))
    assert not hidden and not shown, "\n".join(shown + [f"held-out articles (classes only): {held_out}"])


@pytest.mark.parametrize(("speaker", "why"), [("Details", "label, opener or adverb"),
                                              ("On Sunday", "label, opener or adverb"), ("Sunday Times", "weekday"),
                                              ("Separately", "label, opener or adverb"),
                                              ("August 22", "label, opener or adverb"),
                                              ("August Hanning", None),
                                              ("Krasnodar Krai", "place"), ("Kharkiv", "place"),
                                              ("Kremlin", None), ("Oleh Syniehubov", None)])
def test_the_classes_are_recognised(speaker: str, why: str | None, gazetteer) -> None:
    """The check itself can fail: each class is caught on a speaker of that class."""
    assert _why_not(speaker, gazetteer) == why
