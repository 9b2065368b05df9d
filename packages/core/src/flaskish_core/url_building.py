"""URL adapters and ``url_for``: binding the URL map to requests and config."""

from __future__ import annotations

import typing as t

from werkzeug.routing import BuildError
from werkzeug.wsgi import get_host

from flaskish_context import _cv_app
from flaskish_context import _cv_request
from flaskish_routing.binding import bind_environ
from flaskish_routing.url_building import build_url
from flaskish_routing.url_building import resolve_endpoint

if t.TYPE_CHECKING:
    from werkzeug.routing import Map
    from werkzeug.routing import MapAdapter

    from .wrappers import Request

_OptStr: t.TypeAlias = "str | None"


_NO_ADAPTER_MESSAGE = (
    "Unable to build URLs outside an active request without 'SERVER_NAME'"
    " configured. Also configure 'APPLICATION_ROOT' and"
    " 'PREFERRED_URL_SCHEME' as needed."
)


class UrlBuildingMixin:
    """``create_url_adapter``, ``url_for`` and ``handle_url_build_error``."""

    if t.TYPE_CHECKING:
        config: dict[str, t.Any]
        url_map: Map
        subdomain_matching: bool
        url_build_error_handlers: list[
            t.Callable[[Exception, str, dict[str, t.Any]], str]
        ]

        def inject_url_defaults(
            self, endpoint: str, values: dict[str, t.Any]
        ) -> None: ...

    def create_url_adapter(self, request: Request | None) -> MapAdapter | None:
        """Bind the URL map to ``request``, or, without one, to
        ``SERVER_NAME`` (``None`` when that is not set).

        ``TRUSTED_HOSTS`` is checked here (400 for other hosts). Without
        :attr:`subdomain_matching` every request matches the default
        subdomain; with host matching ``SERVER_NAME`` is not used to match.
        """
        config = self.config
        if request is None:
            server_name = config["SERVER_NAME"]
            if server_name is None:
                return None
            return self.url_map.bind(
                server_name,
                script_name=config["APPLICATION_ROOT"],
                url_scheme=config["PREFERRED_URL_SCHEME"],
            )

        trusted_hosts = config["TRUSTED_HOSTS"]
        if trusted_hosts is not None:
            request.trusted_hosts = trusted_hosts
            request.host = get_host(request.environ, trusted_hosts)
        url_map = self.url_map
        if url_map.host_matching:
            return bind_environ(url_map, request.environ)
        subdomain = None if self.subdomain_matching else url_map.default_subdomain or ""
        return bind_environ(url_map, request.environ, config["SERVER_NAME"], subdomain)

    def url_for(
        self,
        /,
        endpoint: str,
        *,
        _anchor: _OptStr = None,
        _method: _OptStr = None,
        _scheme: _OptStr = None,
        _external: bool | None = None,
        **values: t.Any,
    ) -> str:
        """Build the URL of ``endpoint`` with ``values`` for its rule.

        Inside a request the URL is relative (unless ``_external`` or a
        ``_scheme`` is given) and an endpoint starting with ``.`` is
        relative to the request's blueprint. Outside a request the URL is
        external and needs ``SERVER_NAME``. Unknown values become query
        arguments; ``_anchor`` adds a fragment, ``_method`` picks the rule
        for a method. Build failures go to :meth:`handle_url_build_error`.
        """
        return self._build_url_for(
            endpoint, values, _anchor, _method, _scheme, _external
        )

    def _build_url_for(
        self,
        endpoint: str,
        values: dict[str, t.Any],
        anchor: str | None,
        method: str | None,
        scheme: str | None,
        external: bool | None,
    ) -> str:
        # url_for's work, its values passed as one dict: the url_for helper
        # calls this directly when url_for is not overridden, as passing the
        # keyword arguments on to url_for again costs more than the rest.
        req_ctx = _cv_request.get(None)
        if req_ctx is not None:
            adapter = req_ctx.url_adapter
            if endpoint[:1] == ".":  # relative to the request's blueprint
                endpoint = resolve_endpoint(endpoint, req_ctx.request.blueprint)
            if external is None:
                external = scheme is not None
        else:
            app_ctx = _cv_app.get(None)
            if app_ctx is not None and app_ctx.app is self:
                adapter = app_ctx.url_adapter
            else:
                adapter = self.create_url_adapter(None)
            if adapter is None:
                raise RuntimeError(_NO_ADAPTER_MESSAGE)
            if external is None:
                external = True

        self.inject_url_defaults(endpoint, values)
        try:
            return build_url(
                adapter,  # type: ignore[arg-type]
                endpoint,
                values,
                method=method,
                scheme=scheme,
                external=external,
                anchor=anchor,
            )
        except BuildError as error:
            # The handlers see the special arguments among the values.
            special: dict[str, t.Any] = {
                "_anchor": anchor,
                "_method": method,
                "_scheme": scheme,
                "_external": external,
            }
            return self.handle_url_build_error(error, endpoint, values | special)

    def handle_url_build_error(
        self, error: BuildError, endpoint: str, values: dict[str, t.Any]
    ) -> str:
        """Give each of :attr:`url_build_error_handlers` a chance to return a
        URL for a failed build; re-raise ``error`` when none does."""
        for handler in self.url_build_error_handlers:
            try:
                url = handler(error, endpoint, values)
                if url is not None:
                    return url
            except BuildError as other:
                error = other
        raise error


__all__ = ["UrlBuildingMixin"]
