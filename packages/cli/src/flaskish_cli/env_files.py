"""Loading ``.env`` and ``.flaskenv`` files into the environment."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from types import ModuleType

_INSTALL_HINT = (
    " * Tip: There are .env files present. Install python-dotenv to use them."
)
# Later files win over earlier ones when they set the same key.
_DEFAULT_FILES = (".flaskenv", ".env")


def _import_dotenv() -> ModuleType | None:
    try:
        import dotenv
    except ImportError:
        return None
    return dotenv


def load_dotenv(
    path: str | os.PathLike[str] | None = None, load_defaults: bool = True
) -> bool:
    """Set environment variables from dotenv files.

    The nearest ``.flaskenv`` and ``.env`` (searched upwards from the working
    directory, when ``load_defaults``) and then the file at ``path`` are
    merged, each overriding the previous; a key already present in
    ``os.environ`` is never changed. Returns whether any variable was read.

    Without python-dotenv nothing is loaded, ``False`` is returned, and a
    hint is printed if there are files it would have read.
    """
    dotenv = _import_dotenv()
    if dotenv is None:
        if path or any(os.path.isfile(name) for name in _DEFAULT_FILES):
            click.secho(_INSTALL_HINT, err=True, fg="yellow")
        return False

    merged: dict[str, str | None] = {}
    sources: list[str | os.PathLike[str]] = []
    if load_defaults:
        sources.extend(
            found
            for name in _DEFAULT_FILES
            if (found := dotenv.find_dotenv(name, usecwd=True))
        )
    if path is not None and os.path.isfile(path):
        sources.append(path)
    for source in sources:
        merged.update(dotenv.dotenv_values(source, encoding="utf-8"))

    for key, value in merged.items():
        if value is not None and key not in os.environ:
            os.environ[key] = value
    return bool(merged)
