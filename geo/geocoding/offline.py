"""The bundled gazetteer behind geopy's geocoder interface (the default, no network).

``Location.raw`` is ``{"place": Place, "candidates": n}`` so callers keep the id, kind and
polygon; ``Location.point`` is the place's point, or a point inside its polygon.
"""

from __future__ import annotations

from geopy.location import Location

from .. import geometry as geom
from ..gazetteer import Gazetteer
from ..model import Place


def place_location(place: Place, candidates: int = 1) -> Location:
    """A geopy Location for a gazetteer place."""
    lon, lat = geom.representative_lonlat(place.geometry)
    address = ", ".join(part for part in (place.name, place.admin1, place.country) if part)
    return Location(address, (lat, lon), {"place": place, "candidates": candidates})


class OfflineGeocoder:
    """Geocodes with :meth:`Gazetteer.lookup` (best candidate first, no context)."""

    name = "offline"

    def __init__(self, gazetteer: Gazetteer | None = None):
        self.gazetteer = gazetteer if gazetteer is not None else Gazetteer.load()

    def geocode(self, query: str, *, exactly_one: bool = True) -> Location | list[Location] | None:
        places = self.gazetteer.lookup(query)
        locations = [place_location(p, len(places)) for p in places]
        if exactly_one:
            return locations[0] if locations else None
        return locations
