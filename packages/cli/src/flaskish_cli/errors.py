"""The exception raised when no application can be found or loaded."""

from __future__ import annotations

import click


class NoAppException(click.UsageError):
    """An application could not be found or loaded.

    A :class:`click.UsageError`, so the command line shows it as a one-line
    error and exits with status 2.
    """
