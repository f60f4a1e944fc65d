"""The layer under the page: loaded once per version of the file, and kept when it breaks.

Why keep it: the layer file may be rebuilt, copied over, truncated or replaced by something
invalid while analysts have the page open (a build that does not write atomically, ``cp``
over it, a full disk). A rerun then finds a file it cannot read; showing a traceback, or an
error instead of the map, would take the tool away from everyone for one bad write. So the
last layer that validated stays shown, with a message naming what is wrong with the file
now, and a valid new file is picked up on the next run (the cache key has its mtime and size).
A file that was never valid is an error, as before (:func:`dashboard.layerfile.read_layer_json`).
"""

from __future__ import annotations

import gc
import threading
from pathlib import Path
from typing import NamedTuple

import streamlit as st

from geo.errors import LayerError

from .layerdata import LayerData, load_layer

_LAST_GOOD: dict[str, LayerData] = {}
"""Path → the last layer read from it that validated (shared by every session)."""
_LOCK = threading.Lock()


@st.cache_resource(show_spinner="Loading the layer…", max_entries=4)
def _cached_layer(path: str, mtime_ns: int, size: int) -> LayerData:
    """Keyed by the file's mtime and size too, so a rebuilt layer is reloaded.

    ``cache_resource``, not ``cache_data``: LayerData is immutable and shared read-only, and
    ``cache_data`` would unpickle a copy on every rerun (2.2 s for a 100k-claim layer).
    A :class:`LayerError` is not cached (Streamlit caches only returned values), so a file
    that is fixed under the same mtime and size is read again.

    The loaded layer is frozen out of the garbage collector (``gc.freeze``): Streamlit runs a
    full collection after every script run (``runner.postScriptGC``), and walking a
    100k-claim layer's ~150k objects took 0.2-0.4 s each time, holding the GIL, so the server
    could neither send the page nor serve the files the browser was waiting for
    (docs/benchmark.md). Frozen objects are still freed by reference counting when the cache
    drops the layer; the collection before the freeze keeps garbage from being frozen too.
    """
    data = load_layer(path)
    gc.collect()
    gc.freeze()
    return data


class Loaded(NamedTuple):
    """The layer to show, and what is wrong with the file now (``None``: it is that layer)."""

    data: LayerData
    problem: LayerError | None = None


def load(path: Path) -> Loaded:
    """The layer at ``path``, or the last good one with the file's problem; raises
    :class:`LayerError` when the file is bad and no good version of it was ever loaded."""
    key = str(path)
    try:
        try:
            stat = path.stat()
        except OSError:  # missing or unreadable: load_layer raises the LayerError naming it
            data = load_layer(path)
        else:
            data = _cached_layer(key, stat.st_mtime_ns, stat.st_size)
    except LayerError as problem:
        with _LOCK:
            last = _LAST_GOOD.get(key)
        if last is None:
            raise
        return Loaded(last, problem)
    with _LOCK:
        _LAST_GOOD[key] = data
    return Loaded(data)


def problem_note(problem: LayerError) -> str:
    """What the page says while it shows the last good layer."""
    return (f"The layer file cannot be read now ({problem}); still showing the last version "
            "that could. A valid file is picked up on the next interaction or reload.")


def layer_notes(data: LayerData) -> list[str]:
    """What the page says about a layer whose map would otherwise look broken."""
    if not data.claims:
        return ["This layer has no claims: the map is empty."]
    if not data.places:
        return [f"This layer has claims, but none of its {data.claim_count} claims is on a "
                "place (no place was resolved): the map is empty; they are listed below."]
    return []
