"""One exception hierarchy for the package.

Every error the package raises on purpose derives from :class:`AnalysisError`, so a caller can catch
them all at once, and every message names the file, line or argument at fault.

>>> from analysis.errors import InputError
>>> str(InputError("empty file", path="a.txt"))
'a.txt: empty file'
"""

from __future__ import annotations

from pathlib import Path


class AnalysisError(Exception):
    """Base class of every error this package raises on purpose."""


class InputError(AnalysisError, ValueError):
    """An input file or record cannot be read as an article.

    ``path`` and ``line`` (1-based, when the problem is one record of a larger file) say where;
    ``article_id`` is the id the record gives itself, when it has one (corpus runs keep it in ``errors``).
    """

    def __init__(
        self,
        problem: str,
        path: str | Path | None = None,
        line: int | None = None,
        article_id: str | None = None,
    ):
        self.problem = problem
        self.path = str(path) if path is not None else None
        self.line = line
        self.article_id = article_id
        where = self.path or "<text>"
        if line is not None:
            where = f"{where}:{line}"
        super().__init__(f"{where}: {problem}")


class ArgumentError(AnalysisError, ValueError):
    """A function argument is out of range or of the wrong kind; the message names the argument."""


class ModelError(AnalysisError, RuntimeError):
    """A shipped or user-supplied model / data file is missing or malformed."""


class ConfigError(AnalysisError, ValueError):
    """A user configuration file (for example a gazetteer TOML) is invalid."""
