"""Stage 4, places: the place names of an article, recognised and resolved.

What it offers: :func:`find_mentions` — every place mention of a
:class:`geo.model.Document`'s body as :class:`geo.model.Mention` objects, resolved to a
gazetteer :class:`geo.model.Place` or kept unresolved with the reason, sorted by offset.

Inside: :mod:`.spotting` finds the gazetteer's names in the text (recognition only; a
name in a district list, "the Sudzhansky and Korenevsky districts", is looked up as its
district), :mod:`.forms` reads how a name is written, :mod:`.resolution` decides which place
each one is (the kind a name states — region, district, landmark — first), :mod:`.lists`
shares what a list says among its names, :mod:`.ranking` orders a name's namesakes by
coherence with the rest of the article (its regions, its other places, then the data's
priors: prominence, a point before a centroid). Their cue words are data in ``geo/rules/``.
"""

from .resolution import find_mentions

__all__ = ["find_mentions"]
