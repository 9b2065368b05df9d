"""The application object: the components assembled into ``Flask``."""

from __future__ import annotations

import os
import typing as t
import weakref
from datetime import timedelta
from functools import cached_property

from werkzeug.exceptions import Aborter
from werkzeug.utils import redirect as redirect_response

from flaskish_cli import AppGroupAttribute
from flaskish_cli import get_debug_flag
from flaskish_context import _AppCtxGlobals
from flaskish_context import get_app
from flaskish_context import request
from flaskish_context import request_or_none
from flaskish_context import StaticFilesMixin
from flaskish_routing import AppScaffold
from flaskish_routing import set_ensure_sync_lookup
from flaskish_routing import set_request_lookup
from flaskish_routing import setupmethod
from flaskish_sessions.config import as_timedelta
from flaskish_sessions.tag import set_json_codec
from flaskish_templating import _default_template_ctx_processor
from flaskish_templating import JinjaLoaderMixin
from flaskish_templating import TemplatingAppMixin

from . import json
from .asgi import AsgiMixin
from .config import Config
from .config import ConfigAttribute
from .config import DEFAULT_CONFIG
from .errors import ErrorHandlingMixin
from .errors import ExcInfo
from .helpers import get_flashed_messages
from .instance import default_instance_path
from .json.provider import DefaultJSONProvider
from .json.provider import JSONProvider
from .logging import create_logger
from .pipeline import PipelineMixin
from .request_context import RequestContext
from .serving import ServingMixin
from .session_support import SessionSupportMixin
from .url_building import UrlBuildingMixin
from .wrappers import Request
from .wrappers import Response

if t.TYPE_CHECKING:
    import logging

    from werkzeug.wrappers import Response as BaseResponse

    from flaskish_templating import Environment

    from .cli_runner import FlaskCliRunner
    from .testing import FlaskClient

T = t.TypeVar("T", bound=t.Callable[..., t.Any])


_OptionalStr: t.TypeAlias = "str | None"
_Folder: t.TypeAlias = "str | os.PathLike[str] | None"


def _require_absolute(instance_path: str) -> None:
    if os.path.isabs(instance_path):
        return
    raise ValueError(
        "If an instance path is provided it must be absolute."
        " A relative path was given instead."
    )


def _as_timedelta(value: timedelta | int | None) -> timedelta | None:
    # The session component's conversion; an unset lifetime stays None.
    return None if value is None else as_timedelta(value)


class Flask(
    ErrorHandlingMixin,
    AsgiMixin,
    PipelineMixin,
    UrlBuildingMixin,
    SessionSupportMixin,
    ServingMixin,
    TemplatingAppMixin,
    JinjaLoaderMixin,
    StaticFilesMixin,
    AppScaffold,
):
    """A WSGI application: routes, configuration, templates, sessions and
    the request pipeline, with Flask 3.1's constructor and API.

    ``import_name`` (usually ``__name__``) locates the app's files:
    ``root_path``, the ``static`` and ``templates`` folders and, unless
    given as an absolute ``instance_path``, the instance folder.
    """

    request_class: type[Request] = Request
    response_class: type[Response] = Response
    aborter_class: type[Aborter] = Aborter
    app_ctx_globals_class: type[_AppCtxGlobals] = _AppCtxGlobals
    config_class: type[Config] = Config
    json_provider_class: type[JSONProvider] = DefaultJSONProvider
    test_client_class: type[FlaskClient] | None = None
    test_cli_runner_class: type[FlaskCliRunner] | None = None
    default_config: dict[str, t.Any] = DEFAULT_CONFIG
    config: Config
    #: The app's command group; ``flaskish`` lists its commands.
    cli = AppGroupAttribute()

    testing = ConfigAttribute[bool]("TESTING")
    secret_key = ConfigAttribute[t.Union[str, bytes, None]]("SECRET_KEY")  # noqa: UP007
    permanent_session_lifetime = ConfigAttribute[timedelta](
        "PERMANENT_SESSION_LIFETIME",
        get_converter=t.cast("t.Callable[[t.Any], timedelta]", _as_timedelta),
    )

    def __init__(
        self,
        import_name: str,
        static_url_path: _OptionalStr = None,
        static_folder: _Folder = "static",
        static_host: _OptionalStr = None,
        host_matching: bool = False,
        subdomain_matching: bool = False,
        template_folder: _Folder = "templates",
        instance_path: _OptionalStr = None,
        instance_relative_config: bool = False,
        root_path: _OptionalStr = None,
    ) -> None:
        # An instance attribute, read by every request, is looked up faster
        # than the class's (see PipelineMixin._overridden_steps).
        self._note_step_replacements()
        super().__init__(
            import_name,
            root_path=root_path,
            host_matching=host_matching,
            static_folder=static_folder,
            static_url_path=static_url_path,
            template_folder=template_folder,
        )
        if instance_path is not None:
            _require_absolute(instance_path)
        #: The folder for files not under version control (config, data).
        self.instance_path = instance_path or self.auto_find_instance_path()
        #: The configuration, a :class:`Config` with Flask's defaults.
        self.config = self.make_config(instance_relative_config)
        #: Called by :func:`~flaskish.abort` to raise HTTP errors.
        self.aborter = self.make_aborter()
        #: The JSON provider used by ``jsonify``, ``request.get_json`` & co.
        self.json: JSONProvider = self.json_provider_class(self)
        #: Called with ``(error, endpoint, values)`` when ``url_for`` fails.
        self.url_build_error_handlers: list[
            t.Callable[[Exception, str, dict[str, t.Any]], str]
        ] = []
        #: Run when the app context pops, with the error that ended it.
        self.teardown_appcontext_funcs: list[
            t.Callable[[BaseException | None], t.Any]
        ] = []
        #: Their return values are the names of ``flaskish shell``.
        self.shell_context_processors: list[t.Callable[[], dict[str, t.Any]]] = []
        #: Extension state, keyed by extension name.
        self.extensions: dict[str, t.Any] = {}
        self.before_serving_funcs = []
        self.after_serving_funcs = []
        #: Whether rules match the subdomain relative to ``SERVER_NAME``.
        self.subdomain_matching = subdomain_matching
        self.template_context_processors[None] = [_default_template_ctx_processor]

        if self.has_static_folder:
            if bool(static_host) != host_matching:
                raise AssertionError("Invalid static_host/host_matching combination")
            # A weak reference: the rule must not keep the app alive.
            app_ref = weakref.ref(self)

            def static_view(**kwargs: t.Any) -> BaseResponse:
                app = app_ref()
                assert app is not None
                return app.send_static_file(**kwargs)

            self.add_url_rule(
                f"{self.static_url_path}/<path:filename>",
                endpoint="static",
                host=static_host,
                view_func=static_view,
            )

    # -- construction helpers --------------------------------------------

    def make_config(self, instance_relative: bool = False) -> Config:
        """Create :attr:`config` from :attr:`default_config`, with ``DEBUG``
        from ``FLASK_DEBUG``; relative to the instance folder if asked."""
        root = self.instance_path if instance_relative else self.root_path
        defaults = dict(self.default_config)
        defaults["DEBUG"] = get_debug_flag()
        return self.config_class(root, defaults)

    def make_aborter(self) -> Aborter:
        """Create :attr:`aborter` from :attr:`aborter_class`."""
        return self.aborter_class()

    def auto_find_instance_path(self) -> str:
        """The instance folder when none is given: ``instance`` next to the
        package, or ``<prefix>/var/<name>-instance`` when installed."""
        return default_instance_path(self.import_name, self.name)

    @cached_property
    def logger(self) -> logging.Logger:
        """The ``logging`` logger named after the app (:attr:`name`)."""
        return create_logger(self)

    @property
    def debug(self) -> bool:
        """Debug mode (``DEBUG``). Setting it also sets the templates'
        auto-reload unless ``TEMPLATES_AUTO_RELOAD`` is set."""
        return bool(self.config["DEBUG"])

    @debug.setter
    def debug(self, value: bool) -> None:
        config = self.config
        config["DEBUG"] = value
        if config["TEMPLATES_AUTO_RELOAD"] is None:
            self.jinja_env.auto_reload = value

    # -- files --------------------------------------------------------------

    def open_instance_resource(
        self, resource: str, mode: str = "rb", encoding: str | None = "utf-8"
    ) -> t.IO[t.Any]:
        """Open ``resource`` relative to :attr:`instance_path`; unlike
        :meth:`open_resource`, writing is allowed."""
        path = os.path.join(self.instance_path, resource)
        if "b" in mode:
            return open(path, mode)
        return open(path, mode, encoding=encoding)

    # -- registration ---------------------------------------------------------

    @setupmethod
    def teardown_appcontext(self, f: T) -> T:
        """Register ``f`` to run when the app context pops, with the error
        that ended it (or ``None``); its return value is ignored."""
        self.teardown_appcontext_funcs.append(f)
        return f

    @setupmethod
    def shell_context_processor(self, f: T) -> T:
        """Register ``f`` to add names to ``flaskish shell``."""
        self.shell_context_processors.append(f)
        return f

    def make_shell_context(self) -> dict[str, t.Any]:
        """The names of an interactive shell: ``app``, ``g`` and those of
        the shell context processors."""
        from flaskish_context import g

        names: dict[str, t.Any] = {"app": self, "g": g}
        for processor in self.shell_context_processors:
            names.update(processor())
        return names

    # -- errors ---------------------------------------------------------------

    def log_exception(self, exc_info: ExcInfo) -> None:
        """Log an unhandled exception as an error of :attr:`logger`, with
        the request path and method."""
        # Defined in this module on purpose: the default log format shows
        # the module name, and it reads "ERROR in app", as users expect.
        request = request_or_none()
        where = "" if request is None else f" on {request.path} [{request.method}]"
        self.logger.error(f"Exception{where}", exc_info=exc_info)

    # -- responses ------------------------------------------------------------

    def redirect(self, location: str, code: int = 302) -> BaseResponse:
        """A redirect response to ``location`` of :attr:`response_class`."""
        return redirect_response(location, code=code, Response=self.response_class)

    def _json_response(self, value: t.Any) -> BaseResponse:
        return self.json.response(value)

    def _current_endpoint(self) -> str | None:
        request = request_or_none()
        return None if request is None else request.endpoint

    def _current_environ(self) -> t.Any:
        request = request_or_none()
        return None if request is None else request.environ

    # -- templating -------------------------------------------------------------

    def populate_jinja_environment(self, env: Environment) -> None:
        """Add ``url_for``, ``get_flashed_messages`` and ``config`` to the
        template globals and make ``tojson`` use the app's JSON provider."""
        super().populate_jinja_environment(env)
        env.globals.update(
            url_for=self.url_for,
            get_flashed_messages=get_flashed_messages,
            config=self.config,
        )
        env.policies["json.dumps_function"] = self.json.dumps

    # -- testing ------------------------------------------------------------------

    def test_client(self, use_cookies: bool = True, **kwargs: t.Any) -> FlaskClient:
        """A test client for the app (:attr:`test_client_class`, by default
        :class:`~flaskish.testing.FlaskClient`)."""
        from .testing import FlaskClient

        client_class = self.test_client_class or FlaskClient
        return client_class(
            self, self.response_class, use_cookies=use_cookies, **kwargs
        )

    def test_cli_runner(self, **kwargs: t.Any) -> FlaskCliRunner:
        """A CLI runner for the app's commands (:attr:`test_cli_runner_class`)."""
        from .cli_runner import FlaskCliRunner

        runner_class = self.test_cli_runner_class or FlaskCliRunner
        return runner_class(self, **kwargs)

    def test_request_context(self, *args: t.Any, **kwargs: t.Any) -> RequestContext:
        """A request context for a request built from the arguments of
        :class:`~flaskish.testing.EnvironBuilder` (path, method, data,
        headers, ...), to run request code without a real request."""
        from .testing import build_environ

        return self.request_context(build_environ(self, *args, **kwargs))


__all__ = ["Flask"]


# Class-based views of flaskish_routing find the request of a Flask app here,
# and call their methods through its (possibly overridden) ensure_sync.
set_request_lookup(request._get_current_object)
set_ensure_sync_lookup(lambda: get_app().ensure_sync)
# Session cookies are serialized with the current app's JSON provider.
set_json_codec(dumps=json.dumps, loads=json.loads)
