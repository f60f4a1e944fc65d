"""Stage 2, claims: who said what, when — sourced claims from a document.

What it offers:

* :func:`extract_claims` — every claim of a :class:`geo.model.Document` as
  :class:`geo.model.Claim` objects (module :mod:`.extract`, which says the contract);
* :func:`unify_speakers` — one name for a person across the articles of a layer ("Klymenko"
  in one report, "Ihor Klymenko" in another), for the pipeline (:mod:`.unify`);
* :data:`REPORTING_VERBS` / :data:`VERB_PATTERN` — every written form of the reporting verbs
  (:mod:`.verbs`), which place recognition also uses to tell a speaker from a place.

Inside, in the order a sentence meets them: :mod:`.layouts` reads transcripts, label lines
("Source:", "Details:"), headings, bylines and headline attributions; :mod:`.attribution`
finds the speaker phrase and verb of a clause, with :mod:`.phrases` reading noun phrases;
:mod:`.names` says which phrases name nobody (labels, days, places, generic sources) or a
government; :mod:`.speakers` turns a phrase into a canonical speaker and :mod:`.registry`
links it to what the article named; :mod:`.persons` finds people and their gender;
:mod:`.anaphora` resolves "he", "it", "the governor", "the report" at their place in the text;
:mod:`.units` and :mod:`.discourse` carry a source over the sentences that have none of their
own. Their word tables are data in ``geo/rules/``.
"""

from .extract import extract_claims
from .unify import unify_speakers
from .verbs import REPORTING_VERBS, VERB_PATTERN

__all__ = ["REPORTING_VERBS", "VERB_PATTERN", "extract_claims", "unify_speakers"]
