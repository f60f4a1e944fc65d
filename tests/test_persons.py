"""Tests for geo.claims.persons: person names found in prose, and the gender a pronoun checks."""

from __future__ import annotations

from pathlib import Path

import pytest

from geo.claims.persons import gender, person_names
from geo.text import mask_quotes, read_article

ARTICLES = Path(__file__).parent / "fixtures" / "articles"


@pytest.mark.parametrize(
    ("name", "title", "expected"),
    [
        ("Halyna Petrenko", None, "f"),
        ("Iryna", "nurse at the town clinic", "f"),
        ("Mykola Dudnyk", None, "m"),
        ("Vasyl", None, "m"),
        ("Petrenko", None, None),
        ("Lozova", None, "f"),
        ("Kovalchuk", "spokeswoman", "f"),
        ("Rybar", None, None),
    ],
)
def test_gender_from_first_name_title_or_feminine_surname(name: str, title: str | None,
                                                          expected: str | None) -> None:
    """Mykola ends in -a and is a man's name: the table, not the spelling, decides."""
    assert gender(name, title) == expected


def test_names_outside_quotes_in_text_order() -> None:
    doc = read_article(ARTICLES / "107_feature.txt")
    names = person_names(mask_quotes(doc.text, doc.body_start), doc.body_start)
    assert names == ["Halyna Petrenko", "Vasyl", "Iryna", "Iryna", "Serhiy Kovalchuk"]


def test_a_name_introduced_outside_any_claim_is_found() -> None:
    doc = read_article(ARTICLES / "106_liveblog.txt")
    assert "Mykola Dudnyk" in person_names(doc.text, doc.body_start)
