"""Stage 3, gazetteer: every bundled source behind one fast, offline name lookup.

What it offers:

* :class:`Gazetteer` (:mod:`.lookup`) — ``Gazetteer.load()`` opens (building if needed) the
  on-disk index of the bundled sources plus any user packs and overrides; ``lookup`` and
  ``candidates`` give the places a name may denote, best first; ``get`` a place by id;
  ``knows`` whether a name is a place name at all (what spotting asks);
* :mod:`.names` — the name keys (case, accent, apostrophe and hyphen folding, and the
  looser transliteration folding) that the index and the recogniser both apply, and the
  district names ("Sudzhansky District", "Pokrovsk raion", "Ocheretyne hromada");
* :mod:`.translit` — the romanised forms reports use (Russian through ``iuliia``,
  Ukrainian BGN/PCGN);
* :func:`read_pack` (:mod:`.packs`) — a user CSV pack or overrides file, checked row by row.

Inside: :mod:`.index` (the SQLite index, keyed by the sources' hashes) and :mod:`.sources`
(one reader per source — among them every Ukrainian settlement, its raions and hromadas,
the Russian border oblasts' villages and raions, the landmarks — and the merge). Sources, pack schema and load times: docs/gazetteer.md.
"""

from .lookup import Gazetteer
from .packs import read_pack

__all__ = ["Gazetteer", "read_pack"]
