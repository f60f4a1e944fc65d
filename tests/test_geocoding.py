"""Geocoders: the offline gazetteer, and geopy's Nominatim against a local fake server.

No test touches the network: the online path talks to a tiny HTTP server on 127.0.0.1 that
answers like Nominatim (a hand-written response in its JSON format), through geopy's own
adapter, so the real request/response code of geopy is exercised.
"""

from __future__ import annotations

import json

import pytest
from fake_nominatim import Nominatim, running
from geopy.location import Location

from geo.errors import GeocoderError, UsageError
from geo.geocoding import get_geocoder
from geo.geocoding.cache import GeocodeCache
from geo.geocoding.online import OnlineGeocoder, online_mention_hook, resolve_online
from geo.model import Mention

@pytest.fixture(scope="module")
def server():
    with running() as address:
        yield address


def _online(server, tmp_path, **kw) -> OnlineGeocoder:
    options = dict(user_agent="claimmap-tests", domain=server, scheme="http", timeout=0.3,
                   min_delay_seconds=0, max_retries=0, error_wait_seconds=0,
                   cache_path=tmp_path / "geocode.json")
    options.update(kw)
    return OnlineGeocoder("nominatim", **options)


def _unresolved(surface: str) -> Mention:
    return Mention("a", 0, len(surface), surface, None, None, f"{surface!r} is not in the gazetteer")


# --- offline --------------------------------------------------------------------------

def test_offline_geocoder_returns_geopy_locations_with_the_place(gazetteer):
    geocoder = get_geocoder("offline", gazetteer=gazetteer)
    location = geocoder.geocode("Kazachya Loknya")
    assert isinstance(location, Location)
    assert location.raw["place"].id == "theatre:kazachya-loknya"
    assert (round(location.latitude, 4), round(location.longitude, 4)) == (51.24, 35.2511)
    many = geocoder.geocode("Kursk", exactly_one=False)
    assert [loc.raw["place"].id for loc in many] == ["iso:RU-KRS", "geonames:538560"]
    assert geocoder.geocode("Zzyzxovka") is None


# --- online, against the fake server ----------------------------------------------------

def test_answers_are_cached_persistently_so_no_query_is_sent_twice(server, tmp_path):
    Nominatim.hits.clear()
    first = _online(server, tmp_path)
    location = first.geocode("Sudzha")
    assert location.address.startswith("Sudzha") and round(location.latitude, 2) == 51.19
    first.geocode("Sudzha")
    again = _online(server, tmp_path)  # a new run reads the cache file
    assert again.geocode("Sudzha").raw["osm_id"] == 2000002
    assert Nominatim.hits["Sudzha"] == 1


def test_nothing_found_is_an_answer_and_is_cached(server, tmp_path):
    Nominatim.hits.clear()
    geocoder = _online(server, tmp_path)
    assert geocoder.geocode("Nowhere") is None
    assert geocoder.geocode("Nowhere", exactly_one=False) == []
    assert Nominatim.hits["Nowhere"] == 1


@pytest.mark.filterwarnings("ignore:Latitude normalization")
@pytest.mark.parametrize("query", ["Boom", "Busy", "Garbage", "Slow", "Nonsense"])
def test_failures_raise_geocoder_error_and_are_never_cached(server, tmp_path, query):
    Nominatim.hits.clear()
    geocoder = _online(server, tmp_path)
    with pytest.raises(GeocoderError):
        geocoder.geocode(query)
    sent = Nominatim.hits[query]  # geopy's HTTP adapter may itself retry a timed-out read
    with pytest.raises(GeocoderError):
        geocoder.geocode(query)
    assert Nominatim.hits[query] == 2 * sent
    assert GeocodeCache(tmp_path / "geocode.json").get("nominatim", query) is None


def test_corrupt_cache_is_moved_aside_with_a_warning(server, tmp_path):
    (tmp_path / "geocode.json").write_text("{not json", encoding="utf-8")
    with pytest.warns(UserWarning, match="unreadable geocoding cache"):
        geocoder = _online(server, tmp_path)
    assert (tmp_path / "geocode.json.corrupt").read_text(encoding="utf-8") == "{not json"
    assert geocoder.geocode("Sudzha") is not None
    assert json.loads((tmp_path / "geocode.json").read_text(encoding="utf-8"))["version"] == 1


def test_unwritable_cache_warns_and_keeps_answers_in_memory(server, tmp_path):
    Nominatim.hits.clear()
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache folder should be")
    geocoder = _online(server, tmp_path, cache_path=blocker / "geocode.json")
    with pytest.warns(UserWarning, match="cannot save the geocoding cache"):
        geocoder.geocode("Sudzha")
    geocoder.geocode("Sudzha")
    assert Nominatim.hits["Sudzha"] == 1


@pytest.mark.parametrize("user_agent", [None, "", "   "])
def test_online_needs_a_user_agent(user_agent, tmp_path):
    with pytest.raises(UsageError, match="user-agent"):
        OnlineGeocoder("nominatim", user_agent=user_agent, cache_path=tmp_path / "g.json")
    with pytest.raises(UsageError):
        online_mention_hook("nominatim", user_agent=user_agent)


def test_unknown_service_is_a_usage_error():
    with pytest.raises(UsageError, match="unknown geocoder"):
        get_geocoder("no-such-service", user_agent="claimmap-tests")


def test_resolve_online_fills_unresolved_and_keeps_failures(server, tmp_path, gazetteer):
    geocoder = _online(server, tmp_path)
    resolved = Mention("a", 0, 6, "Russia", gazetteer.get("iso:RU"), "country name", None)
    mentions = [resolved, _unresolved("Sudzha"), _unresolved("Boom"), _unresolved("Nowhere")]
    with pytest.warns(UserWarning, match="nominatim failed"):
        out = resolve_online(mentions, geocoder, gazetteer)
    assert out[0] is resolved
    place = out[1].place
    assert place.id == "osm:node/2000002" and place.admin1 == "RU-KRS" and place.country == "RU"
    assert place.kind == "settlement" and place.source == "online:nominatim" and out[1].reason is None
    assert out[2].place is None and "online" in out[2].reason and "Boom" in out[2].surface
    assert out[3].place is None and "found nothing" in out[3].reason
