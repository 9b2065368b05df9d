"""werkzeug's HTML error pages, rendered once per status, name and description."""

from __future__ import annotations

from typing import Any

from werkzeug.exceptions import HTTPException
from werkzeug.http import HTTP_STATUS_CODES
from werkzeug.wrappers import Response

from .bounded import remember
from .plain_response import plain_response

_GET_RESPONSE = HTTPException.get_response
_GET_BODY = HTTPException.get_body
_GET_DESCRIPTION = HTTPException.get_description
_GET_HEADERS = HTTPException.get_headers
_NAME = HTTPException.__dict__["name"]
#: werkzeug's HTML error pages, encoded, by (code, name, description).
_error_bodies: dict[tuple[int | None, str, str | None], bytes] = {}


def exception_response(e: HTTPException, environ: dict[str, Any]) -> Response:
    """``e.get_response(environ)``, with werkzeug's HTML page kept per
    status code, name and description.

    werkzeug renders the page (escaping the name and description) for
    every error, about 8 us of a 404. When the exception's class keeps
    werkzeug's ``get_response``, ``get_body``, ``get_description`` and
    ``name``, the page depends on nothing else, so it is rendered once.
    The response is made per call: by :func:`plain_response` when the
    class also keeps werkzeug's ``get_headers`` (its one ``Content-Type``
    header is the one a ``text/html`` response gets), else with the
    headers ``get_headers`` gives, as ``get_response`` makes it.
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
        code = e.code
        # What werkzeug's name property answers, without the import it runs.
        key = (code, HTTP_STATUS_CODES.get(code, "Unknown Error"), description)  # type: ignore[arg-type]
        body = _error_bodies.get(key)
        if body is None:
            page = e.get_body(environ, None).encode()
            body = remember(_error_bodies, key, page, 256)
        if cls.get_headers is _GET_HEADERS:
            plain = plain_response(Response, body, code, "text/html")
            if plain is not None:
                return plain
        # Called the way get_response calls it.
        return Response(body, code, e.get_headers(environ, None))
    return e.get_response(environ)


__all__ = ["exception_response"]
