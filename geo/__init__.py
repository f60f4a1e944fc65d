"""claimmap: dated news reports → sourced claims → places → one GeoJSON layer.

What the package offers (docs/architecture.md describes the stages):

* :func:`geoparse` / :func:`geoparse_file` — every place mention of a text or file, with its
  place (:mod:`geo.geoparsing`);
* :func:`build` — article files to a layer, with the errors met on the way
  (:mod:`geo.pipeline`); ``claimmap build`` on the command line (:mod:`geo.cli`).

They are imported when first used, so ``import geo.errors`` (the dashboard does) does not
load the pipeline.
"""

__version__ = "0.1.0"

_OFFERED = {"geoparse": "geoparsing", "geoparse_file": "geoparsing", "build": "pipeline"}


def __getattr__(name: str):
    if name in _OFFERED:
        from importlib import import_module

        return getattr(import_module(f"{__name__}.{_OFFERED[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["__version__", "build", "geoparse", "geoparse_file"]
