"""The page's widgets, turned into :class:`Filters` and :class:`MapOptions`.

Every widget is bound to the URL query (``bind="query-params"``), so the view — dates,
filters, toggles, selected place — can be shared and cited; docs/dashboard.md lists the
parameters. Map clicks come back from streamlit-folium as the clicked popup's text, whose
last line names the place (:func:`dashboard.popups.place_id_from_popup`).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Callable, NamedTuple

import numpy as np
import streamlit as st

from .analysis import PUBLICATION, TIME_BASES, event_bounds
from . import dates
from .daterange import SliderRange, clamp_note, slider_range, window_of
from .disputes import time_basis_toggle
from .layerdata import Filters, LayerData, PlaceClaims, window
from .mapview import MapOptions
from .popups import place_id_from_popup
from .urlstate import link_problems

DAY = dt.timedelta(days=1)
QUERY = "query-params"
CLICK_STATE = "_claimmap_last_click"
CENTER_STATE = "_claimmap_center"
ZOOM_STATE = "_claimmap_zoom"
MOUNTED_STATE = "_claimmap_mounted_base"
COMPLETE_STATE = "_claimmap_complete"
LINK_STATE = "_claimmap_link_problems"
ARTICLE_OPTIONS = 300
"""Articles the filter lists at most (the newest in the date range; see article_options)."""


def _span(data: LayerData, basis: str) -> tuple[dt.date | None, dt.date | None]:
    """The first and last day of the chosen time: publication dates or event times."""
    return (data.first_date, data.last_date) if basis == PUBLICATION else event_bounds(data.analysis)


def _bounds(first: dt.date | None, last: dt.date | None) -> SliderRange | None:
    """The date slider's range, or ``None`` when all claims (if any) share one day."""
    return None if first is None or first == last else slider_range(first, last)


def _date_range(data: LayerData, basis: str, bounds: SliderRange | None, typed: bool
                ) -> tuple[dt.date | None, dt.date | None]:
    """The date slider over publication dates or event times (its own URL key), clamped to
    what it can show (daterange); ``typed``: with the typed first and last day
    (:mod:`dashboard.dates`)."""
    first, last = _span(data, basis)
    if bounds is None:
        if first is not None:
            st.caption(f"All claims are dated {first.isoformat()}.")
        return first, last
    note = clamp_note(first, last, bounds)
    if note:
        st.warning(note)
    if not bounds.sliding:
        return None, None
    published = basis == PUBLICATION
    key = "dates" if published else "event_dates"
    inputs = dates.typed_area() if typed else None
    seeded = dates.seed(key, bounds.first, bounds.last)
    start, end = st.slider("Claims dated" if published else "Events dated",
                           min_value=bounds.first, max_value=bounds.last, step=DAY,
                           format="YYYY-MM-DD", key=key, bind=QUERY, **seeded,
                           help="Drag either end, type the days, or drag over the timeline.")
    start, end = sorted((start, end))  # a link's reversed range, put in order
    if inputs is not None:
        dates.typed_days(inputs, key, bounds.first, bounds.last, start, end)
    return window_of(bounds, start, end)


def _check_link(data: LayerData, bounds: SliderRange | None, first_run: bool) -> None:
    """On a session's first run, check what the link asks for (:mod:`dashboard.urlstate`);
    every run of the session, say what of it could not be shown."""
    if first_run:
        st.session_state[LINK_STATE] = link_problems(data, st.query_params.get_all, bounds)
    for message in st.session_state.get(LINK_STATE, ()):
        st.warning(message)


def article_options(data: LayerData, start: dt.date | None, end: dt.date | None,
                    chosen: set[str], limit: int = ARTICLE_OPTIONS) -> tuple[list[str], int]:
    """The article filter's options: the ``limit`` newest articles with claims dated
    start..end, plus every ``chosen`` one, in id order; and how many articles are in range.

    Why a limit: Streamlit sends and renders every option, and the whole-history list of a
    10k-article layer was ~450 KB per page load and seconds of browser time (measured).
    """
    lo, hi = window(data, start, end)
    codes = data.article[lo:hi][::-1]  # newest first
    in_range, first = np.unique(codes, return_index=True)
    newest = in_range[np.argsort(first, kind="stable")[:limit]]
    ids = {data.article_ids[int(c)] for c in newest} | (chosen & set(data.article_ids))
    return sorted(ids), len(in_range)


def _labelled(data: LayerData, labels: list[str]) -> tuple[str, ...]:
    """Ids of the articles with these labels (the URL names articles by label; an article
    id is accepted too, so a link stays valid if the names change)."""
    wanted = set(labels)
    return tuple(a for a, label in data.article_labels.items() if label in wanted or a in wanted)


def _articles(data: LayerData, start: dt.date | None, end: dt.date | None) -> list[str]:
    """The article filter. Articles already chosen (here or in the URL) stay listed, so
    narrowing the list never drops a selection."""
    labels = data.article_labels
    chosen = set(st.session_state.get("article") or ())
    chosen |= set(_labelled(data, st.query_params.get_all("article")))
    options, in_range = article_options(data, start, end, chosen, ARTICLE_OPTIONS)
    articles = st.multiselect("Articles", options, key="article", bind=QUERY,
                              format_func=lambda a: labels.get(a, a),
                              placeholder="all articles")
    if in_range > ARTICLE_OPTIONS:
        st.caption(f"Lists the {ARTICLE_OPTIONS} newest of {in_range} articles in the date "
                   "range; narrow the dates to pick older ones.")
    return articles


class Choices(NamedTuple):
    """What the filters other than the dates, and the map toggles, ask for."""

    speakers: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    articles: tuple[str, ...] = ()
    hide_reporter: bool = False
    countries: bool = False
    tiles: bool = False


def url_choices(data: LayerData, get_all: Callable[[str], list[str]]) -> Choices:
    """The :class:`Choices` a URL asks for (``get_all``: a query parameter's values), read
    as Streamlit seeds the bound widgets from it: options it does not know are dropped,
    articles are named by label, a toggle is on for ``true`` in any case (its last value)."""
    def known(key: str, options) -> tuple[str, ...]:
        wanted = set(get_all(key))
        return tuple(o for o in options if o in wanted)

    def on(key: str) -> bool:
        values = get_all(key)
        return bool(values) and values[-1].lower() == "true"

    return Choices(speakers=known("speaker", data.speakers), sources=known("source", data.sources),
                   articles=_labelled(data, get_all("article")),
                   hide_reporter=on("hide_reporter"), countries=on("countries"), tiles=on("tiles"))


def _choice_widgets(data: LayerData, start: dt.date | None, end: dt.date | None) -> Choices:
    speakers = st.multiselect("Speakers", data.speakers, key="speaker", bind=QUERY,
                              placeholder="all speakers")
    sources = st.multiselect("Sources", data.sources, key="source", bind=QUERY,
                             placeholder="all sources")
    articles = _articles(data, start, end)
    hide_reporter = st.toggle("Hide the articles' own statements", key="hide_reporter",
                              bind=QUERY, help='Claims with attribution "reporter".')
    st.header("Map")
    countries = st.toggle("Show countries", key="countries", bind=QUERY,
                          help="Country-level claims are hidden by default.")
    tiles = st.toggle("OpenStreetMap tiles (online)", key="tiles", bind=QUERY,
                      help="Off: the bundled base map, no request leaves the app.")
    return Choices(tuple(speakers), tuple(sources), tuple(articles), hide_reporter, countries,
                   tiles)


def sidebar(data: LayerData, complete: bool = True, dates_area=None
            ) -> tuple[Filters, MapOptions]:
    """Draw the filters in the sidebar, the date controls in ``dates_area`` (a container
    above the map, full width: one day must be wide enough to hit); return what they ask for.

    Not ``complete`` (see :func:`complete_page`): the date slider only; the other filters
    and the toggles take the values the URL gives them (:func:`url_choices`), which their
    widgets, drawn from the next run on, start from too.
    """
    with st.sidebar:
        st.header("Filters")
        if complete:
            basis = time_basis_toggle()
        else:
            basis = (st.query_params.get_all("time_basis") or [PUBLICATION])[-1]
            basis = basis if basis in TIME_BASES else PUBLICATION
        bounds = _bounds(*_span(data, basis))
        _check_link(data, _bounds(data.first_date, data.last_date), first_run=not complete)
        with dates_area if dates_area is not None else st.sidebar:
            start, end = _date_range(data, basis, bounds, typed=complete)
        if complete:
            chosen = _choice_widgets(data, start, end)
        else:
            chosen = url_choices(data, st.query_params.get_all)
            st.caption("More filters appear once the map is drawn.")
    filters = Filters(start=start, end=end, speakers=frozenset(chosen.speakers),
                      sources=frozenset(chosen.sources), articles=frozenset(chosen.articles),
                      hide_reporter=chosen.hide_reporter, time_basis=basis)
    return filters, MapOptions(show_countries=chosen.countries, tiles=chosen.tiles)


def remember_map_state(returned: dict | None, places: list[PlaceClaims]) -> None:
    """Keep centre/zoom for the next mount, and select a newly clicked place."""
    if not returned:
        return
    center, zoom = returned.get("center"), returned.get("zoom")
    if center and zoom:
        st.session_state[CENTER_STATE] = (center["lat"], center["lng"])
        st.session_state[ZOOM_STATE] = zoom
    click = (returned.get("last_object_clicked_popup"), str(returned.get("last_object_clicked")))
    if click == st.session_state.get(CLICK_STATE):
        return
    st.session_state[CLICK_STATE] = click
    place_id = place_id_from_popup(click[0])
    label = next((k for k, p in place_labels(places).items() if p.place.place_id == place_id),
                 None)
    if label is not None:
        st.session_state["place"] = label


def map_view_state(base: object) -> tuple[tuple[float, float] | None, int | None]:
    """Centre and zoom to hand to the map: the remembered ones only on the run that swaps the
    base map (``base`` identifies it; a new base map re-mounts the frame, which would
    otherwise start from the initial view), else ``(None, None)``.

    Why not on every run: the map reports its centre 250 ms after it starts moving, so a
    report taken during a popup's auto-pan came back with the next rerun and moved the map
    back under the popup, cutting its top off.
    """
    mounted = st.session_state.get(MOUNTED_STATE)
    st.session_state[MOUNTED_STATE] = base
    if mounted is None or mounted == base:
        return None, None
    return st.session_state.get(CENTER_STATE), st.session_state.get(ZOOM_STATE)


def complete_page() -> bool:
    """Whether this run draws the whole page. Call it once per run, before drawing.

    Not a session's first run: it draws the title, the date slider and the map, so that the
    browser mounts the map before it loads and renders the code of the other widgets
    (Streamlit fetches each widget type's code when one is first shown), of the chart and
    of the data grid. On a 2-core machine they delayed the first map render by about 1.4 s
    (0.9 s the chart and grid, 0.5 s the widgets; docs/benchmark.md). The mounted map reports its centre at once (``center`` is
    in ``returned_objects`` and never in streamlit-folium's default value), which reruns
    the page and draws the rest; any widget change draws it too.
    """
    complete = bool(st.session_state.get(COMPLETE_STATE))
    st.session_state[COMPLETE_STATE] = True
    return complete


def place_labels(places: list[PlaceClaims]) -> dict[str, PlaceClaims]:
    """Selector label → place. Labels are names (stable across filters, so a shared URL
    keeps working); a name used by two places gets its place id appended."""
    names = Counter(p.place.name for p in places)
    return {(p.place.name if names[p.place.name] == 1
             else f"{p.place.name} [{p.place.place_id}]"): p for p in places}


def selected_place(places) -> str | None:
    """Place id of the place chosen in the side panel (or by a ``place=`` link), if in view."""
    label = st.session_state.get("place") or st.query_params.get("place")
    entry = place_labels(list(places)).get(label) if label else None
    return entry.place.place_id if entry else None


def place_picker(places: list[PlaceClaims]) -> PlaceClaims | None:
    """The side panel's place selector (also set by clicking the map)."""
    by_label = place_labels(places)
    if st.session_state.get("place") not in (None, "", *by_label):
        st.session_state["place"] = ""  # filtered out; a URL value is checked by Streamlit
    chosen = st.selectbox("Place", ["", *sorted(by_label)], key="place", bind=QUERY,
                          format_func=lambda label: label or "— click a place on the map —")
    return by_label.get(chosen)
