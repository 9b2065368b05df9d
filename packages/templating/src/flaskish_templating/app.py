"""The templating half of the application object."""

from __future__ import annotations

from collections.abc import Callable
from collections.abc import Iterable
from functools import cached_property
from itertools import chain
from typing import Any
from typing import overload
from typing import TYPE_CHECKING
from typing import TypeVar

from flaskish_context import g
from flaskish_context import request
from flaskish_context import request_or_none
from flaskish_context import session

if TYPE_CHECKING:
    import logging

    from jinja2 import BaseLoader

    from .environment import Environment
    from .loader import DispatchingJinjaLoader
    from .protocol import NamedTemplateSource

F = TypeVar("F", bound=Callable[..., Any])

#: File name endings rendered with autoescaping on.
AUTOESCAPE_EXTENSIONS = (".html", ".htm", ".xml", ".xhtml", ".svg")


class _DefaultEnvironmentClass:
    """Reads as flaskish's :class:`~flaskish_templating.Environment` class,
    importing Jinja on the first read rather than with the module."""

    def __get__(
        self, instance: object, owner: type[Any] | None = None
    ) -> type[Environment]:
        from .environment import Environment

        return Environment


class TemplatingAppMixin:
    """Jinja environment, context processing and template registration.

    Mixed into the application class, which provides ``config``, ``debug``,
    ``template_context_processors``, ``iter_blueprints()``, ``jinja_loader``,
    ``logger``, ``import_name`` and ``ensure_sync``.

    Seams (flaskish names) for subclasses: :meth:`jinja_environment_options`
    computes the options the environment is built with and
    :meth:`populate_jinja_environment` fills a new environment's globals and
    policies; override it and call ``super()`` to add more.
    """

    #: The class :meth:`create_jinja_environment` instantiates.
    if TYPE_CHECKING:
        jinja_environment: type[Environment]
    else:
        jinja_environment = _DefaultEnvironmentClass()

    #: Options given to the environment, read once when it is created.
    jinja_options: dict[str, Any] = {}  # noqa: RUF012 (Flask's class attribute)

    if TYPE_CHECKING:
        # Provided by the application class. Declared read-only, and for the
        # type checker only, so the mixin never shadows the real members.
        @property
        def config(self) -> Any: ...
        @property
        def debug(self) -> bool: ...

        import_name: str

        @property
        def logger(self) -> logging.Logger: ...
        @property
        def jinja_loader(self) -> BaseLoader | None: ...

        template_context_processors: dict[str | None, list[Callable[..., Any]]]

        def iter_blueprints(self) -> Iterable[NamedTemplateSource]: ...
        def ensure_sync(self, func: Callable[..., Any]) -> Callable[..., Any]: ...

    @cached_property
    def jinja_env(self) -> Environment:
        """The Jinja environment, created by :meth:`create_jinja_environment`
        on first access. Later changes to :attr:`jinja_options` do not apply.
        """
        return self.create_jinja_environment()

    def create_jinja_environment(self) -> Environment:
        """Create the Jinja environment from :attr:`jinja_options`.

        Autoescaping defaults to :meth:`select_jinja_autoescape` and
        ``auto_reload`` to ``TEMPLATES_AUTO_RELOAD``, or to :attr:`debug` when
        that is ``None``.
        """
        env = self.jinja_environment(self, **self.jinja_environment_options())
        self.populate_jinja_environment(env)
        return env

    def jinja_environment_options(self) -> dict[str, Any]:
        """The keyword arguments for :attr:`jinja_environment` (flaskish seam)."""
        options = dict(self.jinja_options)
        options.setdefault("autoescape", self.select_jinja_autoescape)
        if "auto_reload" not in options:
            auto_reload = self.config["TEMPLATES_AUTO_RELOAD"]
            options["auto_reload"] = self.debug if auto_reload is None else auto_reload
        return options

    def populate_jinja_environment(self, env: Environment) -> None:
        """Add globals and policies to a new environment (flaskish seam).

        The base adds the ``request``, ``session`` and ``g`` proxies, which
        templates imported without context still see; the default context
        processor puts the real objects into rendering contexts.
        """
        env.globals.update(request=request, session=session, g=g)

    def create_global_jinja_loader(self) -> DispatchingJinjaLoader:
        """The environment's loader, dispatching to the app and its blueprints.

        Override :attr:`jinja_loader` rather than this to change where the
        app's own templates come from.
        """
        from .loader import DispatchingJinjaLoader

        return DispatchingJinjaLoader(self)

    def select_jinja_autoescape(self, filename: str | None) -> bool:
        """Whether a template is autoescaped: ``True`` for source strings
        (no file name) and for ``.html``, ``.htm``, ``.xml``, ``.xhtml`` and
        ``.svg`` files.
        """
        if filename is None:
            return True
        return filename.endswith(AUTOESCAPE_EXTENSIONS)

    def update_template_context(self, context: dict[str, Any]) -> None:
        """Add the values of the context processors to ``context`` in place.

        The app-wide processors run first, then those of the request's
        blueprints from the outermost to the innermost. Values already in
        ``context`` (those given to the render call) are never overwritten.
        """
        processors = self.template_context_processors
        names: Iterable[str | None] = (None,)
        request = request_or_none()
        if request is not None:
            blueprints = getattr(request, "blueprints", ())
            if blueprints:
                names = chain(names, reversed(blueprints))
        given = context.copy()
        for name in names:
            funcs = processors.get(name)
            if funcs:
                for func in funcs:
                    context.update(self.ensure_sync(func)())
        context.update(given)

    def _guard_setup(self, method: str) -> None:
        # Registration is a setup method: the application's setup-finished
        # check (Flask's ``_check_setup_finished``) runs when it has one.
        check = getattr(self, "_check_setup_finished", None)
        if check is not None:
            check(method)

    @overload
    def template_filter(self, name: F) -> F: ...
    @overload
    def template_filter(self, name: str | None = None) -> Callable[[F], F]: ...
    def template_filter(self, name: str | F | None = None) -> F | Callable[[F], F]:
        """Register a Jinja filter, as ``@app.template_filter`` or
        ``@app.template_filter("name")``; the function name is the default.
        """
        self._guard_setup("template_filter")
        return registering_decorator(self.add_template_filter, name)

    def add_template_filter(
        self, f: Callable[..., Any], name: str | None = None
    ) -> None:
        """Register ``f`` as a Jinja filter (under its own name by default)."""
        self._guard_setup("add_template_filter")
        self.jinja_env.filters[name or f.__name__] = f

    @overload
    def template_test(self, name: F) -> F: ...
    @overload
    def template_test(self, name: str | None = None) -> Callable[[F], F]: ...
    def template_test(self, name: str | F | None = None) -> F | Callable[[F], F]:
        """Register a Jinja test, as ``@app.template_test`` or
        ``@app.template_test("name")``; the function name is the default.
        """
        self._guard_setup("template_test")
        return registering_decorator(self.add_template_test, name)

    def add_template_test(
        self, f: Callable[..., bool], name: str | None = None
    ) -> None:
        """Register ``f`` as a Jinja test (under its own name by default)."""
        self._guard_setup("add_template_test")
        self.jinja_env.tests[name or f.__name__] = f

    @overload
    def template_global(self, name: F) -> F: ...
    @overload
    def template_global(self, name: str | None = None) -> Callable[[F], F]: ...
    def template_global(self, name: str | F | None = None) -> F | Callable[[F], F]:
        """Register a Jinja global, as ``@app.template_global`` or
        ``@app.template_global("name")``; the function name is the default.
        """
        self._guard_setup("template_global")
        return registering_decorator(self.add_template_global, name)

    def add_template_global(
        self, f: Callable[..., Any], name: str | None = None
    ) -> None:
        """Register ``f`` as a Jinja global (under its own name by default)."""
        self._guard_setup("add_template_global")
        self.jinja_env.globals[name or f.__name__] = f


def registering_decorator(
    register: Callable[[Callable[..., Any], str | None], None],
    name: str | F | None,
) -> F | Callable[[F], F]:
    """Serve both forms of a registration decorator: bare (``name`` is the
    function, registered under its own name) or called with a name or
    ``None``; ``register(f, name)`` does the registering (flaskish helper)."""
    if callable(name):
        register(name, None)
        return name

    def decorator(f: F) -> F:
        register(f, name)
        return f

    return decorator


__all__ = ["AUTOESCAPE_EXTENSIONS", "TemplatingAppMixin", "registering_decorator"]
