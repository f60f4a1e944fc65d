"""The one geocoder interface, in geopy's shape.

Contract: ``geocode(query, *, exactly_one=True)`` returns a geopy ``Location`` (or a list of
them when ``exactly_one`` is False), or None / [] when nothing is found; it raises
:class:`geo.errors.GeocoderError` when the backend fails, so callers can fall back to the
offline gazetteer without losing the mention. Backends: :mod:`.offline`, :mod:`.online`;
:func:`geo.geocoding.get_geocoder` picks one by name. This module imports no backend, so
the backends can import it.
"""

from __future__ import annotations

from typing import Protocol

from geopy.location import Location

OFFLINE_NAMES = ("offline", "gazetteer")
"""Names under which :func:`geo.geocoding.get_geocoder` gives the offline backend."""


class Geocoder(Protocol):
    """Anything with geopy's ``geocode`` signature."""

    name: str

    def geocode(self, query: str, *, exactly_one: bool = True) -> Location | list[Location] | None:
        ...
