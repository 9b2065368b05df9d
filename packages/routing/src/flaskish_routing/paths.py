"""Where an import name lives on disk, and how dotted blueprint names nest."""

from __future__ import annotations

import importlib.util
import os
import sys
from functools import cache
from functools import lru_cache

_NO_ROOT_PATH = (
    "No root path can be found for the provided module {!r}. This can happen"
    " because the module came from an import hook that does not provide file name"
    " information or because it's a namespace package. In this case the root path"
    " needs to be explicitly provided."
)


def _file_of_loaded_module(import_name: str) -> str | None:
    module = sys.modules.get(import_name)
    return getattr(module, "__file__", None) if module is not None else None


def get_root_path(import_name: str) -> str:
    """Return the folder holding the module or package ``import_name``.

    An imported module answers with its ``__file__``; otherwise the import
    system is asked where it would load the module from. When nothing is
    known (an interactive ``__main__``, an unknown name) the current working
    directory is the answer. A module that can be imported but reports no
    file (a namespace package, some import hooks) is an error: the caller
    must give ``root_path`` explicitly.
    """
    filename = _file_of_loaded_module(import_name)
    if filename is not None:
        return os.path.dirname(os.path.abspath(filename))

    try:
        spec = importlib.util.find_spec(import_name)
    except (ImportError, ValueError):
        spec = None
    loader = None if spec is None else spec.loader
    if loader is None:
        return os.getcwd()

    get_filename = getattr(loader, "get_filename", None)
    filename = (
        _file_after_import(import_name)
        if get_filename is None
        else get_filename(import_name)
    )
    return os.path.dirname(os.path.abspath(str(filename)))


def _file_after_import(import_name: str) -> str:
    """Import the module and return its ``__file__``, which it must have."""
    __import__(import_name)
    found = _file_of_loaded_module(import_name)
    if found is None:
        raise RuntimeError(_NO_ROOT_PATH.format(import_name))
    return found


@cache
def _split_blueprint_path(name: str) -> list[str]:
    """List a dotted blueprint name and each of its parents, innermost first.

    ``"a.b.c"`` gives ``["a.b.c", "a.b", "a"]``. The result is cached and
    shared: do not mutate it.
    """
    parts = name.split(".")
    return [".".join(parts[:end]) for end in range(len(parts), 0, -1)]


@lru_cache(maxsize=1024)
def endpoint_blueprint(endpoint: str | None) -> str | None:
    """The dotted blueprint name of ``endpoint`` (``"a.b.view"`` gives
    ``"a.b"``), or ``None`` for an app endpoint or no endpoint (cached: the
    request's ``blueprint`` asks for it on every relative ``url_for``)."""
    if not endpoint or "." not in endpoint:
        return None
    return endpoint.rpartition(".")[0]


@lru_cache(maxsize=1024)
def blueprint_chain(endpoint: str | None) -> tuple[str, ...]:
    """The blueprints of ``endpoint``, innermost first (cached)."""
    name = endpoint_blueprint(endpoint)
    return () if name is None else tuple(_split_blueprint_path(name))
