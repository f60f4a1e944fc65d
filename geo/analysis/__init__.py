"""Stage 6, analysis: what the claims say in numbers and time, and how claims relate.

What it offers:

* :func:`find_figures` (:mod:`.figures`) — the figures of a text as :class:`geo.model.Figure`
  (value, unit, what is counted, qualifier; "1,000 km² (386 sq mi)" is one figure);
* :func:`event_time` (:mod:`.eventtime`) — when a claim says its event happened, an interval
  with a precision, resolved against the article's date;
* :func:`analyse` (:mod:`.corpus`) — both for every claim of a layer's results, and the
  comparisons between claims (:mod:`.compare`: corroborations, one speaker's figures across
  reports, opposing figures, denials; disputed when figures differ beyond their qualifiers),
  as one :class:`geo.model.Analysis` for the layer.

Its rules are data: ``geo/rules/numbers.csv``, ``units.csv``, ``qualifiers.csv``,
``counted.csv``, ``time_words.csv``, ``denial_cues.txt``.
"""

from .corpus import analyse
from .eventtime import event_time
from .figures import find_figures

__all__ = ["analyse", "event_time", "find_figures"]
