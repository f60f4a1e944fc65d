"""What a shared link asks for that the page cannot show, said on the page.

Streamlit seeds each bound widget from the URL and silently drops a value it cannot use (a
malformed or out-of-range date, an unknown speaker), and it takes a reversed date range as
it is, which shows no claim at all. A link is how analysts cite a view, so a link that
does not open as sent must say so: :func:`link_problems` reads the parameters of the
widgets of :mod:`dashboard.controls` once, on a session's first run, and returns one
message per problem, saying what is shown instead (a reversed range is put in order by
:func:`dashboard.controls.sidebar`; anything else Streamlit drops). Pure (no Streamlit); values are quoted
shortened and escaped (:func:`quoted`), since a link is as untrusted as an article.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Callable

from geo.errors import one_line

from .daterange import SliderRange
from .layerdata import LayerData

SHOWN_CHARACTERS = 60
"""A value quoted in a message is cut to this many characters (a link may hold 10,000)."""
TOGGLES = ("hide_reporter", "countries", "tiles")
_ISO = re.compile(r"\d{4}-\d{2}-\d{2}")

GetAll = Callable[[str], list[str]]


def quoted(value: str) -> str:
    """``value`` as a Markdown code span: escaped to one line, shortened, no backticks."""
    text = one_line(value).replace("`", "'")
    if len(text) > SHOWN_CHARACTERS:
        return f"`{text[:SHOWN_CHARACTERS]}…` ({len(value):,} characters)"
    return f"`{text}`"


def _listed(values: list[str]) -> str:
    shown = ", ".join(quoted(v) for v in values[:5])
    return shown + (f" and {len(values) - 5} more" if len(values) > 5 else "")


def _date(value: str) -> dt.date | None:
    if not _ISO.fullmatch(value):
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def _dates(values: list[str], bounds: SliderRange | None) -> list[str]:
    if not values:
        return []
    if bounds is None or not bounds.sliding:
        return ["The link's `dates` are ignored: this layer has no range of dates to choose "
                "from."]
    if len(values) != 2:
        return [f"The link's `dates` must be two dates (start and end), not {len(values)} "
                f"({_listed(values)}): showing all dates."]
    parsed = [_date(v) for v in values]
    bad = [v for v, d in zip(values, parsed) if d is None]
    if bad:
        return [f"The link's `dates` {_listed(bad)} are not dates (YYYY-MM-DD): showing all "
                "dates."]
    start, end = sorted(parsed)
    if not bounds.first <= start <= end <= bounds.last:
        return [f"The link's dates {start} to {end} reach beyond this layer's {bounds.first} "
                f"to {bounds.last}: showing all dates."]
    if parsed[0] > parsed[1]:
        return [f"The link's dates run backwards ({values[0]} to {values[1]}): showing "
                f"{start} to {end}."]
    return []


def _unknown(key: str, what: str, values: list[str], known) -> list[str]:
    missing = [v for v in dict.fromkeys(values) if v not in known]
    if not missing:
        return []
    return [f"The link's `{key}` names {what} not in this layer, ignored: {_listed(missing)}."]


def _single(key: str, values: list[str]) -> list[str]:
    """A key given more than once: Streamlit (and :func:`controls.url_choices`) use the last."""
    if len(values) > 1:
        return [f"The link gives `{key}` {len(values)} times ({_listed(values)}), which takes "
                "one value: the last one is used."]
    return []


def link_problems(data: LayerData, get_all: GetAll, bounds: SliderRange | None) -> list[str]:
    """Every problem of the link's parameters (``get_all``: a parameter's values)."""
    messages = _dates(get_all("dates"), bounds)
    messages += _unknown("speaker", "speakers", get_all("speaker"), set(data.speakers))
    messages += _unknown("source", "sources", get_all("source"), set(data.sources))
    messages += _unknown("article", "articles", get_all("article"),
                         set(data.article_labels.values()))
    places = get_all("place")
    names = {p.name for p in data.places} | {f"{p.name} [{p.place_id}]" for p in data.places}
    messages += _single("place", places) or _unknown("place", "a place", places, names)
    for key in TOGGLES:
        values = get_all(key)
        messages += _single(key, values) or [
            f"The link's `{key}` is {quoted(v)}, not true or false: ignored."
            for v in values if v.lower() not in ("true", "false")]
    return messages
