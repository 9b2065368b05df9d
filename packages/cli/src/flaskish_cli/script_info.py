"""ScriptInfo: what the command line knows about the application to load."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any
from typing import cast
from typing import TYPE_CHECKING

import click

from .discovery import find_best_app
from .discovery import find_object_by_string
from .discovery import find_wsgi_callable
from .discovery import import_app_module
from .discovery import not_an_app_message
from .discovery import prepare_import
from .errors import NoAppException
from .flags import get_debug_flag
from .flags import get_load_dotenv
from .protocol import is_app

if TYPE_CHECKING:
    from types import ModuleType

    from .protocol import CliApp

# "module:name" splits at the first colon that does not start a Windows
# drive path such as "C:\\project\\app.py".
_NAME_SEPARATOR = re.compile(r":(?![\\/])")
_DEFAULT_FILES = ("wsgi.py", "app.py")
#: ``create_app``: called (with no arguments) to make the application.
AppFactory = Callable[..., Any]


class ScriptInfo:
    """The application the command line works with, loaded on demand.

    :param app_import_path: ``module``, ``module:name``, ``module:factory(args)``
        or a file path, as given to ``--app``.
    :param create_app: a callable returning the application, used instead of
        the import path.
    :param set_debug_flag: set ``app.debug`` from ``FLASK_DEBUG`` on load.
    :param load_dotenv_defaults: whether the default dotenv files are loaded
        (``FLASK_SKIP_DOTENV`` can turn this off).
    """

    def __init__(
        self,
        app_import_path: str | None = None,
        create_app: AppFactory | None = None,
        set_debug_flag: bool = True,
        load_dotenv_defaults: bool = True,
    ) -> None:
        self.app_import_path, self.create_app = app_import_path, create_app
        self.set_debug_flag = set_debug_flag
        #: Only recorded here; the group decides whether to load the files.
        self.load_dotenv_defaults = get_load_dotenv(load_dotenv_defaults)
        #: Free-form data attached to this script info.
        self.data: dict[Any, Any] = {}
        self._loaded_app: CliApp | None = None
        self._loaded_wsgi: Callable[..., Any] | None = None
        self._wsgi_origin = ""

    def load_app(self) -> CliApp:
        """Load the application once and return it on every call.

        Raises :class:`NoAppException` when no application can be found,
        including when ``--app`` names a plain WSGI callable.
        """
        target = self.load_wsgi_app()
        if self._loaded_app is None:
            raise NoAppException(
                f"{self._wsgi_origin} It is a plain WSGI application: only"
                " the 'run' command can serve it."
            )
        return cast("CliApp", target)

    def load_wsgi_app(self) -> Any:
        """Load the application, or the plain WSGI callable ``--app`` names.

        (flaskish seam.) ``run`` uses this so that ``--app module:callable``
        serves any WSGI application; everything else uses :meth:`load_app`.
        """
        if self._loaded_app is not None:
            return self._loaded_app
        if self._loaded_wsgi is not None:
            return self._loaded_wsgi

        target, origin = self._find_target()
        if target is None:
            raise NoAppException(
                "Could not locate a Flask application. Use the 'flaskish --app'"
                " option, 'FLASK_APP' environment variable, or a 'wsgi.py' or"
                " 'app.py' file in the current directory."
            )
        if not is_app(target):
            self._loaded_wsgi = target
            self._wsgi_origin = origin
            return target

        app = cast("CliApp", target)
        if self.set_debug_flag:
            # Through the attribute, so the app can update what depends on it.
            app.debug = get_debug_flag()
        self._loaded_app = app
        return app

    def _find_target(self) -> tuple[Any, str]:
        """The loaded object and, for a plain WSGI callable, why it is no app."""
        if self.create_app is not None:
            made = self.create_app()
            if is_app(made) or _is_wsgi_callable(made):
                return made, "The 'create_app' callback did not return an app."
            return None, ""

        if not self.app_import_path:
            for filename in _DEFAULT_FILES:
                found = import_app_module(prepare_import(filename), False)
                if found is not None:
                    return _best_target(found)
            return None, ""

        path, *named = _NAME_SEPARATOR.split(self.app_import_path, maxsplit=1)
        module = import_app_module(prepare_import(path))
        assert module is not None  # a missing module raised
        if not named:
            return _best_target(module)
        found = find_object_by_string(module, named[0], keep_wsgi_functions=True)
        message = not_an_app_message(module.__name__, named[0])
        if is_app(found) or _is_wsgi_callable(found):
            return found, message
        raise NoAppException(message)


def _best_target(module: ModuleType) -> tuple[Any, str]:
    """The application of ``module``, or else the plain WSGI callable in its
    ``app`` or ``application`` attribute."""
    try:
        return find_best_app(module), ""
    except NoAppException as exc:
        wsgi = find_wsgi_callable(module)
        if wsgi is None:
            raise
        return wsgi, str(exc)


def _is_wsgi_callable(obj: object) -> bool:
    return callable(obj) and not isinstance(obj, type)


#: Decorator passing the current :class:`ScriptInfo` to a command callback,
#: creating one if the command runs outside a :class:`FlaskGroup`.
pass_script_info = click.make_pass_decorator(ScriptInfo, ensure=True)
