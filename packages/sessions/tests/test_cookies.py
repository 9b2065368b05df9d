"""request_cookies gives exactly werkzeug's request.cookies, and is it."""

from __future__ import annotations

import sys
from types import SimpleNamespace
from typing import Any

import pytest
from werkzeug.datastructures import EnvironHeaders
from werkzeug.datastructures import ImmutableMultiDict
from werkzeug.datastructures import MultiDict
from werkzeug.test import EnvironBuilder
from werkzeug.utils import cached_property
from werkzeug.wrappers import Request

from flaskish_sessions import SecureCookieSessionInterface
from flaskish_sessions.cookies import _OTHER_COOKIE_KEYS
from flaskish_sessions.cookies import carries_cookie
from flaskish_sessions.cookies import reads_environ_cookies
from flaskish_sessions.cookies import request_cookies

from .support import make_app


def environ(**extra: Any) -> dict[str, Any]:
    env = EnvironBuilder().get_environ()
    env.update(extra)
    return env


COOKIE_HEADERS = [
    None,
    "",
    "session=abc",
    "a=1; b=2; a=3",
    'q="quoted \\"x\\""; bad cookie; =novalue; plain',
    "caf\xc3\xa9=\xc3\xa9t\xc3\xa9; n=1",  # UTF-8 bytes as WSGI latin-1 text
    "  spaced = value  ;;; x=y",
]


@pytest.mark.parametrize("header", COOKIE_HEADERS)
def test_same_as_werkzeug(header: str | None) -> None:
    extra = {} if header is None else {"HTTP_COOKIE": header}
    expected = Request(environ(**extra)).cookies
    request = Request(environ(**extra))
    cookies = request_cookies(request)
    assert type(cookies) is type(expected) is ImmutableMultiDict
    assert list(cookies.items(multi=True)) == list(expected.items(multi=True))
    # Stored where werkzeug caches it: the request sees the same object.
    assert request.cookies is cookies
    assert request_cookies(request) is cookies


def test_reuses_cookies_already_parsed() -> None:
    request = Request(environ(HTTP_COOKIE="a=1"))
    parsed = request.cookies
    assert request_cookies(request) is parsed


def test_storage_class_of_the_request() -> None:
    class MutableCookies(Request):
        dict_storage_class = MultiDict

    request = MutableCookies(environ(HTTP_COOKIE="a=1; a=2"))
    cookies = request_cookies(request)
    assert type(cookies) is MultiDict
    assert cookies.getlist("a") == ["1", "2"]


def test_other_spellings_of_the_cookie_key() -> None:
    # werkzeug reports these environ keys as "Cookie" headers too and
    # joins them all; the helper then leaves the work to werkzeug.
    extra = {"HTTP_COOKIE": "a=1", "HTTP_Cookie": "b=2", "HTTP_COO\u212aIE": "c=3"}
    request = Request(environ(**extra))
    assert dict(request_cookies(request)) == {"a": "1", "b": "2", "c": "3"}
    request = Request(environ(HTTP_cookie="session=x"))
    assert dict(request_cookies(request)) == {"session": "x"}


def test_other_spellings_are_exactly_werkzeugs() -> None:
    # Every environ key werkzeug's EnvironHeaders reports as "Cookie":
    # each character of "COOKIE" replaced by any code point whose case
    # mappings involve one of its letters (also expanding mappings, which
    # could stand for two or three letters).
    letters = set("cookieCOKIE")
    candidates = [
        char
        for char in map(chr, range(sys.maxunicode + 1))
        if letters.intersection(char.lower() + char.upper() + char.title())
    ]
    found = set()
    base = "COOKIE"
    for char in candidates:
        for start in range(len(base)):
            for width in (1, 2, 3):
                key = "HTTP_" + base[:start] + char + base[start + width :]
                if EnvironHeaders({key: "x"}).getlist("Cookie"):
                    found.add(key)
    assert found - {"HTTP_COOKIE"} <= _OTHER_COOKIE_KEYS
    for key in _OTHER_COOKIE_KEYS:
        assert EnvironHeaders({key: "x"}).getlist("Cookie") == ["x"]


def test_overridden_cookies_property_is_used() -> None:
    class Fixed(Request):
        @cached_property
        def cookies(self) -> ImmutableMultiDict[str, str]:
            return ImmutableMultiDict({"session": "from-property"})

    request = Fixed(environ(HTTP_COOKIE="session=from-header"))
    assert request_cookies(request)["session"] == "from-property"


def test_other_headers_class_is_used() -> None:
    request = Request(environ(HTTP_COOKIE="session=environ"))

    class Headers(EnvironHeaders):
        def getlist(self, key: str, type: Any = None) -> Any:
            return ["session=override"] if key == "Cookie" else []

    request.headers = Headers(request.environ)
    assert request_cookies(request)["session"] == "override"
    assert request.cookies["session"] == "override"


def test_open_session_reads_overridden_cookies() -> None:
    interface = SecureCookieSessionInterface()
    app = make_app()
    serializer = interface.get_signing_serializer(app)
    assert serializer is not None
    token = serializer.dumps({"who": "property"})

    class Fixed(Request):
        @cached_property
        def cookies(self) -> ImmutableMultiDict[str, str]:
            return ImmutableMultiDict({"session": token})

    session = interface.open_session(app, Fixed(environ(HTTP_COOKIE="session=bad")))
    assert session == {"who": "property"}


def test_any_object_with_cookies() -> None:
    duck = SimpleNamespace(cookies={"session": "x"})
    assert request_cookies(duck) == {"session": "x"}  # type: ignore[arg-type]
    interface = SecureCookieSessionInterface()
    app = make_app()
    serializer = interface.get_signing_serializer(app)
    assert serializer is not None
    duck.cookies["session"] = serializer.dumps({"who": "duck"})
    assert interface.open_session(app, duck) == {"who": "duck"}  # type: ignore[arg-type]


def test_reads_environ_cookies_only_for_werkzeugs_property() -> None:
    class OwnCookies(Request):
        @cached_property
        def cookies(self) -> Any:
            return {}

    class Subclass(Request):
        pass

    environ = EnvironBuilder().get_environ()
    assert reads_environ_cookies(Request(environ))
    assert reads_environ_cookies(Subclass(environ))
    assert not reads_environ_cookies(OwnCookies(environ))
    assert not reads_environ_cookies(SimpleNamespace(cookies={}))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "extra",
    [
        {},
        {"HTTP_COOKIE": "session=x"},
        {"HTTP_COOKIE": "other=1"},
    ],
)
def test_carries_cookie_answers_as_request_cookies(extra: dict[str, str]) -> None:
    request = Request(environ(**extra))
    assert carries_cookie(request, "session") is (
        "session" in Request(environ(**extra)).cookies
    )


def test_carries_cookie_asks_a_request_with_its_own_cookies() -> None:
    class OwnCookies(Request):
        @cached_property
        def cookies(self) -> Any:
            return {"session": "from elsewhere"}

    assert carries_cookie(OwnCookies(environ()), "session")


def test_carries_cookie_looks_only_for_the_standard_key_when_it_is_missing() -> None:
    # werkzeug also reads a non-standard spelling; no server writes one.
    request = Request(environ(HTTP_cookie="session=x"))
    assert not carries_cookie(request, "session")
    both = Request(environ(HTTP_COOKIE="a=1", HTTP_cookie="session=x"))
    assert carries_cookie(both, "session")
