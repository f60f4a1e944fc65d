"""Geocoders in geopy's shape: one interface, one module per backend.

``get_geocoder("offline")`` (the default) answers from the bundled gazetteer;
``get_geocoder("nominatim", user_agent=...)`` or any other geopy service name goes online,
rate-limited and cached. :func:`geo.geocoders.online.resolve_online` geocodes a build's
unresolved mentions when the user passes ``--online``.
"""

from .base import Geocoder, get_geocoder

__all__ = ["Geocoder", "get_geocoder"]
