from __future__ import annotations

import sys
from collections.abc import Iterable
from datetime import timedelta
from typing import Any

import pytest
from werkzeug.test import Client
from werkzeug.test import EnvironBuilder
from werkzeug.wrappers import Request
from werkzeug.wrappers import Response

from flaskish_sessions import DEFAULT_SESSION_CONFIG
from flaskish_sessions import ENVIRON_KEY
from flaskish_sessions import MiddlewareNullSession
from flaskish_sessions import NullSession
from flaskish_sessions import SecureCookieSession
from flaskish_sessions import SecureCookieSessionInterface
from flaskish_sessions import SessionMiddleware

from .support import Clock
from .support import FLASK_APP_TOKEN
from .support import FLASK_DATA
from .support import FLASK_TOKEN
from .support import make_app


def counter(environ: dict[str, Any], start_response: Any) -> Iterable[bytes]:
    session = environ[ENVIRON_KEY]
    request = Request(environ)
    if request.path == "/count":
        session["n"] = session.get("n", 0) + 1
        body = str(session["n"])
    elif request.path == "/logout":
        session.clear()
        body = "bye"
    elif request.path == "/peek":
        body = repr(session.get("n"))
    else:
        body = "static"
    return Response(body)(environ, start_response)


def test_session_persists_across_requests(clock: Clock) -> None:
    client = Client(SessionMiddleware(counter, secret_key="k"))
    first = client.get("/count")
    assert first.text == "1"
    assert first.headers["Vary"] == "Cookie"
    assert first.headers["Set-Cookie"].endswith("; HttpOnly; Path=/")
    assert client.get("/count").text == "2"
    assert client.get("/peek").text == "2"
    assert client.get_cookie("session") is not None


def test_untouched_session_adds_no_headers() -> None:
    response = Client(SessionMiddleware(counter, secret_key="k")).get("/")
    assert response.text == "static"
    assert "Set-Cookie" not in response.headers
    assert "Vary" not in response.headers


def test_reading_only_varies() -> None:
    response = Client(SessionMiddleware(counter, secret_key="k")).get("/peek")
    assert response.text == "None"
    assert response.headers["Vary"] == "Cookie"
    assert "Set-Cookie" not in response.headers


def test_logout_deletes_cookie() -> None:
    client = Client(SessionMiddleware(counter, secret_key="k"))
    client.get("/count")
    response = client.get("/logout")
    assert response.headers.getlist("Set-Cookie") == [
        "session=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; HttpOnly; Path=/"
    ]
    assert client.get_cookie("session") is None
    assert client.get("/peek").text == "None"


def test_tampered_cookie_starts_a_new_session() -> None:
    client = Client(SessionMiddleware(counter, secret_key="k"))
    client.set_cookie("session", "eyJuIjo5OX0.AAAAAA.forged")
    assert client.get("/count").text == "1"


def test_without_secret_key_the_session_is_null() -> None:
    seen: list[Any] = []

    def app(environ: dict[str, Any], start_response: Any) -> Iterable[bytes]:
        session = environ[ENVIRON_KEY]
        seen.append(session)
        assert session.get("n") is None
        if Request(environ).path == "/write":
            session["n"] = 1
        return Response("ok")(environ, start_response)

    client = Client(SessionMiddleware(app))
    response = client.get("/")
    assert response.text == "ok"
    assert "Set-Cookie" not in response.headers
    assert "Vary" not in response.headers
    assert type(seen[0]) is MiddlewareNullSession
    with pytest.raises(RuntimeError) as info:
        client.get("/write")
    assert "no secret key was set" in str(info.value)
    assert "secret_key= to SessionMiddleware" in str(info.value)
    assert "application" not in str(info.value)
    assert isinstance(seen[0], NullSession)


def test_shares_the_session_with_a_cookie_interface_app(clock: Clock) -> None:
    config = {"SECRET_KEY_FALLBACKS": ["old"]}
    client = Client(SessionMiddleware(counter, "current", config))
    client.set_cookie("session", FLASK_TOKEN)

    def show(environ: dict[str, Any], start_response: Any) -> Iterable[bytes]:
        session = environ[ENVIRON_KEY]
        text = f"{sorted(session)} {session['u']}"
        return Response(text)(environ, start_response)

    shown = Client(SessionMiddleware(show, "current", config))
    shown.set_cookie("session", FLASK_TOKEN)
    expected = f"{sorted(FLASK_DATA)} 00000000-0000-0000-0000-000000000005"
    assert shown.get("/").text == expected

    client.get("/count")
    token = client.get_cookie("session")
    assert token is not None
    request = Request(
        EnvironBuilder(headers={"Cookie": f"session={token.value}"}).get_environ()
    )
    app = make_app("current")
    session = SecureCookieSessionInterface().open_session(app, request)
    assert session == {**FLASK_DATA, "n": 1}


def test_permanent_session_lifetime_in_seconds(clock: Clock) -> None:
    def app(environ: dict[str, Any], start_response: Any) -> Iterable[bytes]:
        session = environ[ENVIRON_KEY]
        if Request(environ).path == "/login":
            session.permanent = True
            session["user"] = "ada"
        return Response(str(session.get("user")))(environ, start_response)

    middleware = SessionMiddleware(app, "k", {"PERMANENT_SESSION_LIFETIME": 60})
    assert middleware.permanent_session_lifetime == timedelta(seconds=60)
    client = Client(middleware)
    login = client.get("/login")
    assert "Expires=" in login.headers["Set-Cookie"]
    clock.now += 60
    assert client.get("/").text == "ada"  # permanent: refreshed, signed anew
    clock.now += 61
    assert client.get("/").text == "None"


def test_config_is_copied_and_completed() -> None:
    config = {"SESSION_COOKIE_NAME": "sid", "SECRET_KEY": "from-config"}
    middleware = SessionMiddleware(counter, config=config)
    assert middleware.secret_key == "from-config"
    assert middleware.config == {**DEFAULT_SESSION_CONFIG, **config}
    middleware.config["SESSION_COOKIE_NAME"] = "other"
    assert config["SESSION_COOKIE_NAME"] == "sid"
    assert SessionMiddleware(counter, "arg", config).secret_key == "arg"
    assert isinstance(middleware.session_interface, SecureCookieSessionInterface)
    response = Client(middleware).get("/count")
    assert response.headers["Set-Cookie"].startswith("other=")


def test_headers_and_status_of_the_app_are_kept() -> None:
    def app(environ: dict[str, Any], start_response: Any) -> Iterable[bytes]:
        environ[ENVIRON_KEY]["x"] = 1
        headers = [("Set-Cookie", "a=1"), ("Set-Cookie", "b=2"), ("X-Thing", "t")]
        start_response("299 Custom", headers)
        return []

    response = Client(SessionMiddleware(app, "k")).get("/")
    assert response.status == "299 Custom"
    assert "Content-Type" not in response.headers
    assert response.headers.getlist("Set-Cookie")[:2] == ["a=1", "b=2"]
    assert response.headers.getlist("Set-Cookie")[2].startswith("session=")
    assert response.headers["X-Thing"] == "t"


def test_request_body_is_left_for_the_app() -> None:
    def app(environ: dict[str, Any], start_response: Any) -> Iterable[bytes]:
        return Response(Request(environ).get_data())(environ, start_response)

    client = Client(SessionMiddleware(app, "k"))
    assert client.post("/", data=b"payload").text == "payload"


def test_exc_info_and_write_callable_are_passed_through() -> None:
    received: list[Any] = []

    def start_response(status: str, headers: Any, exc_info: Any = None) -> Any:
        received.append((status, exc_info))
        return received.append

    def failing(environ: dict[str, Any], start: Any) -> Iterable[bytes]:
        environ[ENVIRON_KEY]["x"] = 1
        try:
            raise ValueError("boom")
        except ValueError:
            write = start("500 INTERNAL SERVER ERROR", [], sys.exc_info())
        write(b"raw")
        return []

    environ = EnvironBuilder().get_environ()
    assert list(SessionMiddleware(failing, "k")(environ, start_response)) == []
    status, exc_info = received[0]
    assert status == "500 INTERNAL SERVER ERROR"
    assert exc_info[0] is ValueError
    assert received[1] == b"raw"
    assert isinstance(environ[ENVIRON_KEY], SecureCookieSession)


def test_custom_interface_is_used() -> None:
    class Named(SecureCookieSessionInterface):
        def get_cookie_name(self, app: Any) -> str:
            return "named"

    client = Client(SessionMiddleware(counter, "k", session_interface=Named()))
    assert client.get("/count").headers["Set-Cookie"].startswith("named=")
    assert client.get("/count").text == "2"


def streaming(environ: dict[str, Any], start_response: Any) -> Iterable[bytes]:
    """Changes the session while its body is produced."""
    session = environ[ENVIRON_KEY]
    start_response("200 OK", [("Content-Type", "text/plain")])
    yield b""
    session["step"] = "before first byte"
    yield b"one "
    if Request(environ).path == "/late":
        session["step"] = "after first byte"
    yield b"two"


def test_change_before_the_first_byte_is_saved() -> None:
    client = Client(SessionMiddleware(streaming, "k"))
    assert client.get("/").text == "one two"
    shown = Client(SessionMiddleware(show_step, "k"))
    shown.set_cookie("session", client.get_cookie("session").value)
    assert shown.get("/").text == "before first byte"


def show_step(environ: dict[str, Any], start_response: Any) -> Iterable[bytes]:
    return Response(environ[ENVIRON_KEY].get("step", "-"))(environ, start_response)


def test_change_after_the_headers_were_sent_raises() -> None:
    response = Client(SessionMiddleware(streaming, "k")).get("/late")
    with pytest.raises(RuntimeError) as info:
        response.get_data()
    assert "after its response headers were sent" in str(info.value)
    assert "first non-empty chunk" in str(info.value)


def test_empty_body_still_saves_and_starts() -> None:
    def empty(environ: dict[str, Any], start_response: Any) -> Iterable[bytes]:
        start_response("204 No Content", [])
        environ[ENVIRON_KEY]["seen"] = True
        return iter([])

    response = Client(SessionMiddleware(empty, "k")).get("/")
    assert response.status_code == 204
    assert response.headers["Set-Cookie"].startswith("session=")


def test_body_without_start_response_is_an_error() -> None:
    def broken(environ: dict[str, Any], start_response: Any) -> Iterable[bytes]:
        environ[ENVIRON_KEY]["x"] = 1
        return [b"no status"]

    environ = EnvironBuilder().get_environ()
    body = SessionMiddleware(broken, "k")(environ, lambda *a: None)
    with pytest.raises(RuntimeError, match="without calling start_response"):
        list(body)


def test_body_is_closed() -> None:
    closed: list[bool] = []

    class Body:
        def __iter__(self) -> Any:
            return iter([b"x"])

        def close(self) -> None:
            closed.append(True)

    def app(environ: dict[str, Any], start_response: Any) -> Any:
        start_response("200 OK", [])
        return Body()

    Client(SessionMiddleware(app, "k")).get("/").close()
    assert closed == [True]


def test_tokens_are_the_ones_a_flask_app_writes(clock: Clock) -> None:
    def app(environ: dict[str, Any], start_response: Any) -> Iterable[bytes]:
        environ[ENVIRON_KEY].update(FLASK_DATA)
        return Response("ok")(environ, start_response)

    config = {"SECRET_KEY_FALLBACKS": ["old"]}
    client = Client(SessionMiddleware(app, "current", config))
    client.get("/")
    cookie = client.get_cookie("session")
    assert cookie is not None
    assert cookie.value == FLASK_APP_TOKEN
