"""The WSGI environ of an ASGI ``http`` scope.

flaskish's request (werkzeug's) is built from an environ under both
protocols, so everything that reads the request, ``request.environ``
included, works the same. The scope's ``root_path`` becomes
``SCRIPT_NAME`` (``url_for`` builds URLs under it), ``path`` is taken
relative to it as ``PATH_INFO``; the query string, headers, client and
server addresses and the scheme map to their CGI names as PEP 3333 and the
ASGI specification's WSGI compatibility section describe.
"""

from __future__ import annotations

import sys
import typing as t

from werkzeug.wsgi import FileWrapper

from flaskish_routing.bounded import remember

if t.TYPE_CHECKING:
    from .asgi_body import RequestBody

#: A scope key whose dict is merged into the environ last; the ASGI test
#: client mode passes the keys of its WSGI environ that no scope field
#: carries (``werkzeug.debug.preserve_context`` and custom keys).
ENVIRON_EXTRA_KEY = "flaskish.environ"

#: Block size of files sent with ``send_file`` under ASGI.
FILE_BLOCK = 64 * 1024

#: The headers WSGI names without the ``HTTP_`` prefix.
_UNPREFIXED = {b"content-type": "CONTENT_TYPE", b"content-length": "CONTENT_LENGTH"}
#: The environ key of each header name seen (``b"user-agent"`` ->
#: ``"HTTP_USER_AGENT"``), filled as names arrive; bounded, since names
#: come from clients.
_HEADER_KEYS: dict[bytes, str] = {}
_MAX_HEADER_KEYS = 512


def _header_key(raw_name: bytes) -> str:
    name = raw_name.lower()
    key = _UNPREFIXED.get(name)
    if key is None:
        key = "HTTP_" + name.decode("latin-1").upper().replace("-", "_")
    return remember(_HEADER_KEYS, raw_name, key, _MAX_HEADER_KEYS)


def _latin1(text: str) -> str:
    # WSGI strings are bytes decoded as latin-1; ASGI paths are decoded
    # UTF-8 text, so they are encoded back first (ASCII is the same in both).
    return text if text.isascii() else text.encode().decode("latin-1")


def _file_wrapper(file: t.IO[bytes], buffer_size: int = 8192) -> FileWrapper:
    # Each block of a file is read in a worker thread: larger blocks than
    # werkzeug's default mean fewer hand-overs between thread and loop.
    return FileWrapper(file, max(buffer_size, FILE_BLOCK))


def environ_from_scope(scope: dict[str, t.Any], body: RequestBody) -> dict[str, t.Any]:
    """The environ werkzeug's request reads, for an ``http`` scope."""
    root_path: str = scope.get("root_path", "")
    path: str = scope["path"]
    if root_path and path.startswith(root_path):
        path = path[len(root_path) :]
    server = scope.get("server") or ("localhost", 80)
    version = scope.get("http_version", "1.1")
    environ: dict[str, t.Any] = {
        "REQUEST_METHOD": scope["method"],
        "SCRIPT_NAME": _latin1(root_path) if root_path else "",
        "PATH_INFO": _latin1(path),
        "QUERY_STRING": scope.get("query_string", b"").decode("latin-1"),
        "SERVER_NAME": str(server[0]),
        "SERVER_PORT": str(server[1]) if server[1] is not None else "80",
        "SERVER_PROTOCOL": "HTTP/1.1" if version == "1.1" else f"HTTP/{version}",
        "wsgi.version": (1, 0),
        "wsgi.url_scheme": scope.get("scheme", "http"),
        "wsgi.input": body,
        "wsgi.input_terminated": True,
        "wsgi.errors": sys.stderr,
        "wsgi.multithread": True,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
        "wsgi.file_wrapper": _file_wrapper,
        "asgi.scope": scope,
    }
    client = scope.get("client")
    if client:
        environ["REMOTE_ADDR"] = client[0]
        environ["REMOTE_PORT"] = str(client[1])
    keys = _HEADER_KEYS
    for raw_name, raw_value in scope.get("headers", ()):
        value = raw_value.decode("latin-1")
        key = keys.get(raw_name) or _header_key(raw_name)
        if key in environ:
            # Repeated headers are joined, as a WSGI server joins them
            # (cookies with "; ", their own separator).
            separator = "; " if key == "HTTP_COOKIE" else ","
            value = f"{environ[key]}{separator}{value}"
        environ[key] = value
    extra = scope.get(ENVIRON_EXTRA_KEY)
    if extra:
        environ.update(extra)
    return environ


__all__ = ["ENVIRON_EXTRA_KEY", "environ_from_scope"]
