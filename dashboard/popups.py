"""HTML for popups, tooltips and the side panel, with every untrusted field escaped.

Article text, speakers, titles, sources and place names come from scraped articles, so they
are untrusted. folium pastes popup and tooltip HTML into a JavaScript template literal, where
``${`` and backticks break out even after :func:`html.escape`, and backslashes start escape
sequences; :func:`escape` therefore also turns ``\\``, ````` and ``$`` into HTML entities. Only
the tags written in this module stay raw. Links are made only from http(s) URLs.

The popup ends with a fixed ``place id: …`` line: the map returns the clicked popup's text,
and that last line maps a click back to a place whatever the claims say.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Sequence
from functools import lru_cache

from .layerdata import Claim, Place

POPUP_CLAIMS = 10
"""Claims listed in a popup; the side panel lists them all (popups stay light on big layers)."""
PLACE_ID_PREFIX = "place id: "
_ENTITIES = str.maketrans({"\\": "&#92;", "`": "&#96;", "$": "&#36;"})
_PLACE_ID_LINE = re.compile(rf"{re.escape(PLACE_ID_PREFIX)}([^\n]+?)\s*\Z")
_SAFE_URL = re.compile(r"https?://[^\s]+\Z", re.IGNORECASE)
_REGION_NOTE = {
    "country": "country-level claim: not an exact location",
    "region": "region-level claim: not an exact location",
    "district": "district-level claim: not an exact location",
    "hromada": "hromada-level claim: not an exact location",
}


def escape(value: object) -> str:
    """Text → HTML that shows it literally, safe inside a JS template literal too."""
    return html.escape(str(value), quote=True).translate(_ENTITIES)


def safe_url(url: str | None) -> bool:
    """Whether ``url`` may become a link (http(s) only)."""
    return bool(url and _SAFE_URL.match(url))


def counted(count: int, noun: str = "claim") -> str:
    """``1 claim``, ``2 claims``: the counts the page prints."""
    return f"{count} {noun}" + ("" if count == 1 else "s")


def tooltip_html(place: Place, count: int) -> str:
    """Tooltip: the place name and how many claims it has in the current view."""
    return f"<b>{escape(place.name)}</b> — {counted(count)}"


def _claim_text(claim: Claim) -> str:
    """The claim text with its direct quote marked (appended when not found verbatim)."""
    quote = claim.quote
    if not quote:
        return escape(claim.text)
    at = claim.text.find(quote)
    if at < 0:
        return f"{escape(claim.text)} <mark title='direct quote'>“{escape(quote)}”</mark>"
    return (f"{escape(claim.text[:at])}<mark title='direct quote'>{escape(quote)}</mark>"
            f"{escape(claim.text[at + len(quote):])}")


def _speaker(claim: Claim) -> str:
    who = escape(claim.speaker_label)
    if claim.speaker_title:
        who += f" <i>({escape(claim.speaker_title)})</i>"
    return who + (f" — {escape(claim.verb)}" if claim.verb else "")


def _article(claim: Claim) -> str:
    line = escape(claim.article_name)
    if claim.source and claim.article_title:
        line += f" / {escape(claim.source)}"
    if safe_url(claim.url):
        line += (f" — <a href=\"{escape(claim.url)}\" target=\"_blank\" "
                 f"rel=\"noopener noreferrer\">link</a>")
    return f"<small>article: {line}</small>"


@lru_cache(maxsize=1 << 16)
def claim_html(claim: Claim, text_html: str | None = None, notes: str = "",
               anchor_id: str = "") -> str:
    """One claim: date, speaker (title), text with the quote marked, the article.

    ``text_html``, ``notes`` and ``anchor_id`` come from :func:`dashboard.disputes.notes_html`
    (the text with its figures marked, the "disputed by / corroborated by" lines, the anchor
    those link to). Memoised (claims are frozen): escaping is most of a map build, and a
    slider move redraws mostly the same claims.
    """
    anchor = f"<a id=\"{escape(anchor_id)}\"></a>" if anchor_id else ""
    return (f"<li><b>{escape(claim.date)}</b> · {_speaker(claim)}<br>"
            f"{text_html or _claim_text(claim)}{notes}<br>{_article(claim)}{anchor}</li>")


NotesHtml = Callable[[Claim], tuple]
"""claim → the extra arguments of :func:`claim_html` (see :func:`dashboard.disputes.notes_html`)."""


def place_html(place: Place, claims: Sequence[Claim], total: int | None = None,
               notes: NotesHtml | None = None,
               more_where: str | None = "in the side panel") -> str:
    """The place, then ``claims`` (given newest first), then the ``place id`` line.

    ``total`` is how many claims the place has in view when only the first few are passed
    (a popup); the rest are counted, not listed, with a note saying ``more_where`` they are
    (none when ``None``: the side panel pages through them itself).
    """
    total = len(claims) if total is None else total
    where = ", ".join(escape(x) for x in (place.admin1, place.country) if x and x != place.name)
    note = _REGION_NOTE.get(place.precision, "approximate location" if place.approximate else "")
    head = f"<b>{escape(place.name)}</b> <small>{escape(place.kind)}"
    head += (f" · {where}" if where else "") + (f" · <i>{escape(note)}</i>" if note else "")
    more = total - len(claims)
    rest = (f"<p><i>… and {more} more {escape(more_where)}</i></p>"
            if more > 0 and more_where else "")
    items = "".join(claim_html(c, *notes(c)) if notes else claim_html(c) for c in claims)
    return (f"<div class='claimmap-place'>{head}</small> — {counted(total)}"
            f"<ol>{items}</ol>{rest}"
            f"<div><small>{PLACE_ID_PREFIX}{escape(place.place_id)}</small></div></div>")


def place_id_from_popup(text: str | None) -> str | None:
    """The place id written on the last line of a clicked popup's text, if any."""
    if not text:
        return None
    match = _PLACE_ID_LINE.search(text.strip())
    return match.group(1) if match else None
