"""The registration API shared by applications, routers and blueprints."""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Callable
from functools import partial
from typing import Any
from typing import TypeVar

from .error_keys import exc_class_and_code
from .paths import get_root_path
from .setup_guard import setupmethod as setupmethod
from .static_paths import StaticPaths
from .websocket_routes import WebsocketRoutes

F = TypeVar("F", bound=Callable[..., Any])

#: A folder given to a constructor: a path, or ``None`` for no folder.
FolderArg = str | os.PathLike[str] | None
#: An endpoint name; ``None`` stands for the view function's ``__name__``.
EndpointArg = str | None
#: A view function or any other callable the scaffold records.
ViewFunc = Callable[..., Any]
#: What an error handler is registered for: a status code or an exception class.
HandlerKey = type[Exception] | int

#: A registry of functions keyed by blueprint name (``None``: the app itself).
#: At runtime a ``defaultdict(list)``.
HookRegistry = dict[str | None, list[Callable[..., Any]]]
#: Error handlers: blueprint name -> status code (or ``None``) -> class ->
#: handler. At runtime ``defaultdict``s on the first two levels.
ErrorHandlerSpec = dict[
    str | None, dict[int | None, dict[type[BaseException], Callable[..., Any]]]
]


def _endpoint_from_view_func(view_func: Callable[..., Any] | None) -> str:
    """The default endpoint of a view: its ``__name__``."""
    assert view_func is not None, "expected view func if endpoint is not provided."
    return view_func.__name__


def _hook_registry() -> HookRegistry:
    return defaultdict(list)


def _recording(record: Callable[[Any], object]) -> Callable[[F], F]:
    """A decorator that hands the function to ``record`` and returns it as is."""

    def decorate(f: F) -> F:
        record(f)
        return f

    return decorate


class Scaffold(WebsocketRoutes, StaticPaths):
    """Routes, hooks and error handlers recorded on an app or a blueprint.

    Subclasses decide what registration means (``add_url_rule``), when
    setup is over (``_check_setup_finished``) and what the object is
    called (``name``).
    """

    name: str

    def __init__(
        self,
        import_name: str,
        static_folder: FolderArg = None,
        static_url_path: str | None = None,
        template_folder: FolderArg = None,
        root_path: str | None = None,
    ) -> None:
        #: The name of the package or module this object belongs to.
        self.import_name = import_name
        #: Absolute folder that relative paths are resolved against.
        self.root_path = get_root_path(import_name) if root_path is None else root_path
        #: Folder of templates, relative to :attr:`root_path`.
        self.template_folder = template_folder
        self.static_folder, self.static_url_path = static_folder, static_url_path

        #: Endpoint -> view function.
        self.view_functions: dict[str, Callable[..., Any]] = {}
        self.error_handler_spec: ErrorHandlerSpec = defaultdict(
            lambda: defaultdict(dict)
        )
        self.before_request_funcs: HookRegistry = _hook_registry()
        self.after_request_funcs: HookRegistry = _hook_registry()
        self.teardown_request_funcs: HookRegistry = _hook_registry()
        self.template_context_processors: HookRegistry = _hook_registry()
        self.url_value_preprocessors: HookRegistry = _hook_registry()
        self.url_default_functions: HookRegistry = _hook_registry()
        self.before_websocket_funcs: HookRegistry = _hook_registry()
        self.after_websocket_funcs: HookRegistry = _hook_registry()
        self.teardown_websocket_funcs: HookRegistry = _hook_registry()

    def __repr__(self) -> str:
        kind = type(self).__name__
        return f"<{kind} {self.name!r}>"

    def _check_setup_finished(self, f_name: str) -> None:
        """Raise if setup methods may no longer be called (per subclass)."""
        raise NotImplementedError

    # -- routes -----------------------------------------------------------

    @setupmethod
    def route(self, rule: str, **options: Any) -> Callable[[F], F]:
        """Decorate a view function to register it for ``rule``; ``options``
        go to :meth:`add_url_rule` (``endpoint``, ``methods``, werkzeug
        ``Rule`` arguments).
        """
        # ``endpoint`` is taken out when the decorator runs, as a positional
        # argument evaluated before ``**options`` is unpacked.
        return _recording(
            lambda f: self.add_url_rule(
                rule, options.pop("endpoint", None), f, **options
            )
        )

    def _method_route(
        self, method: str, rule: str, options: dict[str, Any]
    ) -> Callable[[F], F]:
        if "methods" not in options:
            return self.route(rule, methods=[method], **options)
        raise TypeError("Use the 'route' decorator to use the 'methods' argument.")

    @setupmethod
    def get(self, rule: str, **options: Any) -> Callable[[F], F]:
        """:meth:`route` for ``GET`` only."""
        return self._method_route("GET", rule, options)

    @setupmethod
    def post(self, rule: str, **options: Any) -> Callable[[F], F]:
        """:meth:`route` for ``POST`` only."""
        return self._method_route("POST", rule, options)

    @setupmethod
    def put(self, rule: str, **options: Any) -> Callable[[F], F]:
        """:meth:`route` for ``PUT`` only."""
        return self._method_route("PUT", rule, options)

    @setupmethod
    def delete(self, rule: str, **options: Any) -> Callable[[F], F]:
        """:meth:`route` for ``DELETE`` only."""
        return self._method_route("DELETE", rule, options)

    @setupmethod
    def patch(self, rule: str, **options: Any) -> Callable[[F], F]:
        """:meth:`route` for ``PATCH`` only."""
        return self._method_route("PATCH", rule, options)

    @setupmethod
    def add_url_rule(
        self,
        rule: str,
        endpoint: EndpointArg = None,
        view_func: ViewFunc | None = None,
        provide_automatic_options: bool | None = None,
        **options: Any,
    ) -> None:
        """Register a URL rule; each kind of scaffold implements this."""
        raise NotImplementedError

    @setupmethod
    def endpoint(self, endpoint: str) -> Callable[[F], F]:
        """Decorate a function to be the view of ``endpoint`` (no rule added)."""
        return _recording(partial(self.view_functions.__setitem__, endpoint))

    # -- hooks ------------------------------------------------------------

    def _append_hook(self, registry: HookRegistry, f: F) -> F:
        registry[None].append(f)
        return f

    @setupmethod
    def before_request(self, f: F) -> F:
        """Run ``f()`` before each request; a non-``None`` return value is
        used as the response and the view is skipped.
        """
        return self._append_hook(self.before_request_funcs, f)

    @setupmethod
    def after_request(self, f: F) -> F:
        """Run ``f(response)`` after each request; it returns the response
        to send (the same or a new one).
        """
        return self._append_hook(self.after_request_funcs, f)

    @setupmethod
    def teardown_request(self, f: F) -> F:
        """Run ``f(exc)`` when a request ends, with the unhandled exception
        or ``None``. The return value is ignored.
        """
        return self._append_hook(self.teardown_request_funcs, f)

    @setupmethod
    def context_processor(self, f: F) -> F:
        """Register ``f()`` returning a dict of names for templates."""
        return self._append_hook(self.template_context_processors, f)

    @setupmethod
    def url_value_preprocessor(self, f: F) -> F:
        """Run ``f(endpoint, view_args)`` before the view, to edit the values
        matched from the URL.
        """
        return self._append_hook(self.url_value_preprocessors, f)

    @setupmethod
    def url_defaults(self, f: F) -> F:
        """Run ``f(endpoint, values)`` when a URL is built, to fill in values."""
        return self._append_hook(self.url_default_functions, f)

    # -- error handlers ---------------------------------------------------

    @setupmethod
    def errorhandler(self, code_or_exception: HandlerKey) -> Callable[[F], F]:
        """Decorate a function handling an HTTP status code or exception class."""
        return _recording(partial(self.register_error_handler, code_or_exception))

    @setupmethod
    def register_error_handler(
        self, code_or_exception: HandlerKey, f: ViewFunc
    ) -> None:
        """The non-decorator form of :meth:`errorhandler`."""
        cls, code = self._get_exc_class_and_code(code_or_exception)
        by_class = self.error_handler_spec[None][code]
        by_class[cls] = f

    @staticmethod
    def _get_exc_class_and_code(
        exc_class_or_code: HandlerKey,
    ) -> tuple[type[Exception], int | None]:
        """Resolve a handler key to its exception class and status code."""
        return exc_class_and_code(exc_class_or_code)
