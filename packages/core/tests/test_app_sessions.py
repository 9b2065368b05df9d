"""Sessions through the application: lazy opening, cookies, Vary."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from werkzeug.utils import cached_property
from werkzeug.wrappers import Request as BaseRequest
from werkzeug.wrappers import Response as BaseResponse

from flaskish_context import request
from flaskish_context import session
from flaskish_core.app import Flask
from flaskish_core.wrappers import Request
from flaskish_sessions import SecureCookieSession
from flaskish_sessions import SecureCookieSessionInterface


@pytest.fixture
def app() -> Flask:
    app = Flask("sessions_app")
    app.secret_key = "a secret"

    @app.route("/set/<value>")
    def set_value(value: str) -> str:
        session["value"] = value
        return "set"

    @app.route("/get")
    def get_value() -> str:
        return str(session.get("value"))

    @app.route("/plain")
    def plain() -> str:
        return "plain"

    @app.route("/clear")
    def clear() -> str:
        session.clear()
        return "cleared"

    return app


def test_round_trip_through_the_cookie(app: Flask) -> None:
    client = app.test_client()
    response = client.get("/set/42")
    cookie = response.headers["Set-Cookie"]
    assert cookie.startswith("session=")
    assert "HttpOnly" in cookie
    assert "Path=/" in cookie
    assert response.headers["Vary"] == "Cookie"
    assert client.get("/get").data == b"42"


def test_untouched_session_sets_no_cookie_and_no_vary(app: Flask) -> None:
    response = app.test_client().get("/plain")
    assert "Set-Cookie" not in response.headers
    assert "Vary" not in response.headers


def test_read_only_access_adds_vary_but_no_cookie(app: Flask) -> None:
    response = app.test_client().get("/get")
    assert response.data == b"None"
    assert response.headers["Vary"] == "Cookie"
    assert "Set-Cookie" not in response.headers


def test_emptied_session_deletes_the_cookie(app: Flask) -> None:
    client = app.test_client()
    client.get("/set/1")
    response = client.get("/clear")
    assert response.headers["Set-Cookie"].startswith(
        "session=; Expires=Thu, 01 Jan 1970"
    )
    assert client.get_cookie("session") is None


def test_permanent_session_is_refreshed_without_being_touched(app: Flask) -> None:
    app.permanent_session_lifetime = timedelta(hours=1)

    @app.route("/permanent")
    def permanent() -> str:
        session.permanent = True
        session["x"] = 1
        return "ok"

    client = app.test_client()
    assert "Expires=" in client.get("/permanent").headers["Set-Cookie"]
    # A view that never touches the session still refreshes the cookie.
    refreshed = client.get("/plain")
    assert refreshed.headers["Set-Cookie"].startswith("session=")
    assert "Expires=" in refreshed.headers["Set-Cookie"]
    app.config["SESSION_REFRESH_EACH_REQUEST"] = False
    assert "Set-Cookie" not in client.get("/plain").headers


def test_without_secret_key_writing_fails(app: Flask) -> None:
    app.secret_key = None
    app.testing = True
    with pytest.raises(RuntimeError, match="secret key"):
        app.test_client().get("/set/1")


def test_custom_interface_is_opened_for_every_request(app: Flask) -> None:
    calls: list[str] = []

    class Recording(SecureCookieSessionInterface):
        def open_session(
            self, app: Any, request: BaseRequest
        ) -> SecureCookieSession | None:
            calls.append(f"open {request.path}")
            return super().open_session(app, request)

        def save_session(self, app: Any, session: Any, response: BaseResponse) -> None:
            calls.append("save")
            super().save_session(app, session, response)

    app.session_interface = Recording()
    app.test_client().get("/plain")
    assert calls == ["open /plain", "save"]


def test_session_transaction(app: Flask) -> None:
    client = app.test_client()
    with client.session_transaction() as sess:
        sess["value"] = "from the test"
    assert client.get("/get").data == b"from the test"
    with client.session_transaction() as sess:
        assert sess["value"] == "from the test"


def test_session_transaction_without_cookies(app: Flask) -> None:
    client = app.test_client(use_cookies=False)
    with pytest.raises(TypeError) as info, client.session_transaction():
        pass
    assert (
        str(info.value)
        == "Cookies are disabled. Create a client with 'use_cookies=True'."
    )


def test_no_request_sees_another_requests_session(app: Flask) -> None:
    first, second = app.test_client(), app.test_client()
    first.get("/set/first")
    second.get("/set/second")
    assert first.get("/get").data == b"first"
    assert second.get("/get").data == b"second"
    assert app.test_client().get("/get").data == b"None"


def test_view_sees_the_cookies_the_session_was_read_from(app: Flask) -> None:
    seen: list[Any] = []

    @app.route("/cookies")
    def cookies() -> str:
        seen.append((session.get("value"), request.cookies))
        return "ok"

    client = app.test_client()
    client.get("/set/7")
    client.set_cookie("other", "a")
    client.get("/cookies")
    value, parsed = seen[0]
    assert value == "7"
    assert sorted(parsed) == ["other", "session"]
    assert parsed["other"] == "a"
    assert type(parsed).__name__ == "ImmutableMultiDict"


def test_request_class_with_its_own_cookies(app: Flask) -> None:
    # A request class that takes the session cookie from elsewhere is
    # asked for it, both to open the session and to refresh an untouched
    # permanent one.
    app.permanent_session_lifetime = timedelta(hours=1)

    class HeaderCookies(Request):
        @cached_property
        def cookies(self) -> Any:
            value = self.environ.get("HTTP_X_SESSION")
            return {"session": value} if value else {}

    @app.route("/permanent")
    def permanent() -> str:
        session.permanent = True
        session["value"] = "kept"
        return "ok"

    set_cookie = app.test_client().get("/permanent").headers["Set-Cookie"]
    token = set_cookie.split(";")[0].split("=", 1)[1]
    app.request_class = HeaderCookies
    client = app.test_client(use_cookies=False)
    headers = {"X-Session": token, "Cookie": f"unrelated={token}"}
    assert client.get("/get", headers=headers).data == b"kept"
    refreshed = client.get("/plain", headers=headers)
    assert refreshed.headers["Set-Cookie"].startswith("session=")
    assert "Expires=" in refreshed.headers["Set-Cookie"]
    assert "Set-Cookie" not in client.get("/plain", headers={"Cookie": "a=b"}).headers
    # And the cookie header itself is ignored by this class.
    assert client.get("/get", headers={"Cookie": f"session={token}"}).data == b"None"
    # With no Cookie header at all, the class is still asked.
    bare = client.get("/plain", headers={"X-Session": token})
    assert bare.headers["Set-Cookie"].startswith("session=")
