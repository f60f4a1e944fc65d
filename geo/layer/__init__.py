"""Stage 6, layer: claims tied to places, assembled into one RFC 7946 GeoJSON layer.

What it offers:

* :func:`link_claims` (:mod:`.linking`) — each claim tied to the places it names, or to the
  place its context is about, and the claims no place could be tied to; :func:`place_speakers`
  — a speaker that is a place of the article given to that place's authorities;
* :func:`assemble_layer` (:mod:`.assemble`) — the FeatureCollection of every article's
  :class:`geo.model.ArticleResult`: one feature per place with its dated claims;
* :func:`analysis_member` (:mod:`.analysis`) — the layer's ``analysis`` member: figures,
  event times and comparisons (:class:`geo.model.Analysis`) as JSON, joined to the claims by id;
* :func:`dumps_layer` / :func:`write_layer` (:mod:`.write`) — deterministic bytes, written
  atomically;
* :func:`validate_layer` / :func:`layer_schema` (:mod:`.schema`) — the check against
  ``layer.schema.json``, the one written-down schema (docs/layer.md), which the dashboard
  runs on every layer it opens.
"""

from .analysis import analysis_member
from .assemble import assemble_layer
from .linking import link_claims, place_speakers
from .schema import layer_schema, validate_layer
from .write import dumps_layer, write_layer

__all__ = ["analysis_member", "assemble_layer", "dumps_layer", "layer_schema", "link_claims", "place_speakers",
           "validate_layer", "write_layer"]
