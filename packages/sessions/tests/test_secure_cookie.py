from __future__ import annotations

from datetime import timedelta
from typing import Any
from uuid import UUID

import pytest
from werkzeug.test import EnvironBuilder
from werkzeug.wrappers import Request
from werkzeug.wrappers import Response

from flaskish_sessions import NullSession
from flaskish_sessions import SecureCookieSession
from flaskish_sessions import SecureCookieSessionInterface

from .support import Clock
from .support import FLASK_DATA
from .support import FLASK_TOKEN
from .support import make_app

interface = SecureCookieSessionInterface()


def request_with(cookie: str | None, name: str = "session") -> Request:
    headers = {"Cookie": f"{name}={cookie}"} if cookie is not None else {}
    return Request(EnvironBuilder(headers=headers).get_environ())


def sign(app: Any, data: dict[str, Any]) -> str:
    serializer = interface.get_signing_serializer(app)
    assert serializer is not None
    return serializer.dumps(data)


def saved(app: Any, session: Any) -> Response:
    response = Response()
    interface.save_session(app, session, response)
    return response


def test_serializer_settings() -> None:
    assert interface.salt == "cookie-session"
    assert interface.key_derivation == "hmac"
    assert interface.digest_method().name == "sha1"
    assert interface.session_class is SecureCookieSession
    assert interface.pickle_based is False


@pytest.mark.parametrize("key", [None, ""])
def test_no_secret_key_gives_null_session(key: str | None) -> None:
    app = make_app(key)
    assert interface.get_signing_serializer(app) is None
    assert interface.open_session(app, request_with("x")) is None
    null = interface.make_null_session(app)
    assert type(null) is NullSession
    assert interface.is_null_session(null) is True
    assert interface.is_null_session(SecureCookieSession()) is False


@pytest.mark.parametrize("cookie", [None, ""])
def test_missing_cookie_gives_fresh_session(cookie: str | None) -> None:
    session = interface.open_session(make_app(), request_with(cookie))
    assert isinstance(session, SecureCookieSession)
    assert (session.accessed, session.modified, session.new) == (False, False, False)
    assert dict(session) == {}


def test_flask_cookie_format(clock: Clock) -> None:
    app = make_app("current", SECRET_KEY_FALLBACKS=["old"])
    session = interface.open_session(app, request_with(FLASK_TOKEN))
    assert session == FLASK_DATA
    assert type(session["m"]).__name__ == "Markup"
    assert sign(app, FLASK_DATA) == FLASK_TOKEN


def test_round_trip_through_response(clock: Clock) -> None:
    app = make_app()
    session = interface.open_session(app, request_with(None))
    assert session is not None
    session["items"] = [(1, b"2"), {"x": UUID(int=1)}]
    response = saved(app, session)
    token = sign(app, dict(session))
    assert response.headers.getlist("Set-Cookie") == [
        f"session={token}; HttpOnly; Path=/"
    ]
    assert response.headers["Vary"] == "Cookie"
    again = interface.open_session(app, request_with(token))
    assert again == {"items": [(1, b"2"), {"x": UUID(int=1)}]}


def flip(text: str, index: int) -> str:
    char = "A" if text[index] != "A" else "B"
    return text[:index] + char + text[index + 1 :]


def tampered_tokens() -> list[str]:
    token = FLASK_TOKEN
    payload_end = token.index(".", 1)
    stamp_end = token.rindex(".")
    return [
        flip(token, 5),  # payload
        flip(token, payload_end + 2),  # timestamp
        flip(token, stamp_end + 3),  # signature
        flip(token, len(token) - 1),
        token[:-1],
        token[: stamp_end + 1],
        token[:stamp_end],
        token[:20],
        token + "A",
        "garbage",
        "...",
        "x" * 10_000,
        token.replace(".", "", 1),
    ]


@pytest.mark.parametrize("token", tampered_tokens())
def test_tampered_cookie_gives_empty_session(clock: Clock, token: str) -> None:
    app = make_app("current", SECRET_KEY_FALLBACKS=["old"])
    session = interface.open_session(app, request_with(token))
    assert isinstance(session, SecureCookieSession)
    assert dict(session) == {}
    assert session.modified is False


def test_wrong_key_gives_empty_session(clock: Clock) -> None:
    assert interface.open_session(make_app("other"), request_with(FLASK_TOKEN)) == {}


def test_signed_non_dict_gives_empty_session(clock: Clock) -> None:
    app = make_app()
    serializer = interface.get_signing_serializer(app)
    assert serializer is not None
    for value in ([1, 2], "text", 3, None):
        token = serializer.dumps(value)
        assert interface.open_session(app, request_with(token)) == {}


def test_expiry_uses_permanent_session_lifetime(clock: Clock) -> None:
    app = make_app(PERMANENT_SESSION_LIFETIME=timedelta(seconds=60))
    token = sign(app, {"a": 1})
    clock.now += 60
    assert interface.open_session(app, request_with(token)) == {"a": 1}
    clock.now += 1
    assert interface.open_session(app, request_with(token)) == {}


def test_timestamp_from_the_future_is_rejected(clock: Clock) -> None:
    app = make_app()
    token = sign(app, {"a": 1})
    clock.now -= 10
    assert interface.open_session(app, request_with(token)) == {}


def test_rotation_accepts_fallbacks_and_signs_with_current(clock: Clock) -> None:
    old_app = make_app("old")
    old_token = sign(old_app, {"user": 1})
    rotated = make_app("new", SECRET_KEY_FALLBACKS=["older", "old"])
    session = interface.open_session(rotated, request_with(old_token))
    assert session == {"user": 1}
    assert interface.open_session(make_app("new"), request_with(old_token)) == {}

    assert session is not None
    session["seen"] = True
    cookie = saved(rotated, session).headers["Set-Cookie"]
    new_token = cookie.split(";")[0].removeprefix("session=")
    assert new_token == sign(make_app("new"), {"user": 1, "seen": True})
    assert interface.open_session(make_app("new"), request_with(new_token)) == {
        "user": 1,
        "seen": True,
    }
    assert interface.open_session(old_app, request_with(new_token)) == {}


def test_bytes_secret_key(clock: Clock) -> None:
    app = make_app(b"\x00binary")
    token = sign(app, {"a": 1})
    assert interface.open_session(app, request_with(token)) == {"a": 1}


def test_cookie_name_is_configurable(clock: Clock) -> None:
    app = make_app(SESSION_COOKIE_NAME="sid")
    token = sign(app, {"a": 1})
    assert interface.open_session(app, request_with(token, "sid")) == {"a": 1}
    assert interface.open_session(app, request_with(token)) == {}
    session = SecureCookieSession()
    session["a"] = 1
    assert saved(app, session).headers["Set-Cookie"].startswith(f"sid={token};")


class TrackedKeys(SecureCookieSession):
    """A session class of its own: saved through ``dict(session)``."""

    def keys(self) -> Any:
        self.listed = True
        return super().keys()


@pytest.mark.parametrize("session_class", [SecureCookieSession, TrackedKeys])
def test_saved_payload_is_dict_of_the_session(
    clock: Clock, session_class: type[SecureCookieSession]
) -> None:
    app = make_app()
    data = {"a": 1, "b": [(1, b"2")], "c": {"x": UUID(int=1)}, "d": "text"}
    session = session_class(data)
    session.modified = True
    response = saved(app, session)
    assert response.headers.getlist("Set-Cookie") == [
        f"session={sign(app, data)}; HttpOnly; Path=/"
    ]
    # Saving the default class is not a read (as with Flask's session
    # class); a subclass is copied through its own methods.
    is_subclass = session_class is TrackedKeys
    assert session.accessed is is_subclass
    assert getattr(session, "listed", False) is is_subclass
