"""The data claimmap ships: the gazetteer sources (``gazetteer/``) and the seeds' layer.

Installed as the package ``geo.bundled`` (pyproject.toml maps it to this folder), so code
finds these files through ``importlib.resources`` (see :mod:`geo.config`) whether it runs
from the repository or from an installed wheel. Nothing here is code.
"""
