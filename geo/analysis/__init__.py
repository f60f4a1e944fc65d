"""Stage 6, analysis: what the claims say in numbers and time, and how claims relate.

What it offers:

* :func:`find_figures` (:mod:`.figures`) — the figures of a text as :class:`geo.model.Figure`
  (value, unit, what is counted, qualifier; "1,000 km² (386 sq mi)" is one figure);
* :func:`event_time` (:mod:`.eventtime`) — when a claim says its event happened, an interval
  with a precision, resolved against the article's date;
"""

from .eventtime import event_time
from .figures import find_figures

__all__ = ["event_time", "find_figures"]
