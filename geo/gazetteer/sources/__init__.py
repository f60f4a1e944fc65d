"""The gazetteer's bundled sources, each read into :class:`Record` objects, and their merge.

Why apart from the index: reading the sources is slow (GeoNames has 235k places) and is done
only when the on-disk index is missing or stale; the index then serves every lookup. One
module per source — :mod:`.regions` (Natural Earth admin-1 regions and world-atlas
countries, with polygons), :mod:`.geonames` (populated places), :mod:`.curated` (the
border-theatre list and the landmarks), :mod:`.ukraine` (every Ukrainian settlement:
KATOTTG 2025 with Who's On First names and points, COD-AB centroids), :mod:`.districts`
(Ukrainian raions and hromadas), :mod:`.postal` (the Russian border oblasts' villages and
raions), :mod:`.world` (the other countries' regions, continents and world regions, CLDR's
country names) — plus :mod:`.records` (the Record type, the CSV reader) and :mod:`.merge`
(one record per place). Sources and licences: docs/gazetteer.md; the
non-commercial ``ru_settlements_kursk_belgorod_bryansk.csv`` is deliberately not read.
"""

import json

from ... import rules
from ..names import REGION_WORDS, STOPWORDS
from .curated import read_landmarks, read_theatre, region_codes
from .districts import read_districts
from .geonames import cities500, read_geonames, release_cache
from .merge import merge
from .postal import read_postal
from .records import PRIORITY, Record, csv_rows, slug
from .regions import CANONICAL_ADMIN1, COUNTRY_ALIASES, TYPE_WORDS, read_admin1, read_countries

RULES_READ = json.dumps([sorted(STOPWORDS), REGION_WORDS, COUNTRY_ALIASES, CANONICAL_ADMIN1,
                         TYPE_WORDS, rules.UK_LATIN, rules.DISTRICT_TYPES],
                        ensure_ascii=False, sort_keys=True)
"""Every rule value (``geo/rules/``) that reading the sources depends on, for the index
fingerprint: adding a stopword or a country alias rebuilds the index, a verb does not."""
from .ukraine import read_settlements, read_tables
from .world import country_names, geonames_admin1, read_world_admin1, read_world_regions

__all__ = ["PRIORITY", "Record", "cities500", "country_names", "csv_rows", "geonames_admin1",
           "merge", "read_admin1", "read_countries", "read_districts", "read_geonames",
           "read_landmarks", "read_postal", "read_settlements", "read_tables", "read_theatre",
           "read_world_admin1", "read_world_regions", "region_codes", "release_cache", "slug"]
