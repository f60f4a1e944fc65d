"""Readers by file type: saved pages, feeds, CSV and JSON-lines exports, URL lists.

The pages of tests/fixtures/pages/ are tuning articles of the real-reporting corpus in their
outlets' page structure (make_pages.py): each must build to its ``.txt`` article's layer,
byte for byte — the main text found, every banner, menu, aside and footer left out, the date,
title, outlet and URL read from the page.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from email.utils import format_datetime
from html import escape
from pathlib import Path

import pytest

from conftest import FIXTURES, SEEDS
from geo.layer import dumps_layer
from geo.pipeline import build
from geo.text import read_article, read_corpus

PAGES = FIXTURES / "pages"
TUNE = FIXTURES / "real" / "tune"
PAGE_FILES = sorted(PAGES.glob("*.html"))
TXT_OF_PAGES = [TUNE / f"{page.stem}.txt" for page in PAGE_FILES]
CLAIM_KEYS = ("date", "speaker", "speaker_title", "verb", "text", "quote", "article_title",
              "source", "url", "attribution", "link")


def _layer(paths, gazetteer, **kw):
    result = build([str(p) for p in paths], gazetteer, **kw)
    return result.layer, result.errors


def _claims(layer) -> list[tuple]:
    """Every claim of the layer without its ids and spans, with its place."""
    rows = [(f["id"], *(c[k] for k in CLAIM_KEYS)) for f in layer["features"]
            for c in f["properties"]["claims"]]
    rows += [("-", *(c[k] for k in CLAIM_KEYS)) for c in layer["unplaced"]]
    return sorted(rows, key=repr)


def test_pages_of_six_outlets_build_to_the_layer_of_their_text_versions(gazetteer):
    assert len({read_article(t).source for t in TXT_OF_PAGES}) >= 5
    from_pages, errors = _layer(PAGE_FILES, gazetteer)
    from_text, _ = _layer(TXT_OF_PAGES, gazetteer)
    assert errors == []
    assert len(from_pages["articles"]) == len(PAGE_FILES)
    assert sum(a["claims"] for a in from_pages["articles"]) > 30
    assert dumps_layer(from_pages) == dumps_layer(from_text)


def test_page_menus_banners_asides_and_footers_are_left_out():
    page = read_corpus([PAGES / "w102_bbc_dutch_election_wilders_victory.html"]).documents[0]
    assert page.source == "BBC" and page.date == dt.date(2023, 11, 23)
    for boilerplate in ("cookies", "Most read", "Copyright", "Related topics", "Sport"):
        assert boilerplate not in page.text


def _undated_page(folder: Path) -> Path:
    path = folder / "undated.html"
    path.write_text("<html><head><title>Strike on a depot</title></head><body><nav><a href='/'>Home"
                    "</a></nav><article><h1>Strike on a depot</h1><p>Governor Vyacheslav Gladkov "
                    "said a drone struck an oil depot in Belgorod overnight, and nobody was "
                    "hurt.</p><p>He said firefighters had put the fire out by the morning.</p>"
                    "</article><footer>All rights reserved</footer></body></html>", "utf-8")
    return path


def test_a_page_without_a_date_is_rejected_naming_it_unless_a_date_is_given(tmp_path, gazetteer):
    page = _undated_page(tmp_path)
    corpus = read_corpus([page, SEEDS / "000_d599976d65cc3f1e.txt"])
    assert [d.id for d in corpus.documents] == ["000_d599976d65cc3f1e"]
    (error,) = corpus.errors
    assert error.path == str(page) and "no publication date" in error.message
    assert "--date" in error.message
    layer, errors = _layer([page], gazetteer, default_date=dt.date(2024, 5, 1))
    assert errors == [] and layer["articles"][0]["date"] == "2024-05-01"
    assert any("Gladkov" in (c["speaker"] or "") for f in layer["features"]
               for c in f["properties"]["claims"])


def _rss(items: list[str], title: str = "Wire feed") -> str:
    return ('<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
            f"<title>{escape(title)}</title><link>https://wire.example/</link>"
            f"<description>news</description>{''.join(items)}</channel></rss>\n")


def _item(doc, link: str | None = None, content: bool = True, source: bool = False) -> str:
    published = dt.datetime.combine(doc.date, dt.time(10, 0), tzinfo=dt.timezone.utc)
    body = "".join(f"<p>{'<br>'.join(map(escape, p.split(chr(10))))}</p>"
                   for p in doc.body.strip().split("\n\n"))
    link = link or doc.url
    return ("<item>" + (f"<title>{escape(doc.title)}</title>" if doc.title else "")
            + (f"<link>{escape(link)}</link>" if link else "") +
            f"<guid isPermaLink='false'>{escape(doc.id)}</guid><pubDate>{format_datetime(published)}</pubDate>"
            f"<description>{escape(body if content else 'Summary only.')}</description>"
            + (f'<source url="https://wire.example/">{escape(doc.source)}</source>' if source and doc.source else "")
            + "</item>")


def test_a_feed_of_fifty_items_builds_to_the_claims_of_its_articles(tmp_path, gazetteer):
    texts = sorted(TUNE.glob("*.txt")) + sorted(SEEDS.glob("*.txt"))
    docs = [read_article(t) for t in texts]
    assert len(docs) == 50
    feed = tmp_path / "wire.xml"
    feed.write_text(_rss([_item(d, source=True) for d in docs]), "utf-8")
    from_feed, errors = _layer([feed], gazetteer)
    assert errors == [] and len(from_feed["articles"]) == 50
    assert len({a["source"] for a in from_feed["articles"]}) > 20  # each item's <source>
    from_text, _ = _layer(texts, gazetteer)
    source = CLAIM_KEYS.index("source") + 1  # the seeds name no outlet: theirs is the feed's
    expected = [r if r[source] else r[:source] + ("Wire feed",) + r[source + 1:]
                for r in _claims(from_text)]
    assert _claims(from_feed) == sorted(expected, key=repr)


def test_a_feed_item_whose_page_is_saved_beside_it_is_read_from_the_page(tmp_path, gazetteer):
    page = PAGES / "r112_moscowtimes_belgorod_oil_depot.html"
    (tmp_path / page.name).write_bytes(page.read_bytes())
    doc = read_article(TUNE / f"{page.stem}.txt")
    other = read_article(SEEDS / "000_d599976d65cc3f1e.txt")
    (tmp_path / "mt.rss").write_text(_rss([_item(doc, content=False), _item(other)]), "utf-8")
    corpus = read_corpus([tmp_path / page.name, tmp_path / "mt.rss"])
    assert corpus.errors == []
    assert sorted(d.path for d in corpus.documents) == sorted(
        [str(tmp_path / page.name), str(tmp_path / "mt.rss")])
    from_page = next(d for d in corpus.documents if d.path.endswith(".html"))
    assert from_page.text == doc.text and "Summary only." not in from_page.text


def _export_rows(texts):
    for path in texts:
        doc = read_article(path)
        yield {"id": doc.id, "date": doc.date.isoformat(), "title": doc.title,
               "source": doc.source, "url": doc.url, "text": doc.body.strip()}


@pytest.mark.parametrize("suffix", [".csv", ".jsonl"])
def test_exports_build_to_the_layer_of_their_text_versions(tmp_path, gazetteer, suffix):
    texts = sorted(TUNE.glob("r1[0-2]*.txt"))
    export = tmp_path / f"monitoring{suffix}"
    rows = list(_export_rows(texts))
    if suffix == ".csv":
        with export.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=["id", "date", "title", "source", "url",
                                                        "text", "sentiment"])
            writer.writeheader()
            writer.writerows({**row, "sentiment": "neutral"} for row in rows)
    else:
        export.write_text("".join(json.dumps(row) + "\n" for row in rows), "utf-8")
    from_export, errors = _layer([export], gazetteer)
    from_text, _ = _layer(texts, gazetteer)
    assert errors == [] and len(from_export["articles"]) == len(texts) > 20
    assert dumps_layer(from_export) == dumps_layer(from_text)


def test_bad_export_rows_are_rejected_with_their_line_and_the_rest_is_kept(tmp_path):
    export = tmp_path / "export.csv"
    export.write_text('text,date,source\n"Officials said the bridge\n\nwas hit.",2024-02-01,Wire\n'
                      ",2024-02-02,Wire\n"
                      "Troops said they held the line.,2024-13-40,Wire\n"
                      "Residents said power was back.,,Wire\n"
                      "too,many,fields,here\n", "utf-8")
    corpus = read_corpus([export])
    assert [d.id for d in corpus.documents] == ["export-1"]
    assert corpus.documents[0].body == "Officials said the bridge\n\nwas hit.\n"
    found = sorted((e.line, e.message) for e in corpus.errors)
    assert [line for line, _ in found] == [5, 6, 7, 8]
    assert "no article text" in found[0][1] and "impossible date" in found[1][1]
    assert "no date" in found[2][1] and "columns" in found[3][1]
    assert all(e.path == str(export) for e in corpus.errors)
    lines = tmp_path / "export.jsonl"
    lines.write_text('{"text": "Kyiv said the talks went on.", "date": "2024-02-01"}\n'
                     "{not json\n[1, 2]\n", "utf-8")
    corpus = read_corpus([lines])
    assert [d.id for d in corpus.documents] == ["export-1"]
    assert sorted(e.line for e in corpus.errors) == [2, 3]


def test_a_csv_without_a_text_column_is_one_error_naming_the_file(tmp_path):
    export = tmp_path / "wrong.csv"
    export.write_text("body,date\nSomething,2024-01-01\n", "utf-8")
    (error,) = read_corpus([export]).errors
    assert error.line == 1 and "no 'text' column" in error.message


def test_a_url_list_needs_fetch_and_says_so_for_each_line(tmp_path):
    urls = tmp_path / "todo.urls"
    urls.write_text("# to read\nhttps://news.example/a\n\nftp://news.example/b\n", "utf-8")
    corpus = read_corpus([urls])
    assert corpus.documents == []
    assert sorted((e.line, "--fetch" in e.message) for e in corpus.errors) == [(2, True), (4, False)]


def test_a_folder_reads_every_format_side_by_side(tmp_path):
    for page in PAGE_FILES[:2]:
        (tmp_path / page.name).write_bytes(page.read_bytes())
    (tmp_path / "one.txt").write_bytes((SEEDS / "000_d599976d65cc3f1e.txt").read_bytes())
    (tmp_path / "rows.jsonl").write_text(
        '{"text": "Kyiv said the talks went on.", "date": "2024-02-01"}\n', "utf-8")
    (tmp_path / "notes.md").write_text("not an article", "utf-8")
    corpus = read_corpus(p for p in tmp_path.iterdir() if p.suffix != ".md")
    from geo.text import collect_paths
    assert len(collect_paths([tmp_path])) == 4
    assert corpus.errors == [] and len(corpus.documents) == 4


def test_a_reader_that_trips_over_a_file_rejects_that_file_only(tmp_path, monkeypatch):
    from geo.text.readers import table

    def broken(path):
        raise ValueError("unexpected shape")

    monkeypatch.setattr(table, "read_csv", broken)
    (tmp_path / "odd.csv").write_text("text,date\nx,2024-01-01\n", "utf-8")
    (tmp_path / "fine.jsonl").write_text('{"text": "Kyiv said so.", "date": "2024-02-01"}\n',
                                         "utf-8")
    corpus = read_corpus([tmp_path / "odd.csv", tmp_path / "fine.jsonl"])
    assert [d.id for d in corpus.documents] == ["fine-1"]
    (error,) = corpus.errors
    assert error.path == str(tmp_path / "odd.csv") and "ValueError" in error.message
