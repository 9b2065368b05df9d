"""The scaffold of an object that owns a URL map: the router and the app."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from collections.abc import Iterable
from functools import cached_property
from functools import lru_cache
from typing import Any
from typing import ClassVar

from werkzeug.exceptions import HTTPException
from werkzeug.routing import Map
from werkzeug.routing import Rule

from . import async_bridge
from .callbacks import call_all
from .conversion import ResponseConversion
from .paths import _split_blueprint_path
from .scaffold import _endpoint_from_view_func
from .scaffold import HookRegistry
from .scaffold import Scaffold
from .scaffold import setupmethod

_NO_FUNCS: tuple[Callable[..., Any], ...] = ()


@lru_cache(maxsize=1024)
def _chain_of(endpoint: str | None) -> tuple[str, ...]:
    if not endpoint or "." not in endpoint:
        return ()
    return tuple(_split_blueprint_path(endpoint.rpartition(".")[0]))


class AppScaffold(ResponseConversion, Scaffold):
    """Registration onto a URL map plus the steps of the request pipeline.

    The pipeline steps take everything they need as arguments (the
    endpoint, the request's blueprints) so that the standalone
    :class:`~flaskish_routing.Router` and a full application share them.
    """

    url_rule_class: ClassVar[type[Rule]] = Rule
    url_map_class: ClassVar[type[Map]] = Map

    def __init__(
        self,
        import_name: str,
        static_url_path: str | None = None,
        static_folder: str | os.PathLike[str] | None = "static",
        template_folder: str | os.PathLike[str] | None = None,
        root_path: str | None = None,
        host_matching: bool = False,
    ) -> None:
        super().__init__(
            import_name=import_name,
            static_folder=static_folder,
            static_url_path=static_url_path,
            template_folder=template_folder,
            root_path=root_path,
        )
        #: The werkzeug map every rule is added to.
        self.url_map = self.url_map_class(host_matching=host_matching)
        #: Registered blueprints by (dotted) name, in registration order.
        self.blueprints: dict[str, Any] = {}
        self._got_first_request = False

    @cached_property
    def name(self) -> str:  # type: ignore[override]  # settable, as the attribute
        """The import name; for ``"__main__"``, the stem of the script run."""
        if self.import_name != "__main__":
            return self.import_name
        script: str | None = getattr(sys.modules["__main__"], "__file__", None)
        if script is None:
            return "__main__"
        return os.path.splitext(os.path.basename(script))[0]

    def _check_setup_finished(self, f_name: str) -> None:
        if self._got_first_request:
            raise AssertionError(
                f"The setup method '{f_name}' can no longer be called on the"
                " application. It has already handled its first request, any"
                " changes will not be applied consistently.\nMake sure all"
                " imports, decorators, functions, etc. needed to set up the"
                " application are done before running it."
            )

    def _automatic_options_default(self) -> bool:
        config = getattr(self, "config", None)
        if config is None:
            return True
        return bool(config.get("PROVIDE_AUTOMATIC_OPTIONS", True))

    @setupmethod
    def add_url_rule(
        self,
        rule: str,
        endpoint: str | None = None,
        view_func: Callable[..., Any] | None = None,
        provide_automatic_options: bool | None = None,
        **options: Any,
    ) -> None:
        """Add a rule for ``endpoint`` (by default the view's name) to the
        URL map and record ``view_func`` as its view.

        ``methods`` comes from ``options``, then from ``view_func.methods``,
        then defaults to ``GET``. ``OPTIONS`` is answered automatically unless
        the view handles it or ``provide_automatic_options`` says otherwise;
        the view's ``required_methods`` are always added.
        """
        if endpoint is None:
            endpoint = _endpoint_from_view_func(view_func)
        options["endpoint"] = endpoint
        methods = options.pop("methods", None)
        if methods is None:
            methods = getattr(view_func, "methods", None) or ("GET",)
        if isinstance(methods, str):
            raise TypeError(
                "Allowed methods must be a list of strings, for example:"
                ' @app.route(..., methods=["POST"])'
            )
        allowed = {str(method).upper() for method in methods}
        required = set(getattr(view_func, "required_methods", ()))

        if provide_automatic_options is None:
            provide_automatic_options = getattr(
                view_func, "provide_automatic_options", None
            )
        if provide_automatic_options is None:
            provide_automatic_options = (
                "OPTIONS" not in allowed and self._automatic_options_default()
            )
            if provide_automatic_options:
                required.add("OPTIONS")
        allowed |= required

        rule_obj = self.url_rule_class(rule, methods=allowed, **options)
        rule_obj.provide_automatic_options = provide_automatic_options  # type: ignore[attr-defined]
        self.url_map.add(rule_obj)

        if view_func is None:
            return
        existing = self.view_functions.get(endpoint)
        if existing is not None and existing != view_func:
            raise AssertionError(
                "View function mapping is overwriting an existing endpoint"
                f" function: {endpoint}"
            )
        self.view_functions[endpoint] = view_func

    @setupmethod
    def register_blueprint(self, blueprint: Any, **options: Any) -> None:
        """Register ``blueprint``; ``options`` (``url_prefix``, ``subdomain``,
        ``url_defaults``, ``name``, ...) override the blueprint's own.
        """
        blueprint.register(self, options)

    def iter_blueprints(self) -> Iterable[Any]:
        """The registered blueprints, in registration order."""
        return self.blueprints.values()

    def ensure_sync(self, func: Callable[..., Any]) -> Callable[..., Any]:
        """A synchronous form of ``func`` (unchanged unless ``async def``)."""
        return async_bridge.ensure_sync(func)

    # -- pipeline steps ---------------------------------------------------

    def _blueprint_chain(self, endpoint: str | None) -> tuple[str, ...]:
        """The blueprints of ``endpoint``, innermost first."""
        return _chain_of(endpoint)

    @staticmethod
    def _outer_to_inner(
        registry: HookRegistry, blueprints: tuple[str, ...]
    ) -> Iterable[Callable[..., Any]]:
        """Functions of the app, then of each blueprint from the outside in."""
        yield from registry.get(None, _NO_FUNCS)
        for name in reversed(blueprints):
            yield from registry.get(name, _NO_FUNCS)

    @staticmethod
    def _inner_to_outer(
        registry: HookRegistry, blueprints: tuple[str, ...]
    ) -> Iterable[Callable[..., Any]]:
        """Functions of each blueprint from the inside out, then of the app,
        each list latest registration first.
        """
        for name in (*blueprints, None):
            yield from reversed(registry.get(name, _NO_FUNCS))

    def _preprocess_url_values(
        self,
        endpoint: str | None,
        view_args: dict[str, Any] | None,
        blueprints: tuple[str, ...],
    ) -> None:
        """Let URL value preprocessors edit ``view_args`` before the view."""
        if self.url_value_preprocessors:
            for func in self._outer_to_inner(self.url_value_preprocessors, blueprints):
                func(endpoint, view_args)

    def _run_before_request(self, blueprints: tuple[str, ...]) -> Any:
        """Run ``before_request`` functions; return the first non-``None``
        value (the remaining functions are skipped), or ``None``.
        """
        if self.before_request_funcs:
            for func in self._outer_to_inner(self.before_request_funcs, blueprints):
                rv = self.ensure_sync(func)()
                if rv is not None:
                    return rv
        return None

    def _run_after_request(self, response: Any, blueprints: tuple[str, ...]) -> Any:
        """Pass ``response`` through the ``after_request`` functions."""
        if self.after_request_funcs:
            for func in self._inner_to_outer(self.after_request_funcs, blueprints):
                response = self.ensure_sync(func)(response)
        return response

    def _run_teardown_request(
        self, exc: BaseException | None, blueprints: tuple[str, ...]
    ) -> None:
        """Call every teardown function with ``exc``; re-raise the first error."""
        if self.teardown_request_funcs:
            funcs = self._inner_to_outer(self.teardown_request_funcs, blueprints)
            call_all([self.ensure_sync(func) for func in funcs], exc)

    def _find_error_handler(
        self, e: BaseException, blueprints: tuple[str, ...]
    ) -> Callable[..., Any] | None:
        """The handler for ``e``: by status code before the ``None`` code,
        blueprint (innermost first) before app, class before its bases.
        """
        spec = self.error_handler_spec
        if not spec:
            return None
        code = e.code if isinstance(e, HTTPException) else None
        mro = type(e).__mro__
        for key in (code, None) if code is not None else (None,):
            for name in (*blueprints, None):
                by_code = spec.get(name)
                handlers = by_code.get(key) if by_code is not None else None
                if not handlers:
                    continue
                for cls in mro:
                    handler = handlers.get(cls)
                    if handler is not None:
                        return handler
        return None

    def inject_url_defaults(self, endpoint: str, values: dict[str, Any]) -> None:
        """Let ``url_defaults`` functions of the app and of the endpoint's
        blueprints (outer first) fill in ``values`` for building a URL.
        """
        if self.url_default_functions:
            chain = self._blueprint_chain(endpoint)
            for func in self._outer_to_inner(self.url_default_functions, chain):
                func(endpoint, values)
