"""werkzeug's WSGI request, with less work done to build it.

werkzeug's ``Request(environ)`` passes eight values to the sans-IO
constructor by keyword, through helper functions, and makes the ``server``
tuple that most requests never read. :class:`EnvironRequest` sets the same
attributes from the environ in one step and makes ``server`` when first
read: it comes from the server's own variables, which the application does
not change. ``headers`` is made at once, as werkzeug makes it: the session
check that ends most requests reads it.
"""

from __future__ import annotations

from typing import Any
from typing import Generic
from typing import TYPE_CHECKING
from typing import TypeVar

from werkzeug.datastructures import EnvironHeaders
from werkzeug.wrappers import Request

if TYPE_CHECKING:
    from collections.abc import Callable

    from _typeshed.wsgi import WSGIEnvironment as Environ

_T = TypeVar("_T")
_new_object = object.__new__


def _constructor_sets_only(environ: Environ) -> bool:
    made = EnvironHeaders(environ)
    return list(vars(made).items()) == [("_list", []), ("environ", environ)]


#: Whether werkzeug's ``EnvironHeaders(environ)`` only sets an empty
#: ``_list`` and ``environ`` (checked, not assumed): then the request sets
#: them itself, without the two ``__init__`` calls of werkzeug's classes.
_PLAIN_ENVIRON_HEADERS = _constructor_sets_only({})


def wsgi_text(value: str) -> str:
    """A URL part from the environ as text: WSGI carries it as latin-1
    decoded bytes, re-decoded here as UTF-8 (as werkzeug does)."""
    if value.isascii():
        return value
    return value.encode("latin1").decode(errors="replace")


def _server(environ: Environ) -> tuple[str, int | None] | None:
    """``(SERVER_NAME, SERVER_PORT)``; the port is ``None`` when it is not a
    number (a Unix socket), the whole ``None`` without a server name."""
    name: str | None = environ.get("SERVER_NAME")
    if name is None:
        return None
    try:
        port: int | None = int(environ.get("SERVER_PORT"))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        port = None
    return name, port


class _FirstRead(Generic[_T]):
    """An attribute made from the request's environ when first read, then
    stored on the request like the plain attribute it stands for (so it
    can be assigned, and later reads cost nothing)."""

    def __init__(self, make: Callable[[Environ], _T]) -> None:
        self.make = make
        self.name = ""

    def __set_name__(self, owner: type[Any], name: str) -> None:
        self.name = name

    def __get__(self, obj: Any, owner: type[Any] | None = None) -> _T:
        if obj is None:
            return self  # type: ignore[return-value]
        value = obj.__dict__[self.name] = self.make(obj.environ)
        return value


class EnvironRequest(Request):
    """werkzeug's :class:`~werkzeug.wrappers.Request`, same attributes and
    behaviour, cheaper to build (see the module docstring)."""

    server = _FirstRead(_server)

    def __init__(
        self, environ: Environ, populate_request: bool = True, shallow: bool = False
    ) -> None:
        # werkzeug's two constructors, with the same values, in one frame.
        get = environ.get
        self.method = get("REQUEST_METHOD", "GET").upper()
        self.scheme = get("wsgi.url_scheme", "http")
        # isascii() first: most paths need no re-decoding, and a call less.
        root = get("SCRIPT_NAME") or ""
        self.root_path = (root if root.isascii() else wsgi_text(root)).rstrip("/")
        path = get("PATH_INFO") or ""
        self.path = "/" + (path if path.isascii() else wsgi_text(path)).lstrip("/")
        self.query_string = get("QUERY_STRING", "").encode("latin1")
        self.remote_addr = get("REMOTE_ADDR")
        self.environ = environ
        if _PLAIN_ENVIRON_HEADERS:
            headers = _new_object(EnvironHeaders)
            headers._list = []
            headers.environ = environ
            self.headers = headers
        else:
            self.headers = EnvironHeaders(environ)
        self.shallow = shallow
        if populate_request and not shallow:
            environ["werkzeug.request"] = self


__all__ = ["EnvironRequest"]
