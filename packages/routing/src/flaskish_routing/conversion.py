"""Turning what a view returned into a response object."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from collections.abc import Iterator
from typing import Any

from werkzeug.datastructures import Headers
from werkzeug.exceptions import HTTPException
from werkzeug.sansio.response import Response as BaseResponse
from werkzeug.wrappers import Response

from .content_type import known_content_type
from .error_pages import exception_response
from .plain_response import plain_response
from .plain_response import response_of_mimetype

_RETURN_TYPES = (
    "The view function did not return a valid response. The return type"
    " must be a string, dict, list, tuple with headers or status, Response"
    " instance, or WSGI callable, but it was a {}."
)


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
        (streamed; async ones too), ``dict`` and ``list`` (JSON), response objects, WSGI
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
        elif isinstance(rv, (str, bytes, bytearray, Iterator, AsyncIterator)):
            # The response class applies status and headers itself.
            cls = self.response_class
            body: Any = rv
            if not headers:
                plain = plain_response(cls, body, status)
                if plain is not None:
                    return plain
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
