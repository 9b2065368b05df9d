"""Blueprint methods that register functions on the whole application.

Each one is recorded with ``record_once``: it is applied on the first
registration of the blueprint only, onto the application's ``None`` keys.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any
from typing import cast
from typing import overload
from typing import TYPE_CHECKING
from typing import TypeVar

from .optional import missing

if TYPE_CHECKING:
    from .protocol import TemplatingApp
    from .setup_state import BlueprintSetupState

F = TypeVar("F", bound=Callable[..., Any])


class AppHooksMixin:
    """``before_app_request`` and the other app-wide registrations."""

    if TYPE_CHECKING:

        def record_once(self, func: Callable[[BlueprintSetupState], None]) -> None: ...

    def _record_app_hook(self, registry: str, f: Callable[..., Any]) -> None:
        def append(state: BlueprintSetupState) -> None:
            hooks: dict[str | None, list[Any]] = getattr(state.app, registry)
            hooks.setdefault(None, []).append(f)

        self.record_once(append)

    def before_app_request(self, f: F) -> F:
        """Like ``before_request``, for every request of the application."""
        self._record_app_hook("before_request_funcs", f)
        return f

    def after_app_request(self, f: F) -> F:
        """Like ``after_request``, for every request of the application."""
        self._record_app_hook("after_request_funcs", f)
        return f

    def teardown_app_request(self, f: F) -> F:
        """Like ``teardown_request``, for every request of the application."""
        self._record_app_hook("teardown_request_funcs", f)
        return f

    def app_context_processor(self, f: F) -> F:
        """Like ``context_processor``, for every template the app renders."""
        self._record_app_hook("template_context_processors", f)
        return f

    def app_url_value_preprocessor(self, f: F) -> F:
        """Like ``url_value_preprocessor``, for every request of the application."""
        self._record_app_hook("url_value_preprocessors", f)
        return f

    def app_url_defaults(self, f: F) -> F:
        """Like ``url_defaults``, for every URL the application builds."""
        self._record_app_hook("url_default_functions", f)
        return f

    def app_errorhandler(self, code: type[Exception] | int) -> Callable[[F], F]:
        """Like ``errorhandler``, for errors anywhere in the application."""

        def decorator(f: F) -> F:
            def register(state: BlueprintSetupState) -> None:
                state.app.register_error_handler(code, f)

            self.record_once(register)
            return f

        return decorator

    def _record_template_hook(
        self, method: str, f: Callable[..., Any], name: str | None
    ) -> None:
        def add(state: BlueprintSetupState) -> None:
            app = cast("TemplatingApp", state.app)
            getattr(app, method)(f, name=name)

        self.record_once(add)

    def _template_decorator(
        self, method: str, name: str | F | None
    ) -> F | Callable[[F], F]:
        try:
            from flaskish_templating.app import registering_decorator
        except ImportError:
            feature = f"Blueprint.app_{method.removeprefix('add_')}"
            raise RuntimeError(missing(feature, "templating")) from None
        return registering_decorator(partial(self._record_template_hook, method), name)

    @overload
    def app_template_filter(self, name: F) -> F: ...
    @overload
    def app_template_filter(self, name: str | None = None) -> Callable[[F], F]: ...
    def app_template_filter(self, name: str | F | None = None) -> F | Callable[[F], F]:
        """Register a Jinja filter on the application, as
        ``@bp.app_template_filter()`` or ``@bp.app_template_filter("name")``.
        """
        return self._template_decorator("add_template_filter", name)

    def add_app_template_filter(
        self, f: Callable[..., Any], name: str | None = None
    ) -> None:
        """Register ``f`` as a Jinja filter of the application."""
        self._record_template_hook("add_template_filter", f, name)

    @overload
    def app_template_test(self, name: F) -> F: ...
    @overload
    def app_template_test(self, name: str | None = None) -> Callable[[F], F]: ...
    def app_template_test(self, name: str | F | None = None) -> F | Callable[[F], F]:
        """Register a Jinja test on the application, as
        ``@bp.app_template_test()`` or ``@bp.app_template_test("name")``.
        """
        return self._template_decorator("add_template_test", name)

    def add_app_template_test(
        self, f: Callable[..., bool], name: str | None = None
    ) -> None:
        """Register ``f`` as a Jinja test of the application."""
        self._record_template_hook("add_template_test", f, name)

    @overload
    def app_template_global(self, name: F) -> F: ...
    @overload
    def app_template_global(self, name: str | None = None) -> Callable[[F], F]: ...
    def app_template_global(self, name: str | F | None = None) -> F | Callable[[F], F]:
        """Register a Jinja global on the application, as
        ``@bp.app_template_global()`` or ``@bp.app_template_global("name")``.
        """
        return self._template_decorator("add_template_global", name)

    def add_app_template_global(
        self, f: Callable[..., Any], name: str | None = None
    ) -> None:
        """Register ``f`` as a Jinja global of the application."""
        self._record_template_hook("add_template_global", f, name)
