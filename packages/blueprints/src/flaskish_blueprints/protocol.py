"""What a blueprint needs of the application it is registered on.

The application (the standalone router or the full application object) is
duck-typed by the names Flask's application has; nothing here imports it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from typing import Protocol
from typing import TYPE_CHECKING

# Registry types are the routing scaffold's; HookRegistry stays importable here.
from flaskish_routing.scaffold import ErrorHandlerSpec
from flaskish_routing.scaffold import HookRegistry as HookRegistry

if TYPE_CHECKING:
    import click

    from .blueprint import Blueprint


class BlueprintApp(Protocol):
    """The application side of blueprint registration."""

    blueprints: dict[str, Blueprint]
    view_functions: dict[str, Callable[..., Any]]
    error_handler_spec: ErrorHandlerSpec
    before_request_funcs: HookRegistry
    after_request_funcs: HookRegistry
    teardown_request_funcs: HookRegistry
    template_context_processors: HookRegistry
    url_value_preprocessors: HookRegistry
    url_default_functions: HookRegistry
    before_websocket_funcs: HookRegistry
    after_websocket_funcs: HookRegistry
    teardown_websocket_funcs: HookRegistry
    cli: click.Group

    def add_url_rule(
        self,
        rule: str,
        endpoint: str | None = None,
        view_func: Callable[..., Any] | None = None,
        provide_automatic_options: bool | None = None,
        **options: Any,
    ) -> None: ...

    def register_error_handler(
        self, code_or_exception: type[Exception] | int, f: Callable[..., Any]
    ) -> None: ...


class TemplatingApp(Protocol):
    """An application with Jinja registration (only needed by ``app_template_*``)."""

    def add_template_filter(
        self, f: Callable[..., Any], name: str | None = None
    ) -> None: ...

    def add_template_test(
        self, f: Callable[..., bool], name: str | None = None
    ) -> None: ...

    def add_template_global(
        self, f: Callable[..., Any], name: str | None = None
    ) -> None: ...
