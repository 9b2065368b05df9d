"""Where an application's instance folder is when none is given."""

from __future__ import annotations

import importlib.util
import os
import sys


def _import_root(import_name: str) -> str:
    """The ``sys.path`` entry the top-level package of ``import_name``
    is imported from (the working directory when it cannot be found)."""
    from pathlib import Path  # loaded when an app is made, not on import

    top_level = import_name.partition(".")[0]
    try:
        spec = importlib.util.find_spec(top_level)
    except (ImportError, ValueError):
        spec = None
    if spec is None:
        return os.getcwd()

    if spec.submodule_search_locations:
        if spec.origin in {"namespace", None}:
            # A namespace package: find the portion holding the named module.
            portions = [Path(p) for p in spec.submodule_search_locations]
            target = Path(_module_file(import_name) or portions[0])
            for portion in portions:
                if target == portion or portion in target.parents:
                    return str(portion.parent)
            return str(portions[0].parent)
        # A regular package: its folder's parent.
        return str(Path(str(spec.origin)).parent.parent)
    # A single-file module.
    return str(Path(str(spec.origin)).parent)


def _module_file(import_name: str) -> str | None:
    module = sys.modules.get(import_name)
    return getattr(module, "__file__", None)


def find_package(import_name: str) -> tuple[str | None, str]:
    """``(install prefix or None, import root)`` of ``import_name``.

    The prefix is set when the package is installed into the interpreter's
    prefix or a virtual environment's ``site-packages``; it is ``None``
    for code run from a source folder.
    """
    from pathlib import Path

    root = _import_root(import_name)
    prefix = os.path.abspath(sys.prefix)
    if Path(root).is_relative_to(prefix):
        return prefix, root

    parent, folder = os.path.split(root)
    if folder.lower() != "site-packages":
        return None, root
    grandparent, lib = os.path.split(parent)
    if lib.lower() == "lib":  # prefix/lib/site-packages
        return grandparent, root
    if (
        os.path.basename(grandparent).lower() == "lib"
    ):  # prefix/lib/pythonX.Y/site-packages
        return os.path.dirname(grandparent), root
    return parent, root


def default_instance_path(import_name: str, app_name: str) -> str:
    """``instance`` next to a package run from source; for an installed
    package ``<prefix>/var/<app name>-instance``."""
    prefix, root = find_package(import_name)
    if prefix is None:
        return os.path.join(root, "instance")
    return os.path.join(prefix, "var", f"{app_name}-instance")


__all__ = ["default_instance_path", "find_package"]
