"""Stage 5, geocoding: geocoders in geopy's shape — one interface, one module per backend.

What it offers:

* :class:`Geocoder` (:mod:`.base`) — the interface;
* :func:`get_geocoder` — ``get_geocoder("offline")`` (the default) answers from the bundled
  gazetteer (:mod:`.offline`); ``get_geocoder("nominatim", user_agent=...)`` or any other
  geopy service name goes online, rate-limited and cached (:mod:`.online`, :mod:`.cache`);
* :func:`geo.geocoding.online.online_mention_hook` — what ``claimmap build --online`` runs on
  each article's unresolved mentions.

A backend is imported only when asked for by name, so the offline path never loads geopy's
online machinery, and no backend imports this package (no import cycle).
"""

from __future__ import annotations

from typing import Any

from .base import OFFLINE_NAMES, Geocoder


def get_geocoder(name: str = "offline", **kw: Any) -> Geocoder:
    """The offline gazetteer geocoder (default; pass ``gazetteer=`` to reuse a loaded one) or
    any geopy geocoder by its service name ("nominatim", "photon", …), which needs
    ``user_agent=`` and is rate-limited and cached (see :mod:`geo.geocoding.online`)."""
    if name in OFFLINE_NAMES:
        from .offline import OfflineGeocoder

        return OfflineGeocoder(kw.get("gazetteer"))
    from .online import OnlineGeocoder

    return OnlineGeocoder(name, **kw)


__all__ = ["Geocoder", "get_geocoder"]
