"""Stage 2, claims: who said what, when — sourced claims from a document.

What it offers:

* :func:`extract_claims` — every claim of a :class:`geo.model.Document` as
  :class:`geo.model.Claim` objects (module :mod:`.extract`, which says the contract);
* :data:`REPORTING_VERBS` / :data:`VERB_PATTERN` — every written form of the reporting verbs
  (:mod:`.verbs`), which place recognition also uses to tell a speaker from a place.

Inside: :mod:`.attribution` finds the speaker phrase and verb of a clause, :mod:`.speakers`
turns phrases into canonical speakers, :mod:`.persons` finds people and their gender for
"he"/"she", :mod:`.layouts` reads transcripts and bulletins. Their word tables are data in
``geo/rules/``.
"""

from .extract import extract_claims
from .verbs import REPORTING_VERBS, VERB_PATTERN

__all__ = ["REPORTING_VERBS", "VERB_PATTERN", "extract_claims"]
