"""The "Add reports" panel: upload article files, or give a page's URL, or paste a report's
text with its date and outlet; the layer is rebuilt through its incremental store and the
new claims show on the map.

Why through the store: the dashboard knows only its layer file. A layer built with
``claimmap build DIR --out LAYER --store`` has a store (:func:`geo.config.default_store`)
that remembers the folder it was built from; an added report is saved into that folder —
so the next ``claimmap build`` keeps it — and the layer is rebuilt from the store, which
processes only the new article. A report that is rejected is removed again and its error
shown next to its name.

:func:`add_reports` is the whole work and has no Streamlit in it; :func:`panel` draws the
widgets and calls it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

import streamlit as st

from geo import config
from geo.errors import ArticleError, ClaimmapError
from geo.text import ARTICLE_SUFFIXES


@dataclass(frozen=True)
class Outcome:
    """What became of one report: ``ok`` with the article's claims, or the error."""

    name: str
    ok: bool
    message: str


def _safe_name(name: str) -> str:
    stem, dot, suffix = Path(name).name.rpartition(".")
    stem = re.sub(r"[^A-Za-z0-9_-]+", "-", stem if dot else suffix).strip("-") or "report"
    return f"{stem[:80]}.{suffix.lower()}" if dot else f"{stem[:80]}.txt"


def _pasted_file(text: str, date: dt.date, source: str, title: str) -> tuple[str, bytes]:
    """A pasted report as a ``.txt`` article (header lines on one line each)."""
    header = [f"date {date.isoformat()}"] + [
        f"{key}: {' '.join(value.split())}" for key, value in (("title", title), ("source", source))
        if value.strip()]
    body = "\n\n".join(p.strip() for p in re.split(r"\n\s*\n", text.strip()) if p.strip())
    digest = hashlib.sha1(body.encode("utf-8")).hexdigest()[:8]
    return f"pasted-{date.isoformat()}-{digest}.txt", ("\n".join(header) + "\n\n" + body + "\n").encode()


def articles_folder(layer: Path) -> tuple[Path | None, str]:
    """The folder reports are added to (the first folder the layer was built from), or None
    and why there is none."""
    from geo.store import Store

    store_path = config.default_store(layer)
    if not store_path.is_file():
        return None, (f"This layer has no store ({store_path.name}): build it with `claimmap "
                      f"build DIR --out {layer} --store` to add reports here.")
    store = Store(store_path, "")
    try:
        inputs = store.inputs_of(layer) or []
    finally:
        store.close()
    folders = [Path(i) for i in inputs if Path(i).is_dir()]
    if not folders:
        return None, "The layer was not built from a folder: there is nowhere to add reports."
    return folders[0], ""


def add_reports(layer: Path, files: list[tuple[str, bytes]], url: str = "",
                pasted: tuple[str, dt.date, str, str] | None = None, gazetteer=None,
                fetch=None) -> list[Outcome]:
    """Save the reports into the layer's folder, rebuild the layer through its store, and
    say for each report what became of it (rejected ones are removed again)."""
    from geo.gazetteer import Gazetteer
    from geo.layer import write_layer
    from geo.pipeline import build
    from geo.store import Store, store_version
    from geo.text.fetching import Fetcher, add_pages

    folder, why = articles_folder(layer)
    if folder is None:
        return [Outcome("", False, why)]
    gazetteer = gazetteer or Gazetteer.load()
    outcomes, saved = [], {}
    for name, raw in files + ([_pasted_file(*pasted)] if pasted and pasted[0].strip() else []):
        name = _safe_name(name)
        if Path(name).suffix not in ARTICLE_SUFFIXES:
            outcomes.append(Outcome(name, False, f"not an article file ({', '.join(ARTICLE_SUFFIXES)})"))
            continue
        target = folder / name
        if target.exists() and target.read_bytes() != raw:
            target = folder / f"{target.stem}-{hashlib.sha1(raw).hexdigest()[:6]}{target.suffix}"
        target.write_bytes(raw)
        saved[str(target)] = name
    if url.strip():
        pages, errors = add_pages([url.strip()], folder, fetch or Fetcher(),
                                  pasted[1] if pasted else None)
        saved.update({str(p): url.strip() for p in pages})
        outcomes += [Outcome(url.strip(), False, e.message) for e in errors]
    if not saved:
        return outcomes
    store = Store(config.default_store(layer), store_version(gazetteer))
    try:
        result = build(store.inputs_of(layer) or [str(folder)], gazetteer, store=store)
        rejected = {e.path: e for e in result.errors if e.path in saved}
        for path in rejected:
            Path(path).unlink(missing_ok=True)
        if len(rejected) < len(saved):
            if rejected:
                result = build(store.inputs_of(layer) or [str(folder)], gazetteer, store=store)
            write_layer(result.layer, layer)
        store.finish(layer, store.inputs_of(layer) or [str(folder)])
    except ClaimmapError as exc:
        return outcomes + [Outcome(name, False, str(exc)) for name in saved.values()]
    finally:
        store.close()
    counts = _claim_counts(result.layer, saved)
    for path, name in saved.items():
        error: ArticleError | None = rejected.get(path)
        outcomes.append(Outcome(name, False, error.message) if error else
                        Outcome(name, True, f"added: {counts.get(path, 0)} claims"))
    return outcomes


def _claim_counts(layer: dict, saved: dict[str, str]) -> dict[str, int]:
    stems = {Path(path).stem: path for path in saved}
    return {stems[a["id"]]: a["claims"] for a in layer["articles"] if a["id"] in stems}


def panel(layer: Path) -> None:
    """The panel's widgets (in an expander); a rebuilt layer is shown by the rerun."""
    with st.expander("Add reports", expanded=bool(st.session_state.get("ingest_outcomes"))):
        for outcome in st.session_state.pop("ingest_outcomes", []):
            (st.success if outcome.ok else st.error)(
                f"{outcome.name}: {outcome.message}" if outcome.name else outcome.message)
        with st.form("add_reports", clear_on_submit=True):
            files = st.file_uploader("Article files", accept_multiple_files=True,
                                     type=[s.lstrip(".") for s in ARTICLE_SUFFIXES])
            url = st.text_input("Or a page's URL (downloaded politely)")
            text = st.text_area("Or paste a report's text")
            left, middle, right = st.columns(3)
            date = left.date_input("Date", value=None, min_value=dt.date(1900, 1, 1))
            source = middle.text_input("Source")
            title = right.text_input("Title")
            if not st.form_submit_button("Add to the layer"):
                return
        if text.strip() and date is None:
            st.session_state["ingest_outcomes"] = [Outcome("pasted text", False, "give its date")]
        else:
            with st.spinner("Adding the reports and rebuilding the layer…"):
                st.session_state["ingest_outcomes"] = add_reports(
                    layer, [(f.name, f.getvalue()) for f in files or []], url,
                    (text, date, source, title) if text.strip() or date else None)
        st.rerun()
