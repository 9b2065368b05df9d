"""Responses of a text or bytes body, built without werkzeug's general constructor.

``Response(body, status, content_type=...)`` runs two ``__init__`` methods
that handle every kind of argument: a new ``Headers``, two header
assignments that validate and search the (empty) list, the status parsed
from its number, the body encoded and stored by ``set_data``. For a class
that keeps werkzeug's constructor and the methods it calls, the object it
makes from a ``str`` or ``bytes`` body and a status code is known in
advance; :func:`plain_response` makes that object directly (same
attributes, same headers in the same order), which takes about a quarter
of the time. Any other class or argument goes through the constructor.
"""

from __future__ import annotations

from typing import Any
from typing import TypeVar

from werkzeug.datastructures import Headers
from werkzeug.http import HTTP_STATUS_CODES
from werkzeug.sansio.response import Response as BaseResponse
from werkzeug.wrappers import Response

from .bounded import remember
from .content_type import known_content_type

_R = TypeVar("_R", bound=Response)

_SET_DATA = Response.set_data
_CLEAN_STATUS = BaseResponse._clean_status
_STATUS = BaseResponse.__dict__["status"]
_OBJECT_NEW = object.__new__
_OBJECT_SETATTR = object.__setattr__
#: Attributes the constructor stores on the instance; a class attribute of
#: one of these names (a property, a slot) must see the assignment.
_INSTANCE_ATTRIBUTES = (
    "headers",
    "_status",
    "_status_code",
    "direct_passthrough",
    "_on_close",
    "response",
)
#: Whether werkzeug's ``Headers()`` only sets an empty ``_list`` of its
#: items (true of every werkzeug this package supports; checked, not
#: assumed): then a response's headers are made without that constructor.
_HEADERS_HOLD_LIST = vars(Headers()) == {"_list": []}

#: Response classes by whether they define none of the instance attributes.
_plain_layouts: dict[type[Any], bool] = {}
#: Status lines by code: ``(reason werkzeug knew, "200 OK")``.
_status_lines: dict[int, tuple[str, str]] = {}


def _plain_layout(cls: type[Any]) -> bool:
    """Whether ``cls`` defines none of the instance attributes; remembered,
    and the caller looks there first."""
    plain = not any(
        name in vars(klass) for klass in cls.__mro__ for name in _INSTANCE_ATTRIBUTES
    )
    remember(_plain_layouts, cls, plain, 64)
    return plain


def _status_line(code: int) -> str | None:
    """werkzeug's status line for ``code``, or ``None`` for a code it has
    no reason phrase for (its parser then decides); remembered with the
    reason it was made from, which the caller compares first."""
    reason = HTTP_STATUS_CODES.get(code)
    if reason is None:
        return None
    line = f"{code} {reason.upper()}"
    remember(_status_lines, code, (reason, line), 128)
    return line


def plain_response(
    cls: type[_R], body: Any, status: Any = None, mimetype: str | None = None
) -> _R | None:
    """What ``cls(body, status, mimetype=mimetype)`` makes (no headers given),
    built directly; ``None`` when that needs the constructor.

    ``status`` ``None`` means ``cls.default_status`` and ``mimetype`` ``None``
    ``cls.default_mimetype``. The object is built directly when ``cls``
    keeps werkzeug's constructor, ``set_data``, status handling and
    attribute setting, the body is exactly ``str`` or ``bytes`` and the
    status exactly an ``int`` werkzeug has a reason phrase for. The caller
    makes the response its own way otherwise.
    """
    content_type = known_content_type(cls, mimetype)
    if content_type is None:  # not werkzeug's constructor, or no mimetype
        return None
    if status is None:
        status = cls.default_status
    body_type = type(body)
    if (
        type(status) is not int
        or (body_type is not str and body_type is not bytes)
        or not _HEADERS_HOLD_LIST
        or cls.set_data is not _SET_DATA
        or cls._clean_status is not _CLEAN_STATUS
        or cls.status is not _STATUS
        or cls.__new__ is not _OBJECT_NEW
        or cls.__setattr__ is not _OBJECT_SETATTR
        or "\n" in content_type
        or "\r" in content_type
        or not (
            _plain_layout(cls) if (plain := _plain_layouts.get(cls)) is None else plain
        )
    ):
        return None
    known = _status_lines.get(status)
    if known is not None and known[0] is HTTP_STATUS_CODES.get(status):
        line: str | None = known[1]
    else:
        line = _status_line(status)
        if line is None:
            return None
    data = body.encode() if body_type is str else body
    headers = _OBJECT_NEW(Headers)
    if cls.automatically_set_content_length:
        headers._list = [
            ("Content-Type", content_type),
            ("Content-Length", str(len(data))),
        ]
    else:
        headers._list = [("Content-Type", content_type)]
    response: _R = _OBJECT_NEW(cls)
    # The attributes werkzeug's two __init__ methods set, in their order.
    attributes = response.__dict__
    attributes["headers"] = headers
    attributes["_status"] = line
    attributes["_status_code"] = status
    attributes["direct_passthrough"] = False
    attributes["_on_close"] = []
    attributes["response"] = [data]
    return response


def response_of_mimetype(
    response_class: type[_R], body: str, mimetype: str | None
) -> _R:
    """``response_class(body, mimetype=mimetype)``, built directly or with
    the content type passed to the constructor when the class keeps
    werkzeug's."""
    plain = plain_response(response_class, body, None, mimetype)
    if plain is not None:
        return plain
    content_type = known_content_type(response_class, mimetype)
    if content_type is not None:
        return response_class(body, content_type=content_type)
    return response_class(body, mimetype=mimetype)


__all__ = ["plain_response", "response_of_mimetype"]
