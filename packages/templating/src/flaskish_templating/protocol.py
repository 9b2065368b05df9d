"""The attributes this package expects of the application and its blueprints.

Lower packages never import the application; they describe what they use of
it here, by the names Flask's application and blueprints have.
"""

from __future__ import annotations

from collections.abc import Callable
from collections.abc import Iterable
from collections.abc import Mapping
from typing import Any
from typing import Protocol
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import logging
    import os

    from jinja2 import BaseLoader

    from .environment import Environment

#: A template context processor: returns names to add to the context.
ContextProcessor = Callable[[], dict[str, Any]]


class TemplateSource(Protocol):
    """Something that may carry templates: the app or a blueprint."""

    @property
    def jinja_loader(self) -> BaseLoader | None: ...


class NamedTemplateSource(TemplateSource, Protocol):
    """A blueprint, as the loader and its explanation see it."""

    @property
    def name(self) -> str: ...

    @property
    def import_name(self) -> str: ...


class EnvironmentApp(Protocol):
    """What :class:`~flaskish_templating.Environment` uses of its app."""

    def create_global_jinja_loader(self) -> BaseLoader: ...


class LoaderApp(TemplateSource, Protocol):
    """What :class:`~flaskish_templating.DispatchingJinjaLoader` uses."""

    @property
    def import_name(self) -> str: ...

    @property
    def config(self) -> Mapping[str, Any]: ...

    @property
    def logger(self) -> logging.Logger: ...

    def iter_blueprints(self) -> Iterable[NamedTemplateSource]: ...


class TemplatingHost(LoaderApp, Protocol):
    """What a class that mixes in :class:`~flaskish_templating.TemplatingAppMixin`
    (and :class:`~flaskish_templating.JinjaLoaderMixin`) must provide.

    flaskish's ``Flask`` and :class:`~flaskish_templating.Templates`
    implement it. ``config`` must hold ``TEMPLATES_AUTO_RELOAD`` (``None``
    follows ``debug``) and ``EXPLAIN_TEMPLATE_LOADING``.
    """

    @property
    def debug(self) -> bool: ...

    @property
    def root_path(self) -> str: ...

    @property
    def template_folder(self) -> str | os.PathLike[str] | None: ...

    @property
    def template_context_processors(
        self,
    ) -> dict[str | None, list[Callable[..., Any]]]: ...

    def ensure_sync(self, func: Callable[..., Any]) -> Callable[..., Any]: ...


class RenderingApp(Protocol):
    """What rendering uses of the current application."""

    @property
    def jinja_env(self) -> Environment: ...

    def update_template_context(self, context: dict[str, Any]) -> None: ...

    def ensure_sync(self, func: Any) -> Any: ...


__all__ = [
    "ContextProcessor",
    "EnvironmentApp",
    "LoaderApp",
    "NamedTemplateSource",
    "RenderingApp",
    "TemplateSource",
    "TemplatingHost",
]
