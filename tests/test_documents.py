"""Tests for geo.text.documents: the article format, and every way an article file can be bad."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from geo.errors import ArticleError, ClaimmapError
from geo.text import collect_paths, read_article, read_corpus
from geo.text.documents import MAX_ARTICLE_BYTES

HERE = Path(__file__).parent
ROOT = HERE.parent
BAD = HERE / "fixtures" / "bad"
ARTICLES = HERE / "fixtures" / "articles"
SEED_000 = ROOT / "seeds" / "000_d599976d65cc3f1e.txt"
SEED_002 = ROOT / "seeds" / "002_3f0cff5302c0621a.txt"


@pytest.mark.parametrize(
    ("path", "date", "first_words"),
    [
        (SEED_000, dt.date(2025, 3, 13), "Russian President Vladimir Putin declared"),
        (SEED_002, dt.date(2025, 3, 12), "Russia's forces have retaken 24 settlements"),
    ],
)
def test_seed_date_and_text_share_line_one(path: Path, date: dt.date, first_words: str) -> None:
    doc = read_article(path)
    assert doc.date == date
    assert doc.body.startswith(first_words)
    assert doc.text[doc.body_start:] == doc.body
    assert "\n" not in doc.text[:doc.body_start]  # the body starts on line 1
    assert doc.id == path.stem
    assert doc.title is None and doc.source is None and doc.url is None


def test_headers_are_parsed_and_kept_out_of_the_body() -> None:
    doc = read_article(ARTICLES / "101_wire.txt")
    assert doc.date == dt.date(2025, 3, 14)
    assert doc.title == "Ukraine says troops hold lines near Sudzha as Russia claims more villages"
    assert doc.source == "Reuters"
    assert doc.url == "https://example.org/wire/2025-03-14/ukraine-russia-kursk"
    assert doc.body.startswith("KYIV, March 14 (Reuters) - Ukrainian troops")
    assert doc.text.count("\n", 0, doc.body_start) + 1 == 6  # the body starts on line 6


def test_header_without_url() -> None:
    doc = read_article(ARTICLES / "104_qa.txt")
    assert doc.source == "Example Daily (translated transcript)"
    assert doc.url is None
    assert doc.body.startswith("Kremlin spokesman Dmitry Peskov held")


@pytest.mark.parametrize(
    ("name", "line", "fragment"),
    [
        ("missing_date.txt", 1, "first line must be 'date YYYY-MM-DD'"),
        ("impossible_date.txt", 3, "impossible date '2025-02-30'"),
        ("bad_date_format.txt", 1, "is not YYYY-MM-DD"),
        ("empty.txt", 1, "empty article"),
        ("whitespace_only.txt", 1, "whitespace only"),
        ("date_only.txt", 1, "no text"),
        ("latin1.txt", 2, "not UTF-8 (byte 0xe9"),
        ("cp1251.txt", 2, "not UTF-8"),
        ("binary.txt", 4, "binary file"),
    ],
)
def test_bad_articles_name_file_and_line(name: str, line: int, fragment: str) -> None:
    path = BAD / name
    with pytest.raises(ArticleError) as caught:
        read_article(path)
    error = caught.value
    assert isinstance(error, ClaimmapError)
    assert error.path == str(path)
    assert error.line == line
    assert fragment in error.message
    assert str(error).startswith(f"{path}:{line}: ")


def test_oversized_file_is_rejected_without_reading_it(tmp_path: Path) -> None:
    big = tmp_path / "huge.txt"
    big.write_bytes(b"date 2025-03-14\n" + b"Sudzha. " * (MAX_ARTICLE_BYTES // 8 + 1))
    with pytest.raises(ArticleError, match="over the 2,097,152-byte article limit") as caught:
        read_article(big)
    assert caught.value.path == str(big)


def test_directory_and_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ArticleError, match="is a directory"):
        read_article(tmp_path)
    with pytest.raises(ArticleError, match="cannot read"):
        read_article(tmp_path / "absent.txt")


def test_corpus_keeps_good_articles_and_reports_bad_ones() -> None:
    corpus = read_corpus([SEED_002, BAD / "empty.txt", SEED_000, BAD / "latin1.txt"])
    assert [d.id for d in corpus.documents] == ["000_d599976d65cc3f1e", "002_3f0cff5302c0621a"]
    assert sorted(Path(e.path).name for e in corpus.errors) == ["empty.txt", "latin1.txt"]


def test_duplicate_text_is_reported_once() -> None:
    """Same date and same words (whitespace aside): the second file is a duplicate."""
    corpus = read_corpus([BAD / "duplicate_b.txt", BAD / "duplicate_a.txt"])
    assert [d.id for d in corpus.documents] == ["duplicate_a"]
    assert len(corpus.errors) == 1
    assert corpus.errors[0].path == str(BAD / "duplicate_b.txt")
    assert "duplicate of" in corpus.errors[0].message


def test_same_id_in_two_directories_is_reported(tmp_path: Path) -> None:
    other = tmp_path / "101_wire.txt"
    other.write_text("date 2025-03-20\nGladkov said drones hit Shebekino.\n", encoding="utf-8")
    corpus = read_corpus([ARTICLES / "101_wire.txt", other])
    assert len(corpus.documents) == 1
    assert "already used by" in corpus.errors[0].message


def test_collect_paths_expands_directories_in_sorted_order() -> None:
    paths = collect_paths([ARTICLES])
    assert [p.name for p in paths][:4] == ["101_wire.txt", "102_telegram.txt",
                                           "103_indirect.txt", "104_qa.txt"]
    assert paths == sorted(paths)


def test_reading_is_deterministic() -> None:
    assert read_article(SEED_000) == read_article(SEED_000)
    assert read_article(SEED_000).sha256 == read_article(SEED_000).sha256
