"""The one small hierarchy of errors claimmap raises.

Every error names the file (and, where it applies, the 1-based line) it is about, so
the CLI and the dashboard can turn it into a single actionable line without a traceback.
"""

from __future__ import annotations

from pathlib import Path


def one_line(message: str) -> str:
    """``message`` with control and invisible characters escaped (``\\n``, ``\\u202e``).

    A report is one line per problem: a newline in a file name must not split it (or forge
    a second "rejected" line), nor a bidi control make a name read backwards. The CLI's
    messages and the dashboard's quotes of a link's values both go through it.
    """
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in message)


class ClaimmapError(Exception):
    """Base class: a problem with one input, reported as ``path:line: message``."""

    def __init__(self, message: str, path: str | Path | None = None, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.path = str(path) if path is not None else None
        self.line = line

    def __str__(self) -> str:
        where = self.path or ""
        if where and self.line is not None:
            where = f"{where}:{self.line}"
        return f"{where}: {self.message}" if where else self.message


class ArticleError(ClaimmapError):
    """An article file that cannot be read; the other articles are still processed."""


class GazetteerError(ClaimmapError):
    """A gazetteer source or user pack that is missing or malformed."""


class GeocoderError(ClaimmapError):
    """An online geocoder that failed (timeout, HTTP error, garbage); callers fall back."""


class LayerError(ClaimmapError):
    """A GeoJSON layer that is missing, unreadable or does not match the schema."""


class UsageError(ClaimmapError):
    """The command line asked for something impossible (exit status 2)."""
