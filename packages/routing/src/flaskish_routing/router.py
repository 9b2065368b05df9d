"""A standalone WSGI application built on the app scaffold."""

from __future__ import annotations

import logging
from collections.abc import Callable
from collections.abc import Iterable
from functools import cached_property
from typing import Any
from typing import TYPE_CHECKING

from werkzeug.exceptions import HTTPException
from werkzeug.exceptions import InternalServerError
from werkzeug.routing import RoutingException
from werkzeug.utils import send_from_directory
from werkzeug.wrappers import Response

from .app_scaffold import AppScaffold
from .binding import bind_environ
from .request_source import _router_request
from .router_request import RouterRequest
from .streaming import StreamingBody
from .url_building import UrlBuilding

if TYPE_CHECKING:
    from _typeshed.wsgi import StartResponse
    from _typeshed.wsgi import WSGIEnvironment

_Path = str | None


class Router(UrlBuilding, AppScaffold):
    """A WSGI application made of routes, hooks and error handlers.

    It has the registration API of an application (``route``,
    ``add_url_rule``, ``before_request``, ``errorhandler``, blueprints...)
    and runs requests through the same steps, without configuration,
    sessions, templates or signals. With a ``static_folder`` it serves its
    files under ``static_url_path`` (endpoint ``static``). Set
    :attr:`server_name` to match subdomains.
    """

    request_class: type[RouterRequest] = RouterRequest
    #: Host (and port) the app is served at; enables subdomain matching and
    #: is needed by :meth:`url_for` outside of a request (Flask's
    #: ``SERVER_NAME``).
    server_name: str | None = None
    #: The path the router is mounted under, for :meth:`url_for` outside of
    #: a request (Flask's ``APPLICATION_ROOT``); in a request the request's
    #: ``SCRIPT_NAME`` is used.
    application_root: str = "/"
    #: The scheme of URLs built outside of a request (Flask's
    #: ``PREFERRED_URL_SCHEME``).
    preferred_url_scheme: str = "http"

    def __init__(
        self,
        import_name: str,
        *,
        static_folder: _Path = None,
        static_url_path: _Path = None,
        root_path: _Path = None,
        host_matching: bool = False,
    ) -> None:
        # Unlike an application's, a router's static folder is off by default.
        super().__init__(
            import_name, static_url_path, static_folder, None, root_path, host_matching
        )
        if not self.has_static_folder:
            return
        static_rule = f"{self.static_url_path}/<path:filename>"
        self.add_url_rule(static_rule, "static", self.send_static_file)

    def send_static_file(self, filename: str) -> Response:
        """Serve ``filename`` from :attr:`static_folder` (the ``static`` view).

        werkzeug's ``send_from_directory`` refuses paths that leave the folder.
        """
        if self.static_folder is None:
            raise RuntimeError("'static_folder' must be set to serve static_files.")
        return send_from_directory(
            self.static_folder, filename, _router_request.get().environ
        )

    @cached_property
    def logger(self) -> logging.Logger:
        """Where unhandled exceptions are logged: the logger named :attr:`name`."""
        return logging.getLogger(self.name)

    def __call__(
        self, environ: WSGIEnvironment, start_response: StartResponse
    ) -> Iterable[bytes]:
        return self.wsgi_app(environ, start_response)

    # -- seams of the scaffold ----------------------------------------------

    def _current_endpoint(self) -> str | None:
        request = _router_request.get(None)
        return None if request is None else request.endpoint

    def _current_environ(self) -> dict[str, Any]:
        request = _router_request.get(None)
        if request is None:
            raise RuntimeError(
                "A WSGI application returned by a view can only be turned into"
                " a response while the router is handling a request."
            )
        environ: dict[str, Any] = request.environ
        return environ

    # -- one request --------------------------------------------------------

    def wsgi_app(
        self, environ: WSGIEnvironment, start_response: StartResponse
    ) -> Iterable[bytes]:
        """Handle one request.

        Teardown functions run before a computed body is sent. A streamed
        body (a generator view) is sent with the request still current, so
        the generator can read it, and teardown runs when the server closes
        the body (or when an unclosed body is collected).
        """
        self._got_first_request = True
        request = self.request_class(environ)
        token = _router_request.set(request)
        error: Exception | None = None
        streaming = False
        try:
            self.match_request(request)
            try:
                response = self.full_dispatch_request(request)
            except Exception as e:
                error = e
                response = self.handle_exception(request, e)
            body = response(environ, start_response)
            # Files (direct passthrough) go to the server untouched.
            if response.is_streamed and not response.direct_passthrough:
                streaming = True
                return StreamingBody(body, request, self._finisher(request, error))
            return body
        finally:
            try:
                if not streaming:
                    self._finish_request(request, error)
            finally:
                _router_request.reset(token)

    def _finisher(
        self, request: RouterRequest, error: BaseException | None
    ) -> Callable[[BaseException | None], None]:
        def finish(body_error: BaseException | None) -> None:
            self._finish_request(request, error or body_error)

        return finish

    def _finish_request(
        self, request: RouterRequest, error: BaseException | None
    ) -> None:
        try:
            self._run_teardown_request(error, request.blueprints)
        finally:
            request.close()

    def match_request(self, request: RouterRequest) -> None:
        """Bind the URL map to the request and match it; a routing error is
        stored on the request and raised when the view would be called.
        """
        subdomain = None
        if self.server_name is None and not self.url_map.host_matching:
            subdomain = self.url_map.default_subdomain or ""
        adapter = bind_environ(
            self.url_map, request.environ, self.server_name, subdomain
        )
        request.url_adapter = adapter
        try:
            rule, view_args = adapter.match(return_rule=True)
            request.url_rule, request.view_args = rule, dict(view_args)
        except HTTPException as e:
            request.routing_exception = e

    def full_dispatch_request(self, request: RouterRequest) -> Response:
        """Hooks, view and error handlers for a request, as a response."""
        blueprints = request.blueprints
        try:
            self._preprocess_url_values(request.endpoint, request.view_args, blueprints)
            rv = self._run_before_request(blueprints)
            if rv is None:
                rv = self.dispatch_request(request)
        except Exception as e:
            rv = self.handle_user_exception(request, e)
        response = self.make_response(rv)
        return self._run_after_request(response, blueprints)  # type: ignore[no-any-return]

    def dispatch_request(self, request: RouterRequest) -> Any:
        """Call the view of the matched rule (or answer ``OPTIONS``)."""
        if request.routing_exception is not None:
            raise request.routing_exception
        rule = request.url_rule
        assert rule is not None
        assert request.view_args is not None
        if request.method == "OPTIONS" and getattr(
            rule, "provide_automatic_options", False
        ):
            return self.make_default_options_response(request)
        view = self.view_functions[rule.endpoint]
        return self.ensure_sync(view)(**request.view_args)

    def make_default_options_response(self, request: RouterRequest) -> Response:
        """The automatic answer to ``OPTIONS``: empty, with ``Allow``."""
        response = self.response_class()
        assert request.url_adapter is not None
        response.allow.update(request.url_adapter.allowed_methods())
        return response

    def handle_user_exception(self, request: RouterRequest, e: Exception) -> Any:
        """The registered handler's answer to ``e``; HTTP errors without a
        handler are their own answer, other errors are raised again.
        """
        if isinstance(e, HTTPException) and (
            e.code is None or isinstance(e, RoutingException)
        ):
            return e
        handler = self._find_error_handler(e, request.blueprints)
        if handler is None:
            if isinstance(e, HTTPException):
                return e
            raise e
        return self.ensure_sync(handler)(e)

    def handle_exception(self, request: RouterRequest, e: Exception) -> Response:
        """Answer an unhandled exception with a 500 (or its handler's answer).

        ``after_request`` functions still run; their own errors are logged.
        """
        self.log_exception(request, e)
        server_error = InternalServerError(original_exception=e)
        blueprints = request.blueprints
        handler = self._find_error_handler(server_error, blueprints)
        rv = (
            server_error if handler is None else self.ensure_sync(handler)(server_error)
        )
        response = self.make_response(rv)
        try:
            response = self._run_after_request(response, blueprints)
        except Exception:
            self.logger.exception(
                "Request finalizing failed with an error while handling an error"
            )
        return response

    def log_exception(self, request: RouterRequest, e: BaseException) -> None:
        """Log an unhandled exception with the request's path and method."""
        self.logger.error(
            f"Exception on {request.path} [{request.method}]",
            exc_info=(type(e), e, e.__traceback__),
        )
