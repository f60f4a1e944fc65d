"""The one geocoder interface (geopy's shape) and the factory that picks a backend.

Contract: ``geocode(query, *, exactly_one=True)`` returns a geopy ``Location`` (or a list of
them when ``exactly_one`` is False), or None / [] when nothing is found; it raises
:class:`geo.errors.GeocoderError` when the backend fails, so callers can fall back to the
offline gazetteer without losing the mention.
"""

from __future__ import annotations

from typing import Any, Protocol

from geopy.location import Location

OFFLINE_NAMES = ("offline", "gazetteer")


class Geocoder(Protocol):
    """Anything with geopy's ``geocode`` signature."""

    name: str

    def geocode(self, query: str, *, exactly_one: bool = True) -> Location | list[Location] | None:
        ...


def get_geocoder(name: str = "offline", **kw: Any) -> Geocoder:
    """The offline gazetteer geocoder (default; pass ``gazetteer=`` to reuse a loaded one) or
    any geopy geocoder by its service name ("nominatim", "photon", …), which needs
    ``user_agent=`` and is rate-limited and cached (see :mod:`geo.geocoders.online`)."""
    if name in OFFLINE_NAMES:
        from .offline import OfflineGeocoder

        return OfflineGeocoder(kw.get("gazetteer"))
    from .online import OnlineGeocoder

    return OnlineGeocoder(name, **kw)
