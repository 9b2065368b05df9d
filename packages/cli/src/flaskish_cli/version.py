"""The ``--version`` option."""

from __future__ import annotations

import importlib.metadata
import platform
from typing import Any

import click


def _framework_version() -> str:
    """The flaskish distribution's version, or this component's without it."""
    try:
        return importlib.metadata.version("flaskish")
    except importlib.metadata.PackageNotFoundError:
        from . import __version__

        return __version__


def get_version(ctx: click.Context, param: click.Parameter, value: Any) -> None:
    """Print the Python, flaskish and Werkzeug versions and exit.

    A click option callback; does nothing unless the flag was given.
    """
    if not value or ctx.resilient_parsing:
        return
    lines = (
        f"Python {platform.python_version()}",
        f"flaskish {_framework_version()}",
        f"Werkzeug {importlib.metadata.version('werkzeug')}",
    )
    click.echo("\n".join(lines), color=ctx.color)
    ctx.exit()


#: The eager ``--version`` flag that :class:`FlaskGroup` adds.
version_option = click.Option(
    ["--version"],
    is_flag=True,
    is_eager=True,
    expose_value=False,
    callback=get_version,
    help="Show the flaskish version.",
)
