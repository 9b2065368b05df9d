"""Turning what a view returned into a response object."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any
from typing import TypeVar

from werkzeug.datastructures import Headers
from werkzeug.exceptions import HTTPException
from werkzeug.sansio.response import Response as BaseResponse
from werkzeug.utils import get_content_type
from werkzeug.wrappers import Response

_RETURN_TYPES = (
    "The view function did not return a valid response. The return type"
    " must be a string, dict, list, tuple with headers or status, Response"
    " instance, or WSGI callable, but it was a {}."
)

_R = TypeVar("_R", bound=Response)
_WERKZEUG_INIT = Response.__init__
_SANS_IO_INIT = BaseResponse.__init__
#: Content-Type header values by mimetype, as werkzeug derives them.
_content_types: dict[str, str] = {}


def known_content_type(
    response_class: type[Response], mimetype: str | None = None
) -> str | None:
    """The ``Content-Type`` werkzeug's constructor gives a response of
    ``response_class`` made without headers, with ``mimetype`` or else the
    class's ``default_mimetype``; ``None`` when making one runs an
    ``__init__`` other than werkzeug's two (it must get the arguments as
    written) or there is no mimetype.

    Passed as ``content_type=``, it saves the constructor a lookup in a new,
    empty ``Headers`` (which raises and catches a ``KeyError``) and the
    derivation from the mimetype: about 2 us of every plain response.
    """
    if (
        response_class.__init__ is not _WERKZEUG_INIT
        # The __init__ werkzeug's calls through super(): the sans-IO one, or
        # one a subclass put between them.
        or super(Response, response_class).__init__ is not _SANS_IO_INIT
    ):
        return None
    if mimetype is None:
        mimetype = response_class.default_mimetype
    if type(mimetype) is not str:
        return None
    content_type = _content_types.get(mimetype)
    if content_type is None:
        content_type = get_content_type(mimetype, "utf-8")
        if len(_content_types) < 64:
            _content_types[mimetype] = content_type
    return content_type


def response_of_mimetype(
    response_class: type[_R], body: str, mimetype: str | None
) -> _R:
    """``response_class(body, mimetype=mimetype)``, with the content type
    passed directly when the class keeps werkzeug's constructor."""
    content_type = known_content_type(response_class, mimetype)
    if content_type is not None:
        return response_class(body, content_type=content_type)
    return response_class(body, mimetype=mimetype)


_GET_RESPONSE = HTTPException.get_response
_GET_BODY = HTTPException.get_body
_GET_DESCRIPTION = HTTPException.get_description
_NAME = HTTPException.__dict__["name"]
#: werkzeug's HTML error pages by (code, name, description).
_error_bodies: dict[tuple[int | None, str, str | None], str] = {}


def exception_response(e: HTTPException, environ: dict[str, Any]) -> Response:
    """``e.get_response(environ)``, with werkzeug's HTML page kept per
    status code, name and description.

    werkzeug renders the page (escaping the name and description) for
    every error, about 8 us of a 404. When the exception's class keeps
    werkzeug's ``get_response``, ``get_body``, ``get_description`` and
    ``name``, the page depends on nothing else, so it is rendered once;
    the headers (``get_headers``) and the response are made per call, as
    ``get_response`` makes them.
    """
    cls = type(e)
    description = e.description
    if (
        e.response is None
        and (description is None or type(description) is str)
        and cls.get_response is _GET_RESPONSE
        and cls.get_body is _GET_BODY
        and cls.get_description is _GET_DESCRIPTION
        and cls.name is _NAME
    ):
        key = (e.code, e.name, description)
        body = _error_bodies.get(key)
        if body is None:
            body = e.get_body(environ, None)
            if len(_error_bodies) < 256:
                _error_bodies[key] = body
        # Called the way get_response calls it.
        return Response(body, e.code, e.get_headers(environ, None))
    return e.get_response(environ)


def _split_tuple(rv: tuple[Any, ...]) -> tuple[Any, Any, Any]:
    """``(body, status, headers)`` from the tuple forms a view may return."""
    if len(rv) == 3:
        return rv[0], rv[1], rv[2]
    if len(rv) == 2:
        body, extra = rv
        if isinstance(extra, (Headers, dict, tuple, list)):
            return body, None, extra
        return body, extra, None
    raise TypeError(
        "The view function did not return a valid response tuple. The tuple"
        " must have the form (body, status, headers), (body, status), or"
        " (body, headers)."
    )


class ResponseConversion:
    """``make_response`` and the hooks it needs from the request pipeline."""

    response_class: type[Response] = Response

    def _current_endpoint(self) -> str | None:
        """The endpoint of the request being handled (for error messages).

        (flaskish seam: the router and the application implement it.)
        """
        raise NotImplementedError

    def _current_environ(self) -> dict[str, Any]:
        """The WSGI environ of the request being handled.

        (flaskish seam: the router and the application implement it.)
        """
        raise NotImplementedError

    def _json_response(self, rv: Any) -> Response:
        """A JSON response for a dict or list returned by a view."""
        body = json.dumps(rv, separators=(",", ":")) + "\n"
        return response_of_mimetype(self.response_class, body, "application/json")

    def make_response(self, rv: Any) -> Response:
        """Convert a view's return value to an instance of ``response_class``.

        Accepted: ``str``, ``bytes``, ``bytearray``, iterators and generators
        (streamed), ``dict`` and ``list`` (JSON), response objects, WSGI
        callables, and tuples ``(body, status, headers)``, ``(body, status)``
        or ``(body, headers)`` of those.
        """
        status = headers = None
        if isinstance(rv, tuple):
            rv, status, headers = _split_tuple(rv)
        if rv is None:
            raise TypeError(
                f"The view function for {self._current_endpoint()!r} did not"
                " return a valid response. The function either returned None"
                " or ended without a return statement."
            )

        response: Response
        if isinstance(rv, self.response_class):
            response = rv
        elif isinstance(rv, (str, bytes, bytearray, Iterator)):
            # The response class applies status and headers itself.
            cls = self.response_class
            body: Any = rv
            content_type = None if headers else known_content_type(cls)
            if content_type is not None:
                return cls(body, status, headers, content_type=content_type)
            return cls(body, status=status, headers=headers)
        elif isinstance(rv, (dict, list)):
            response = self._json_response(rv)
        elif isinstance(rv, HTTPException):
            # Its response directly: force_type would run it as a WSGI app.
            environ = self._current_environ()
            response = self.response_class.force_type(
                exception_response(rv, environ), environ
            )
        elif isinstance(rv, BaseResponse) or callable(rv):
            try:
                response = self.response_class.force_type(rv, self._current_environ())
            except TypeError as e:
                raise TypeError(
                    f"{e}\n{_RETURN_TYPES.format(type(rv).__name__)}"
                ).with_traceback(e.__traceback__) from None
        else:
            raise TypeError(_RETURN_TYPES.format(type(rv).__name__))

        if status is not None:
            # A text status ("201 CREATED") sets the whole line, a number the code.
            textual = isinstance(status, (str, bytes, bytearray))
            setattr(response, "status" if textual else "status_code", status)
        if headers:
            response.headers.update(headers)
        return response
