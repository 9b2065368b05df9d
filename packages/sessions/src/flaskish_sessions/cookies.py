"""The request's cookies, parsed without werkzeug's header scan.

werkzeug's ``Request.cookies`` joins ``request.headers.getlist("Cookie")``
and parses the result with :func:`werkzeug.sansio.http.parse_cookie`. For a
WSGI request the headers are an ``EnvironHeaders``, whose ``getlist``
rebuilds the name of every ``HTTP_*`` key of the environ (a generator,
string replacing and title-casing per key) to find the one cookie header.
:func:`request_cookies` reads that header from the environ directly and
gives werkzeug's parser the same text, storing the result where werkzeug's
cached property keeps it, so ``request.cookies`` is the very same object.
"""

from __future__ import annotations

from itertools import product
from typing import TYPE_CHECKING

from werkzeug.datastructures import EnvironHeaders
from werkzeug.sansio.http import parse_cookie
from werkzeug.sansio.request import Request as _SansIORequest

if TYPE_CHECKING:
    from werkzeug.datastructures import ImmutableMultiDict
    from werkzeug.sansio.request import Request

_WERKZEUG_COOKIES = _SansIORequest.__dict__["cookies"]


def _cookie_header_keys() -> frozenset[str]:
    # EnvironHeaders names the key "HTTP_<rest>" after
    # rest.replace("_", "-").title() and getlist compares names in lower
    # case, so these are all the keys it reports as a "Cookie" header
    # (U+212A KELVIN SIGN lower-cases to "k").
    spellings = [letter + letter.upper() for letter in "cookie"]
    spellings[3] += "\u212a"
    return frozenset("HTTP_" + "".join(letters) for letters in product(*spellings))


#: Environ keys other than ``HTTP_COOKIE`` that werkzeug would also read
#: as a cookie header. No server writes them; when one is present the
#: request's own property does the work.
_OTHER_COOKIE_KEYS = _cookie_header_keys() - {"HTTP_COOKIE"}


def reads_environ_cookies(request: Request) -> bool:
    """Whether ``request.cookies`` is werkzeug's property, which reads the
    cookie header of the WSGI environ (and nothing else)."""
    return getattr(type(request), "cookies", None) is _WERKZEUG_COOKIES


def request_cookies(request: Request) -> ImmutableMultiDict[str, str]:
    """``request.cookies``, computed from ``HTTP_COOKIE`` directly when
    werkzeug would compute it from the environ.

    That is when the request class keeps werkzeug's ``cookies`` property and
    its headers are a plain ``EnvironHeaders``; any other request (a
    subclass overriding either, a non-WSGI request, any object with a
    ``cookies`` mapping) is asked for ``request.cookies`` itself.
    """
    if reads_environ_cookies(request):
        headers = request.headers
        cache = getattr(request, "__dict__", None)
        if type(headers) is EnvironHeaders and cache is not None:
            cookies: ImmutableMultiDict[str, str] | None = cache.get("cookies")
            if cookies is not None:
                return cookies
            environ = headers.environ
            if _OTHER_COOKIE_KEYS.isdisjoint(environ):
                cookies = parse_cookie(  # type: ignore[assignment]
                    environ.get("HTTP_COOKIE"), cls=request.dict_storage_class
                )
                cache["cookies"] = cookies
                return cookies  # type: ignore[return-value]
    return request.cookies


def carries_cookie(request: Request, name: str) -> bool:
    """Whether ``request`` has the cookie ``name``, as ``name in
    request.cookies``, answered without parsing for a WSGI request with no
    ``HTTP_COOKIE``, the key servers write the header to (PEP 3333). This
    runs for most requests, so the other spellings werkzeug would also read
    (:data:`_OTHER_COOKIE_KEYS`, which no server writes) are not looked for
    then."""
    headers = request.headers
    if (
        type(headers) is EnvironHeaders
        and "HTTP_COOKIE" not in headers.environ
        and reads_environ_cookies(request)
    ):
        return False
    return name in request_cookies(request)
