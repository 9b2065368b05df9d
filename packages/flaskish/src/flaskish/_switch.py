"""``install_as_flask()``: make ``import flask`` mean flaskish in this process."""

from __future__ import annotations

import sys
import threading
from types import FunctionType
from types import ModuleType

from werkzeug.local import LocalProxy

from ._flask_metadata import FLASK_VERSION
from ._flask_metadata import FlaskMetadataFinder
from ._flask_modules import ALIAS
from ._flask_modules import FlaskModuleFinder

_lock = threading.Lock()


class FlaskAlreadyImported(ImportError):
    """Flask's own ``flask`` package was imported before the switch."""


def _is_flask_name(name: object) -> bool:
    return isinstance(name, str) and (name == ALIAS or name.startswith(ALIAS + "."))


def _flask_objects() -> set[int]:
    """The ids of Flask's modules and of the objects Flask's modules define
    (classes, functions, proxies and other instances of its own)."""
    flask_modules = [
        module
        for name, module in list(sys.modules.items())
        if _is_flask_name(name) and module is not None
    ]
    found = {id(module) for module in flask_modules}
    for module in flask_modules:
        for key, value in list(vars(module).items()):
            if key.startswith("__") or isinstance(value, ModuleType):
                continue
            if isinstance(value, (type, FunctionType)):
                origin = getattr(value, "__module__", None)
            else:  # an instance, such as the request proxy or a signal
                origin = type(value).__module__
            if _is_flask_name(origin) or isinstance(value, LocalProxy):
                found.add(id(value))
    return found


def _importers_of_flask() -> list[str]:
    """Modules (other than Flask's) holding a module or an object of Flask's:
    the ones that imported it."""
    flask_objects = _flask_objects()
    found = []
    for name, module in list(sys.modules.items()):
        if _is_flask_name(name) or module is None:
            continue
        namespace = getattr(module, "__dict__", {})
        values = [v for k, v in list(namespace.items()) if not k.startswith("__")]
        if any(id(value) in flask_objects for value in values):
            found.append(name)
    return sorted(found)


def _already_imported_error(flask: ModuleType) -> FlaskAlreadyImported:
    where = getattr(flask, "__file__", None) or repr(flask)
    importers = _importers_of_flask()
    by = f", imported by {', '.join(importers)}" if importers else ""
    return FlaskAlreadyImported(
        f"Flask's own 'flask' package ({where}) is already imported{by}."
        " flaskish cannot stand in for it any more in this process: call"
        " flaskish.install_as_flask() (or 'import flaskish.as_flask') before"
        " anything imports flask, e.g. as the first line of the entry point,"
        " or with 'pytest -p flaskish.as_flask' and the 'flaskish' command.",
        name=ALIAS,
    )


def _installed() -> bool:
    return any(isinstance(finder, FlaskModuleFinder) for finder in sys.meta_path)


def install_as_flask() -> None:
    """Make ``flask`` and its submodules resolve to flaskish's modules.

    Afterwards ``import flask`` and ``from flask.json.tag import TaggedJSONSerializer``
    give flaskish's module objects themselves, whether or not Flask is
    installed; Flask extensions and applications run on flaskish unchanged.
    ``flask.__version__`` (the same attribute as ``flaskish.__version__``)
    and, when no Flask distribution is installed,
    ``importlib.metadata.version("flask")`` answer the Flask release that
    flaskish implements. Calling it again does nothing.

    :raises FlaskAlreadyImported: Flask's own package was imported first;
        the message names the modules that imported it.
    """
    with _lock:
        current = sys.modules.get(ALIAS)
        if current is not None and current is not sys.modules[__package__]:
            raise _already_imported_error(current)
        if _installed():
            return
        sys.meta_path.append(FlaskMetadataFinder())
        sys.meta_path.insert(0, FlaskModuleFinder())
        # ``flask`` is this package: extensions that gate on its version
        # take their Flask 3.1 paths.
        vars(sys.modules[__package__])["__version__"] = FLASK_VERSION
