"""Finding the application: import paths, module search and factories."""

from __future__ import annotations

import ast
import inspect
import os
import sys
import traceback
from typing import Any
from typing import cast
from typing import Literal
from typing import overload
from typing import TYPE_CHECKING

from .errors import NoAppException
from .protocol import is_app

if TYPE_CHECKING:
    from collections.abc import Callable
    from types import ModuleType

    from .protocol import CliApp

_APP_ATTRIBUTES = ("app", "application")
_FACTORY_NAMES = ("create_app", "make_app")


def _factory_never_ran(factory: Callable[..., Any], error: BaseException) -> bool:
    """True when ``error`` came from calling ``factory``, not from its body.

    A ``TypeError`` whose traceback never reaches the factory's own code
    object means the arguments did not fit its signature.
    """
    code = factory.__code__
    frame_tb = error.__traceback__
    while frame_tb is not None:
        if frame_tb.tb_frame.f_code is code:
            return False
        frame_tb = frame_tb.tb_next
    return True


def find_best_app(module: ModuleType) -> CliApp:
    """Return the application that ``module`` most likely means.

    Looks at the ``app`` and ``application`` attributes, then for a single
    application among the module's globals, then calls a ``create_app`` or
    ``make_app`` factory without arguments.
    """
    mod = module.__name__
    for attr in _APP_ATTRIBUTES:
        candidate = getattr(module, attr, None)
        if is_app(candidate):
            return cast("CliApp", candidate)

    found = [value for value in list(vars(module).values()) if is_app(value)]
    if len(found) > 1:
        raise NoAppException(
            f"Detected multiple Flask applications in module '{mod}'."
            f" Use '{mod}:name' to specify the correct one."
        )
    if found:
        return cast("CliApp", found[0])

    for attr in _FACTORY_NAMES:
        factory = getattr(module, attr, None)
        if not inspect.isfunction(factory):
            continue
        try:
            made = factory()
        except TypeError as exc:
            if not _factory_never_ran(factory, exc):
                raise
            raise NoAppException(
                f"Detected factory '{attr}' in module '{mod}', but could not"
                f" call it without arguments. Use '{mod}:{attr}(args)' to"
                " specify arguments."
            ) from exc
        if is_app(made):
            return cast("CliApp", made)

    raise NoAppException(
        f"Failed to find Flask application or factory in module '{mod}'."
        f" Use '{mod}:name' to specify one."
    )


def find_wsgi_callable(module: ModuleType) -> Any:
    """The plain WSGI callable in the ``app`` or ``application`` attribute of
    ``module``, when the module holds no application (flaskish seam).

    Returns ``None`` when the module has an application or neither
    attribute is a callable instance or function.
    """
    if any(is_app(value) for value in list(vars(module).values())):
        return None
    for attr in _APP_ATTRIBUTES:
        candidate = getattr(module, attr, None)
        if callable(candidate) and not isinstance(candidate, type):
            return candidate
    return None


def _parse_app_expression(
    app_name: str,
) -> tuple[str, list[Any], dict[str, Any], bool]:
    """Split ``name`` or ``name(literal, key=literal)`` into its parts.

    The last item tells whether the expression was a call.
    """
    try:
        node = ast.parse(app_name.strip(), mode="eval").body
    except SyntaxError:
        node = None

    if isinstance(node, ast.Name):
        return node.id, [], {}, False
    if not isinstance(node, ast.Call):
        raise NoAppException(
            f"Failed to parse {app_name!r} as an attribute name or function call."
        )
    if not isinstance(node.func, ast.Name):
        raise NoAppException(f"Function reference must be a simple name: {app_name!r}.")
    try:
        args = list(map(ast.literal_eval, node.args))
        kwargs = {k.arg: ast.literal_eval(k.value) for k in node.keywords if k.arg}
    except ValueError:
        # literal_eval's own messages do not say which argument failed.
        message = f"Failed to parse arguments as literal values: {app_name!r}."
        raise NoAppException(message) from None
    return node.func.id, args, kwargs, True


def _needs_arguments(func: Callable[..., Any]) -> bool:
    try:
        inspect.signature(func).bind()
    except TypeError:
        return True
    except ValueError:  # no signature available
        return False
    return False


def find_object_by_string(
    module: ModuleType, app_name: str, *, keep_wsgi_functions: bool = False
) -> Any:
    """Resolve ``name`` or ``factory(args)`` in ``module`` to an object.

    Functions are called with the literal arguments given (none for a bare
    name). The result is returned whether or not it is an application; see
    :func:`find_app_by_string` for the checked form. With
    ``keep_wsgi_functions``, a bare name of a function that cannot be called
    without arguments (a WSGI function) is returned uncalled.
    (flaskish seam.)
    """
    name, args, kwargs, is_call = _parse_app_expression(app_name)
    try:
        target = getattr(module, name)
    except AttributeError as exc:
        missing = f"Failed to find attribute {name!r} in {module.__name__!r}."
        raise NoAppException(missing) from exc

    if not inspect.isfunction(target):
        return target
    if keep_wsgi_functions and not is_call and _needs_arguments(target):
        return target
    try:
        return target(*args, **kwargs)
    except TypeError as exc:
        if not _factory_never_ran(target, exc):
            raise
        raise NoAppException(
            f"The factory {app_name!r} in module {module.__name__!r} could not"
            " be called with the specified arguments."
        ) from exc


def not_an_app_message(module_name: str, app_name: str) -> str:
    """The error shown when ``module:name`` does not give an application."""
    return (
        f"A valid Flask application was not obtained from '{module_name}:{app_name}'."
    )


def find_app_by_string(module: ModuleType, app_name: str) -> CliApp:
    """Return the application named by ``app_name`` in ``module``.

    ``app_name`` is an attribute name or a call of a factory with literal
    arguments, such as ``create_app('dev', debug=True)``.
    """
    found = find_object_by_string(module, app_name)
    if is_app(found):
        return cast("CliApp", found)
    raise NoAppException(not_an_app_message(module.__name__, app_name))


def prepare_import(path: str) -> str:
    """Make the module at ``path`` importable and return its dotted name.

    ``path`` may be a ``.py`` file, a package's ``__init__.py``, a package
    directory or a plain module name. The first directory above the
    package structure is put at the front of ``sys.path``.
    """
    folder, part = os.path.split(_module_location(path))
    parts = [part]
    # Climb while the folder holding the last part is itself a package.
    while os.path.isfile(os.path.join(folder, "__init__.py")):
        folder, part = os.path.split(folder)
        parts.append(part)
    if sys.path[:1] != [folder]:
        sys.path.insert(0, folder)
    return ".".join(reversed(parts))


def _module_location(path: str) -> str:
    """The real ``path`` without a ``.py`` suffix or a final ``__init__``."""
    stem, suffix = os.path.splitext(os.path.realpath(path))
    location = stem if suffix == ".py" else stem + suffix
    parent, last = os.path.split(location)
    return parent if last == "__init__" else location


def _is_missing_module(error: ImportError, module_name: str) -> bool:
    """True when ``error`` says ``module_name`` (or a parent) does not exist.

    Any other import error was raised by code inside the user's module.
    """
    if not isinstance(error, ModuleNotFoundError) or not error.name:
        return False
    missing = error.name
    return module_name == missing or module_name.startswith(missing + ".")


def import_app_module(
    module_name: str, raise_if_not_found: bool = True
) -> ModuleType | None:
    """Import ``module_name`` for app discovery.

    A missing module is a :class:`NoAppException` (or ``None`` when
    ``raise_if_not_found`` is false); an ``ImportError`` raised inside the
    module is reported with its traceback.
    """
    try:
        __import__(module_name)
    except ImportError as exc:
        if not _is_missing_module(exc, module_name):
            raise NoAppException(
                f"While importing {module_name!r}, an ImportError was raised:"
                f"\n\n{traceback.format_exc()}"
            ) from None
        if raise_if_not_found:
            raise NoAppException(f"Could not import {module_name!r}.") from None
        return None
    return sys.modules[module_name]


@overload
def locate_app(
    module_name: str, app_name: str | None, raise_if_not_found: Literal[True] = True
) -> CliApp: ...


@overload
def locate_app(
    module_name: str, app_name: str | None, raise_if_not_found: Literal[False] = ...
) -> CliApp | None: ...


def locate_app(
    module_name: str, app_name: str | None, raise_if_not_found: bool = True
) -> CliApp | None:
    """Import ``module_name`` and find the application in it.

    With ``app_name`` the application is looked up by
    :func:`find_app_by_string`, otherwise by :func:`find_best_app`.
    """
    module = import_app_module(module_name, raise_if_not_found)
    if module is None:
        return None
    if app_name is None:
        return find_best_app(module)
    return find_app_by_string(module, app_name)
