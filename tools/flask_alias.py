"""pytest plugin that runs the compat suite against Flask itself.

flaskish promises that Flask 3.1 code behaves the same once ``flask`` is
replaced by ``flaskish`` in its imports. ``tests/compat`` states that promise
as an application test suite. Loading this plugin makes ``flaskish`` and each
of its submodules resolve to ``flask`` and the Flask module of the same name,
so the suite runs against Flask to check that every test encodes Flask's real
behaviour rather than a guess of it::

    PYTHONPATH=tools .venv/bin/pytest -p flask_alias -p no:cacheprovider tests/compat

The aliases are installed when the plugin is imported, before any test module
is collected, so ``import flaskish.views`` in a test gets ``flask.views``.
"""

from __future__ import annotations

import importlib
import importlib.metadata
import sys
from types import ModuleType

from flaskish._flask_modules import FLASK_SUBMODULES

#: Flask's public module paths, mirrored one to one by flaskish (the list
#: flaskish's own import switch answers for; ``__main__`` runs a command).
SUBMODULES = sorted(FLASK_SUBMODULES - {"__main__"})


def install_aliases() -> dict[str, ModuleType]:
    """Point ``flaskish`` and ``flaskish.<sub>`` at the Flask modules."""
    aliases = {"flaskish": importlib.import_module("flask")}
    for name in SUBMODULES:
        aliases[f"flaskish.{name}"] = importlib.import_module(f"flask.{name}")
    sys.modules.update(aliases)
    return aliases


ALIASES = install_aliases()


def pytest_report_header() -> str:
    """Say in the run header that the suite targets Flask, not flaskish."""
    return f"flask_alias: flaskish -> flask {importlib.metadata.version('flask')}"
