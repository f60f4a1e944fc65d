"""Stage 6, analysis: what the claims say in numbers and time, and how claims relate.

What it offers:

* :func:`find_figures` (:mod:`.figures`) — the figures of a text as :class:`geo.model.Figure`
  (value, unit, what is counted, qualifier; "1,000 km² (386 sq mi)" is one figure);
"""

from .figures import find_figures

__all__ = ["find_figures"]
