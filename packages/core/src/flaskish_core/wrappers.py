"""The request and response classes an application uses by default."""

from __future__ import annotations

import typing as t

from werkzeug.datastructures import Headers
from werkzeug.exceptions import BadRequest
from werkzeug.exceptions import HTTPException
from werkzeug.wrappers import Request as RequestBase
from werkzeug.wrappers import Response as ResponseBase

from flaskish_context import app_or_none
from flaskish_routing import RoutedRequestMixin
from flaskish_routing.environ_request import EnvironRequest

from . import json

if t.TYPE_CHECKING:
    from _typeshed.wsgi import WSGIEnvironment

_WERKZEUG_CLOSE = ResponseBase.close
_WERKZEUG_ITER_ENCODED = ResponseBase.iter_encoded
_WERKZEUG_WSGI_HEADERS = ResponseBase.get_wsgi_headers
#: Headers werkzeug rewrites for the server (lower case).
_REWRITTEN_HEADERS = frozenset({"location", "content-location"})
#: Header names (as commonly spelt) that are none of the rewritten ones
#: nor Content-Length, so they need no lower-casing.
_KEPT_HEADERS = frozenset(
    {"Content-Type", "Set-Cookie", "Vary", "Cache-Control", "ETag", "Last-Modified"}
)
#: Statuses whose responses werkzeug sends without a body.
_BODILESS = frozenset(range(100, 200)) | {204, 304}


def _app_config() -> t.Mapping[str, t.Any] | None:
    """The current app's config, or ``None`` outside an app context."""
    app = app_or_none()
    return None if app is None else app.config


def _app_debug() -> bool:
    app = app_or_none()
    return app is not None and bool(app.debug)


class _BodyLimit:
    """A request body limit: the value set on the request, else the
    current app's config key, else werkzeug's default outside an app."""

    def __init__(self, key: str, fallback: int | None, doc: str) -> None:
        self.key = key
        self.fallback = fallback
        self.__doc__ = doc
        self.slot = ""

    def __set_name__(self, owner: type[t.Any], name: str) -> None:
        self.slot = f"_{name}"

    @t.overload
    def __get__(self, obj: None, owner: type[t.Any] | None = None) -> t.Self: ...

    @t.overload
    def __get__(self, obj: object, owner: type[t.Any] | None = None) -> int | None: ...

    def __get__(
        self, obj: object | None, owner: type[t.Any] | None = None
    ) -> int | t.Self | None:
        if obj is None:
            return self
        own: int | None = obj.__dict__.get(self.slot)
        if own is not None:
            return own
        config = _app_config()
        return self.fallback if config is None else config[self.key]

    def __set__(self, obj: object, value: int | None) -> None:
        obj.__dict__[self.slot] = value


class Request(RoutedRequestMixin, EnvironRequest):
    """werkzeug's request with what routing found and limits taken from
    the current app's config.

    The body limits (``max_content_length``, ``max_form_memory_size``,
    ``max_form_parts``) come from ``MAX_CONTENT_LENGTH``,
    ``MAX_FORM_MEMORY_SIZE`` and ``MAX_FORM_PARTS`` inside an app context,
    from werkzeug's defaults outside one, unless set on the request.
    """

    json_module: t.Any = json

    max_content_length = _BodyLimit(
        "MAX_CONTENT_LENGTH",
        RequestBase.max_content_length,
        "Largest accepted body in bytes; larger gives 413.",
    )
    max_form_memory_size = _BodyLimit(
        "MAX_FORM_MEMORY_SIZE",
        RequestBase.max_form_memory_size,
        "Largest non-file form field in bytes; larger gives 413.",
    )
    max_form_parts = _BodyLimit(  # type: ignore[assignment]
        "MAX_FORM_PARTS",
        RequestBase.max_form_parts,
        "Most multipart parts accepted; more gives 413.",
    )

    def _load_form_data(self) -> None:
        super()._load_form_data()
        # Debug first: outside debug mode the (uncached) mimetype is not parsed.
        if _app_debug() and self.mimetype != "multipart/form-data" and not self.files:
            from .debughelpers import attach_enctype_error_multidict

            attach_enctype_error_multidict(self)

    def on_json_loading_failed(self, e: ValueError | None) -> t.Any:
        """Raise :class:`~werkzeug.exceptions.BadRequest`; the decoding
        error is in its description only in debug mode."""
        try:
            return super().on_json_loading_failed(e)
        except BadRequest as detailed:
            if not _app_debug():
                raise BadRequest() from detailed
            raise


class Response(ResponseBase):
    """werkzeug's response with an HTML default mimetype and the cookie
    size limit taken from the current app's ``MAX_COOKIE_SIZE``."""

    json_module = json
    autocorrect_location_header = False
    default_mimetype: str | None = "text/html"

    @property
    def max_cookie_size(self) -> int:  # type: ignore[override]
        """``MAX_COOKIE_SIZE`` in an app context, werkzeug's otherwise."""
        config = _app_config()
        if config is None:
            return ResponseBase.max_cookie_size
        return config["MAX_COOKIE_SIZE"]  # type: ignore[no-any-return]

    def get_wsgi_response(
        self, environ: WSGIEnvironment
    ) -> tuple[t.Iterable[bytes], str, list[tuple[str, str]]]:
        """werkzeug's ``(app_iter, status, headers)`` for the server.

        werkzeug's :meth:`get_wsgi_headers` copies the headers to adjust
        ``Location``, ``Content-Location`` and ``Content-Length``. When there
        is nothing to adjust (neither location header, a ``Content-Length``
        already set, a status that keeps it) the copy would be returned
        unchanged, so the list is made from the response's headers directly.
        A ``get_wsgi_headers`` of a subclass or of the instance is always
        called.
        """
        if (
            type(self).get_wsgi_headers is _WERKZEUG_WSGI_HEADERS
            and "get_wsgi_headers" not in self.__dict__
            and self.status_code not in _BODILESS
        ):
            headers = self.headers
            # A plain Headers iterates over (and lists) its own list.
            items = headers._list if type(headers) is Headers else headers
            has_length = False
            for name, _value in items:
                if name in _KEPT_HEADERS:
                    continue
                lowered = name.lower()
                if lowered in _REWRITTEN_HEADERS:
                    break
                if lowered == "content-length":
                    has_length = True
            else:
                if has_length:
                    # Headers before the body, as werkzeug takes them.
                    if items is headers:
                        wsgi_headers = headers.to_wsgi_list()
                    else:
                        wsgi_headers = list(items)
                    return self.get_app_iter(environ), self.status, wsgi_headers
        return super().get_wsgi_response(environ)

    def get_app_iter(self, environ: WSGIEnvironment) -> t.Iterable[bytes]:
        """werkzeug's application iterable, except that a body held as a
        list of bytes with nothing to close is given to the server as it is.

        werkzeug wraps every body in a generator that encodes strings and
        a ``ClosingIterator`` that calls :meth:`close`; for such a body
        neither changes what the server sends, and together they cost about
        a tenth of a plain request. Any other body, a ``HEAD`` request, a
        bodiless status, a :meth:`call_on_close` function, a response that
        does not set its ``Content-Length`` automatically, or a ``close`` or
        ``iter_encoded`` of a subclass or the instance takes werkzeug's path.
        """
        body = self.response
        if (
            type(body) is list
            and not self._on_close
            and environ["REQUEST_METHOD"] != "HEAD"
            and self.status_code not in _BODILESS
            # Else servers may count a list's length themselves and send a
            # Content-Length werkzeug's iterator would not let them.
            and self.automatically_set_content_length
            and type(self).close is _WERKZEUG_CLOSE
            and type(self).iter_encoded is _WERKZEUG_ITER_ENCODED
            and "close" not in self.__dict__
            and "iter_encoded" not in self.__dict__
            and (
                type(body[0]) is bytes
                if len(body) == 1
                else all(type(chunk) is bytes for chunk in body)
            )
        ):
            return body
        return super().get_app_iter(environ)


__all__ = [
    "BadRequest",
    "HTTPException",
    "Request",
    "RequestBase",
    "Response",
    "ResponseBase",
]
