"""Environment switches read by both the CLI and the application."""

from __future__ import annotations

import os

_FALSY = frozenset({"0", "false", "no"})


def get_debug_flag() -> bool:
    """Whether ``FLASK_DEBUG`` asks for debug mode (off when unset)."""
    value = os.environ.get("FLASK_DEBUG")
    if not value:
        return False
    return value.lower() not in _FALSY


def get_load_dotenv(default: bool = True) -> bool:
    """Whether the default dotenv files should be loaded.

    ``FLASK_SKIP_DOTENV`` set to a true value disables loading; when it is
    unset or empty, ``default`` is returned.
    """
    value = os.environ.get("FLASK_SKIP_DOTENV")
    if not value:
        return default
    return value.lower() in _FALSY
