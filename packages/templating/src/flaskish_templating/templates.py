"""Templates from a folder, for code without an application object."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from collections.abc import Iterable
from collections.abc import Iterator
from typing import Any
from typing import TYPE_CHECKING
from typing import TypeVar

from flaskish_context.sync import run_sync

from .app import TemplatingAppMixin
from .processors import _default_template_ctx_processor
from .rendering import _render
from .rendering import _stream
from .scaffold import JinjaLoaderMixin

if TYPE_CHECKING:
    from .protocol import NamedTemplateSource
    from .protocol import TemplatingHost
    from .rendering import TemplateRef

F = TypeVar("F", bound=Callable[..., Any])


class Templates(TemplatingAppMixin, JinjaLoaderMixin):
    """The templates of one folder, rendered as a flaskish application
    renders them, without one.

    It has the application's registration API for templates
    (``template_filter``, ``template_test``, ``template_global`` and their
    ``add_*`` forms, :meth:`context_processor`), its ``jinja_env``
    (autoescaping for ``.html``, ``.htm``, ``.xml``, ``.xhtml``, ``.svg``
    and source strings) and its rendering methods. ``template_rendered`` and
    ``before_render_template`` are sent with this object as the sender.
    Inside a request of flaskish-context (``ContextMiddleware``), templates
    see ``request``, ``session`` and ``g``, and streams keep the request.

    :param folder: the template folder.
    :param name: the name of the logger and of :attr:`name`.
    :param auto_reload: reload changed templates (``TEMPLATES_AUTO_RELOAD``);
        by default only with ``debug``.
    :param debug: turns on ``auto_reload`` by default.
    """

    debug: bool
    logger: logging.Logger

    def __init__(
        self,
        folder: str | os.PathLike[str],
        *,
        name: str = "templates",
        auto_reload: bool | None = None,
        debug: bool = False,
    ) -> None:
        path = os.path.abspath(folder)
        self.name = self.import_name = name
        self.root_path, self.template_folder = os.path.split(path)
        self.debug = debug
        #: The two configuration keys templating reads, as an app has them.
        self.config: dict[str, Any] = {
            "TEMPLATES_AUTO_RELOAD": auto_reload,
            "EXPLAIN_TEMPLATE_LOADING": False,
        }
        self.logger = logging.getLogger(name)
        self.template_context_processors: dict[str | None, list[Callable[..., Any]]]
        self.template_context_processors = {None: [_default_template_ctx_processor]}

    def iter_blueprints(self) -> Iterable[NamedTemplateSource]:
        """No blueprints: only :attr:`template_folder` is searched."""
        return ()

    def ensure_sync(self, func: Callable[..., Any]) -> Callable[..., Any]:
        """``async def`` context processors run with :func:`asyncio.run`."""
        return run_sync(func)

    def context_processor(self, f: F) -> F:
        """Register ``f``, returning a dict of names added to every context."""
        self.template_context_processors[None].append(f)
        return f

    def render_template(
        self, template_name_or_list: TemplateRef, **context: Any
    ) -> str:
        """Render the named template (the first existing one of a list)."""
        template = self.jinja_env.get_or_select_template(template_name_or_list)
        return _render(self, template, context)

    def render_template_string(self, source: str, **context: Any) -> str:
        """Render a template given as source (compiled once per source)."""
        return _render(self, self.jinja_env.from_string_cached(source), context)

    def stream_template(
        self, template_name_or_list: TemplateRef, **context: Any
    ) -> Iterator[str]:
        """Render the named template piece by piece."""
        template = self.jinja_env.get_or_select_template(template_name_or_list)
        return _stream(self, template, context)

    def stream_template_string(self, source: str, **context: Any) -> Iterator[str]:
        """Render a template given as source piece by piece."""
        return _stream(self, self.jinja_env.from_string_cached(source), context)


if TYPE_CHECKING:
    # Templates is a host of the templating mixin: mypy checks it.
    _host: type[TemplatingHost] = Templates

__all__ = ["Templates"]
