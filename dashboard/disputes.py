"""Figures, disputes and corroboration on the page: popup lines, map style, legend, the
Disputes table and the event-time toggle of the date slider.

Kept in one module of its own, beside the popup builder and the map, so the rest of the
dashboard only calls in: :func:`notes_html` for :func:`dashboard.popups.place_html`,
:func:`disputed_style` and :class:`Legend` for the map, :func:`disputes_section` and
:func:`time_basis_toggle` for the page. Every untrusted field is escaped with
:func:`dashboard.popups.escape`; links are made only from http(s) URLs, and the "disputed by"
links to another claim point at its anchor in the same popup or panel (``#claim-…``).
"""

from __future__ import annotations

import re
from typing import Callable

import pandas as pd
import streamlit as st
from branca.element import MacroElement
from folium.template import Template

from .analysis import PUBLICATION, TIME_BASES, LayerAnalysis, Notes, Related
from .layerdata import Claim, View
from .popups import escape, safe_url

DISPUTED = "disputed"
DISPUTED_STYLES = {
    DISPUTED: {"radius": 9, "color": "#b91c1c", "weight": 3, "fillColor": "#ef4444",
               "fillOpacity": 0.8},
    "disputed-region": {"color": "#b91c1c", "weight": 2.5, "dashArray": "2 4",
                        "fillColor": "#ef4444", "fillOpacity": 0.18},
}
"""Leaflet path options of a place where a claim is disputed (see dashboard.mapview.STYLES)."""
DISPUTES_COLUMNS = ["subject", "places", "period", "figures", "sources", "kind", "disputed",
                    "reason"]


def anchor(claim_id: str) -> str:
    """The HTML id of a claim in a popup or the side panel."""
    return "claim-" + re.sub(r"[^A-Za-z0-9_-]", "-", claim_id)


def _marked(text: str, lo: int, hi: int, figures: list[tuple[int, int]]) -> str:
    """``text[lo:hi]`` escaped, figures inside it marked."""
    out, at = [], lo
    for start, end in figures:
        if start >= at and end <= hi:
            out.append(escape(text[at:start]))
            out.append(f"<mark class='figure' title='figure'><b>{escape(text[start:end])}</b></mark>")
            at = end
    out.append(escape(text[at:hi]))
    return "".join(out)


def marked_text(claim: Claim, notes: Notes) -> str:
    """The claim text with its figures highlighted and its direct quote marked."""
    text, base = claim.text, claim.span[0]
    figures = sorted((s - base, e - base) for s, e, _ in notes.figures
                     if 0 <= s - base < e - base <= len(text))
    at = text.find(claim.quote) if claim.quote else -1
    if at < 0:
        body = _marked(text, 0, len(text), figures)
        return body + (f" <mark title='direct quote'>“{escape(claim.quote)}”</mark>"
                       if claim.quote else "")
    end = at + len(claim.quote)
    return (_marked(text, 0, at, figures)
            + f"<mark title='direct quote'>{_marked(text, at, end, figures)}</mark>"
            + _marked(text, end, len(text), figures))


def _links(related: tuple[Related, ...]) -> str:
    parts = []
    for other in related:
        link = f"<a href=\"#{anchor(other.claim_id)}\">{escape(other.label)}</a>"
        if safe_url(other.url):
            link += (f" (<a href=\"{escape(other.url)}\" target=\"_blank\" "
                     f"rel=\"noopener noreferrer\">article</a>)")
        parts.append(link)
    return "; ".join(parts)


def relations_html(notes: Notes) -> str:
    """The "event time", "disputed by", "corroborated by" and "compared with" lines."""
    lines = []
    if notes.event:
        start, end, precision, text = notes.event
        when = start if start == end else f"{start} … {end}"
        lines.append(f"event: {escape(when)} ({escape(precision)}; “{escape(text)}”)")
    for label, related in (("disputed by", notes.disputed_by),
                           ("corroborated by", notes.corroborated_by),
                           ("compared with", notes.compared_with)):
        if related:
            style = " class='claimmap-disputed' style='color:#b91c1c'" if label == "disputed by" else ""
            lines.append(f"<span{style}>{label}: {_links(related)}</span>")
    return "".join(f"<br><small>{line}</small>" for line in lines)


def notes_html(analysis: LayerAnalysis) -> Callable[[Claim], tuple[str | None, str, str]]:
    """For :func:`dashboard.popups.place_html`: claim → (its text HTML with figures marked,
    or ``None`` to keep the plain one; its relation lines; its anchor id — only claims the
    analysis knows of can be a link's target)."""
    def html(claim: Claim) -> tuple[str | None, str, str]:
        if claim.claim_id not in analysis.notes:
            return None, "", ""
        notes = analysis.of(claim.claim_id)
        return (marked_text(claim, notes) if notes.figures else None, relations_html(notes),
                anchor(claim.claim_id))
    return html


def popup_rows(analysis: LayerAnalysis, claims, rows, limit: int) -> list[int]:
    """The rows a popup of ``limit`` claims lists: the disputed claims first (a disputed
    place's popup shows its dispute), then the others, each part newest first as given."""
    disputed = [r for r in rows if analysis.of(claims[r].claim_id).disputed_by]
    if not disputed:
        return list(rows[:limit])
    chosen = set(disputed[:limit])
    return disputed[:limit] + [r for r in rows if r not in chosen][:max(0, limit - len(chosen))]


def disputed_style(analysis: LayerAnalysis, feature_id: str, kind: str) -> str | None:
    """The map style of a place where a claim is disputed (``kind``: marker or other)."""
    if feature_id not in analysis.disputed_places:
        return None
    return DISPUTED if kind == "marker" else "disputed-region"


def disputes_frame(view: View) -> pd.DataFrame:
    """The Disputes table: one row per comparison with a claim in view, disputed first —
    subject, places, period, the figures side by side, the sources."""
    data = view.data
    in_view = {data.claims[r].claim_id for r in view.claim_rows}
    names = {p.feature_id: p.name for p in data.places}
    records = []
    for comparison in data.analysis.comparisons:
        entries = comparison["claims"]
        if not any(e["claim_id"] in in_view for e in entries):
            continue
        period = comparison["period"]
        records.append({
            "subject": comparison["subject"],
            "places": "; ".join(names.get(p, p) for p in comparison["place_ids"]),
            "period": period["start"] if period["start"] == period["end"]
            else f"{period['start']} … {period['end']}",
            "figures": " | ".join(f"{e['speaker'] or '(article)'}: {', '.join(e['figures']) or '—'}"
                                  for e in entries),
            "sources": " | ".join(f"{e['date']} {e['source'] or e['article_id']}" for e in entries),
            "kind": comparison["kind"], "disputed": comparison["disputed"],
            "reason": comparison["reason"],
        })
    records.sort(key=lambda r: (not r["disputed"], r["period"], r["subject"]))
    return pd.DataFrame.from_records(records, columns=DISPUTES_COLUMNS)


def disputes_section(view: View) -> None:
    """The page's Disputes table (below the claims table)."""
    st.subheader("Disputes")
    frame = disputes_frame(view)
    if frame.empty:
        st.caption("No claims in range are compared with another (same subject, place and "
                   "period).")
        return
    st.caption("Claims about the same subject, place and period; disputed when their figures "
               "differ beyond their qualifiers, or one denies the other.")
    st.dataframe(frame, hide_index=True, width="stretch")


def time_basis_toggle() -> str:
    """The date slider's mode: publication date (the default) or the claims' event time."""
    basis = st.radio("Date slider filters by the claims'", TIME_BASES, key="time_basis",
                     bind="query-params", horizontal=True,
                     help="publication: the article's date; event: when the claim says it "
                          "happened (\"in the past five days\"), else the article's date. "
                          "The URL holds the option as shown (?time_basis=event).")
    return basis if basis in TIME_BASES else PUBLICATION


class Legend(MacroElement):
    """The map's legend: what a region, a settlement and a disputed place look like."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        (function () {
          var legend = L.control({position: "bottomright"});
          legend.onAdd = function () {
            var div = L.DomUtil.create("div", "claimmap-legend");
            div.style.cssText = "background:#fff;padding:6px 8px;font:12px sans-serif;" +
              "border-radius:4px;box-shadow:0 0 4px rgba(0,0,0,.3);line-height:18px";
            div.innerHTML =
              "<span style='display:inline-block;width:12px;height:12px;background:#f97316;" +
              "opacity:.5;border:1px solid #c2410c'></span> region-level claims<br>" +
              "<span style='display:inline-block;width:12px;height:12px;border-radius:6px;" +
              "background:#ef4444;border:2px solid #b91c1c'></span> disputed place";
            return div;
          };
          legend.addTo({{ this._parent.get_name() }});
        })();
        {% endmacro %}
    """)
