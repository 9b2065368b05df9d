"""werkzeug's HTML error pages, rendered once per status, name and description."""

from __future__ import annotations

from typing import Any

from werkzeug.exceptions import HTTPException
from werkzeug.wrappers import Response

from .bounded import remember

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
            body = remember(_error_bodies, key, e.get_body(environ, None), 256)
        # Called the way get_response calls it.
        return Response(body, e.code, e.get_headers(environ, None))
    return e.get_response(environ)


__all__ = ["exception_response"]
