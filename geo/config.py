"""Every path and environment variable claimmap uses, in one place.

Why: claimmap runs from a checkout (``make``, an editable install) and from an installed
wheel, from any folder. What ships with the package — the gazetteer sources, the rule
tables, the layer schema, the dashboard's app and static files, the seeds' layer — is found
through :mod:`importlib.resources`, never through a path relative to the repository; what
the user works on (articles, the layer being built) is relative to the current folder.

Environment variables: ``CLAIMMAP_CACHE`` (the gazetteer index and geocoding caches;
default ``~/.cache/claimmap``; downloaded pages in its ``pages/``), ``CLAIMMAP_LAYER`` (the
layer the dashboard opens) and ``CLAIMMAP_STORE`` (the incremental store the dashboard adds
reports through).
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path
from typing import Mapping

CACHE_ENV = "CLAIMMAP_CACHE"
LAYER_ENV = "CLAIMMAP_LAYER"
STORE_ENV = "CLAIMMAP_STORE"

BUNDLED = Path(str(resources.files("geo.bundled")))
"""The data shipped with the package: ``data/`` of the repository (mapped to the package
``geo.bundled`` in pyproject.toml), ``geo/bundled/`` in an installed wheel."""
GAZETTEER_DIR = BUNDLED / "gazetteer"
ADMIN1_FILE = "admin1_ru_ua_ne10m.geojson"
COUNTRIES_FILE = "countries-110m.topojson.json"
THEATRE_FILE = "kursk_theatre_places.csv"
KATOTTG_FILE = "ua_settlements_katottg2025.csv.gz"
WOF_FILE = "ua_wof_localities.csv.gz"
CODAB_FILE = "ua_codab_admin_centroids.csv.gz"
UA_NAME_FORMS_FILE = "ua_name_forms.csv"
POSTAL_FILE = "ru_border_geonames_postal_places.csv.gz"
ADMIN2_FILE = "geonames_admin2_ru_ua.csv.gz"
LANDMARKS_FILE = "landmarks.csv"
WORLD_ADMIN1_FILE = "admin1_world_ne10m.geojson"
WORLD_REGIONS_FILE = "world_regions.csv"
COUNTRY_NAMES_FILE = "country_names.csv"
GAZETTEER_SOURCES = (ADMIN1_FILE, COUNTRIES_FILE, THEATRE_FILE, KATOTTG_FILE, WOF_FILE, CODAB_FILE,
                     UA_NAME_FORMS_FILE, POSTAL_FILE, ADMIN2_FILE, LANDMARKS_FILE, WORLD_ADMIN1_FILE,
                     WORLD_REGIONS_FILE, COUNTRY_NAMES_FILE)
"""The bundled sources every gazetteer reads, under :data:`GAZETTEER_DIR` (docs/gazetteer.md)."""
PACKS_SUBDIR = "packs"
"""User packs dropped into ``<gazetteer dir>/packs/*.csv`` are loaded automatically."""
OVERRIDES_FILE = "overrides.csv"
"""``<gazetteer dir>/overrides.csv``, when present, is the default overrides file."""
SEED_LAYER = BUNDLED / "claims.geojson"
"""The layer built from ``seeds/``: what the dashboard opens when there is no other."""

GEO_DIR = Path(str(resources.files("geo")))
RULES_DIR = GEO_DIR / "rules"
LAYER_SCHEMA = GEO_DIR / "layer" / "layer.schema.json"

DASHBOARD_DIR = Path(str(resources.files("dashboard")))
DASHBOARD_APP = DASHBOARD_DIR / "app.py"
STATIC_DIR = DASHBOARD_DIR / "static"
"""Served by Streamlit at ``/app/static/`` (static serving is on, see :data:`STREAMLIT_OPTIONS`)."""
STREAMLIT_OPTIONS = {
    "server.enableStaticServing": "true",
    "server.headless": "true",
    "browser.gatherUsageStats": "false",
    "client.toolbarMode": "minimal",
}
"""The dashboard's Streamlit settings, given on the command line by ``claimmap dashboard``
and the test server: serve ``dashboard/static/`` (Leaflet, the base map), open no browser,
send no usage statistics. ``.streamlit/config.toml`` repeats them for a plain
``streamlit run dashboard/app.py`` in a checkout; a test keeps the two equal."""
STREAMLIT_FLAGS = tuple(f"--{name}={value}" for name, value in STREAMLIT_OPTIONS.items())

ARTICLES = Path("seeds")
"""What ``claimmap build`` reads when given no inputs (relative to the current folder)."""
LAYER = Path("data") / "claims.geojson"
"""Where ``claimmap build`` writes, and the dashboard's first choice (current folder)."""
ONLINE_BUDGET_SECONDS = 300.0
"""``claimmap build --online``'s default total time for online lookups (geo/geocoding/budget.py):
five minutes is 300 queries at Nominatim's one per second, and bounds a hanging service."""


def cache_dir(environ: Mapping[str, str] = os.environ) -> Path:
    """``$CLAIMMAP_CACHE``, or ``~/.cache/claimmap``."""
    chosen = environ.get(CACHE_ENV)
    return Path(chosen) if chosen else Path.home() / ".cache" / "claimmap"


def index_name(key: str) -> str:
    """The gazetteer index file for a fingerprint, in :func:`cache_dir`."""
    return f"gazetteer-{key[:24]}.sqlite"


def geocode_cache(service: str, environ: Mapping[str, str] = os.environ) -> Path:
    """The persistent answers of one online geocoder."""
    return cache_dir(environ) / f"geocode-{service}.json"


def pages_cache(environ: Mapping[str, str] = os.environ) -> Path:
    """The pages ``--fetch`` and ``claimmap add`` downloaded, one file per URL."""
    return cache_dir(environ) / "pages"


def default_store(layer: Path, environ: Mapping[str, str] = os.environ) -> Path:
    """The incremental store of a layer (``build --store`` without a file, and the
    dashboard's "Add reports" panel): ``$CLAIMMAP_STORE``, else ``<layer>.store.sqlite``
    beside the layer."""
    chosen = environ.get(STORE_ENV)
    return Path(chosen) if chosen else Path(layer).with_name(Path(layer).name + ".store.sqlite")


def default_layer(environ: Mapping[str, str] = os.environ, cwd: Path | None = None) -> Path:
    """The layer the dashboard opens without ``--layer``: ``$CLAIMMAP_LAYER``, else
    ``./data/claims.geojson`` when it exists, else the bundled seeds' layer."""
    chosen = environ.get(LAYER_ENV)
    if chosen:
        return Path(chosen)
    local = (cwd or Path.cwd()) / LAYER
    return local if local.is_file() else SEED_LAYER
