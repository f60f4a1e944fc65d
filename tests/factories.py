"""Small builders for hand-made claims, places and mentions in unit tests.

They follow the dataclass contracts of geo.model exactly, so unit tests of
linking and layer assembly do not depend on extraction heuristics.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from geo.model import Claim, Document, Mention, Place
from geo.text import parse_article


def document(text: str, article_id: str = "a1") -> Document:
    return parse_article(text, Path(f"{article_id}.txt"), article_id)


def claim_at(doc: Document, phrase: str, speaker: str | None = "Someone") -> Claim:
    start = doc.text.index(phrase)
    end = start + len(phrase)
    return Claim(
        id=f"{doc.id}:{start}-{end}", article_id=doc.id, date=doc.date, speaker=speaker,
        speaker_title=None, verb="said" if speaker else None, text=phrase, quote=None,
        span=(start, end), attribution="speaker" if speaker else "reporter", sentence=(start, end),
    )


def place(pid: str, kind: str = "settlement", name: str | None = None) -> Place:
    if kind == "settlement":
        geometry = {"type": "Point", "coordinates": [35.2511111, 51.24]}
    else:
        geometry = {"type": "Polygon",
                    "coordinates": [[[35.0, 51.0], [35.0, 52.0], [36.0, 52.0], [36.0, 51.0], [35.0, 51.0]]]}
    return Place(
        id=pid, name=name or pid.split(":")[-1], kind=kind, country="RU",
        admin1=None if kind == "country" else "RU-KRS", geometry=geometry,
        precision={"settlement": "settlement", "admin1": "region", "country": "country"}.get(kind, "district"),
        approximate=False, source="test",
    )


def mention_of(doc: Document, surface: str, target: Place | None, occurrence: int = 0) -> Mention:
    start = -1
    for _ in range(occurrence + 1):
        start = doc.text.index(surface, start + 1)
    return Mention(article_id=doc.id, start=start, end=start + len(surface), surface=surface,
                   place=target, reading=None, reason=None if target else "not in the gazetteer")


DATE = dt.date(2025, 3, 13)
