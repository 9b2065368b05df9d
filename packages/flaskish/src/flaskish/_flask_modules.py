"""An import finder that gives flaskish's modules for ``flask`` and its submodules.

Installed at the front of :data:`sys.meta_path` by
:func:`flaskish.install_as_flask`, it answers every name under ``flask``:
Flask's module paths resolve to the flaskish module of the same path (the
module object itself, imported on first use), any other name raises
:exc:`ModuleNotFoundError`. An installed Flask distribution is never loaded.
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.machinery
import sys
from collections.abc import Sequence
from types import ModuleType

#: Flask 3.1's module paths below ``flask``; each is a flaskish module path.
FLASK_SUBMODULES = frozenset(
    {
        "__main__",
        "app",
        "blueprints",
        "cli",
        "config",
        "ctx",
        "debughelpers",
        "globals",
        "helpers",
        "json",
        "json.provider",
        "json.tag",
        "logging",
        "sansio",
        "sansio.app",
        "sansio.blueprints",
        "sansio.scaffold",
        "sessions",
        "signals",
        "templating",
        "testing",
        "typing",
        "views",
        "wrappers",
    }
)

ALIAS = "flask"
TARGET = "flaskish"


def flaskish_name(name: str) -> str | None:
    """The flaskish module standing in for module ``name``, or ``None``
    when ``name`` is not ``flask`` or below it."""
    if name == ALIAS:
        return TARGET
    head, dot, rest = name.partition(".")
    if head != ALIAS or not dot:
        return None
    return f"{TARGET}.{rest}"


class FlaskModuleFinder(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Finder and loader of the ``flask`` names (see the module docstring)."""

    def find_spec(
        self,
        fullname: str,
        path: Sequence[str] | None,
        target: ModuleType | None = None,
    ) -> importlib.machinery.ModuleSpec | None:
        """A spec loading the flaskish module for ``fullname``, if it is
        ``flask`` or below; raises :exc:`ModuleNotFoundError` for names
        below ``flask`` that are not Flask 3.1 module paths."""
        stand_in = flaskish_name(fullname)
        if stand_in is None:
            return None
        if fullname != ALIAS and fullname.partition(".")[2] not in FLASK_SUBMODULES:
            raise ModuleNotFoundError(
                f"No module named {fullname!r}: flask is flaskish in this"
                " process (flaskish.install_as_flask()), which provides Flask"
                f" 3.1's modules, and Flask 3.1 has no module {fullname!r}",
                name=fullname,
            )
        spec = importlib.machinery.ModuleSpec(fullname, self)
        spec.loader_state = stand_in
        return spec

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType:
        """The flaskish module itself (imported if needed)."""
        module = importlib.import_module(spec.loader_state)
        # The import system next sets ``__spec__`` to the ``flask`` spec;
        # exec_module puts the module's own back.
        spec.loader_state = (spec.loader_state, module.__spec__)
        return module

    def exec_module(self, module: ModuleType) -> None:
        """Restore the module's own ``__spec__``; it is already executed."""
        spec = module.__spec__
        if spec is not None and isinstance(spec.loader_state, tuple):
            module.__spec__ = spec.loader_state[1]
        if spec is not None and spec.name == ALIAS:
            # flaskish's modules imported so far are Flask's from now on too,
            # so sys.modules agrees with the attributes of ``flask``.
            for sub in FLASK_SUBMODULES:
                loaded = sys.modules.get(f"{TARGET}.{sub}")
                if loaded is not None:
                    sys.modules.setdefault(f"{ALIAS}.{sub}", loaded)
