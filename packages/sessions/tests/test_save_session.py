from __future__ import annotations

from datetime import datetime
from datetime import timedelta
from datetime import UTC
from hashlib import sha256
from typing import Any

import pytest
from werkzeug.test import EnvironBuilder
from werkzeug.wrappers import Request
from werkzeug.wrappers import Response

import flaskish_sessions.interface
from flaskish_sessions import SecureCookieSession
from flaskish_sessions import SecureCookieSessionInterface
from flaskish_sessions import SessionInterface

from .support import Clock
from .support import make_app

interface = SecureCookieSessionInterface()
NOW = datetime(2026, 1, 1, tzinfo=UTC)
DELETED = "Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0"


class FrozenDatetime(datetime):
    @classmethod
    def now(cls, tz: Any = None) -> FrozenDatetime:
        assert tz is UTC
        return cls(2026, 1, 1, tzinfo=UTC)


@pytest.fixture(autouse=True)
def frozen(monkeypatch: pytest.MonkeyPatch, clock: Clock) -> None:
    monkeypatch.setattr(flaskish_sessions.interface, "datetime", FrozenDatetime)


def token_of(app: Any, data: dict[str, Any]) -> str:
    serializer = interface.get_signing_serializer(app)
    assert serializer is not None
    return serializer.dumps(data)


def loaded(data: dict[str, Any]) -> SecureCookieSession:
    """A session as open_session returns it: untouched flags."""
    return SecureCookieSession(data)


def save(app: Any, session: Any) -> Response:
    response = Response()
    interface.save_session(app, session, response)
    return response


def cookies(response: Response) -> list[str]:
    return response.headers.getlist("Set-Cookie")


def test_untouched_session_changes_nothing() -> None:
    response = save(make_app(), loaded({"a": 1}))
    assert cookies(response) == []
    assert "Vary" not in response.headers


def test_read_session_only_varies() -> None:
    session = loaded({"a": 1})
    assert session["a"] == 1
    response = save(make_app(), session)
    assert cookies(response) == []
    assert response.headers["Vary"] == "Cookie"


def test_membership_test_alone_varies() -> None:
    session = loaded({})
    assert "user" not in session
    response = save(make_app(), session)
    assert cookies(response) == []
    assert response.headers.getlist("Vary") == ["Cookie"]


def test_modified_session_sets_browser_cookie() -> None:
    app = make_app()
    session = loaded({})
    session["a"] = 1
    response = save(app, session)
    token = token_of(app, {"a": 1})
    assert cookies(response) == [f"session={token}; HttpOnly; Path=/"]
    assert response.headers["Vary"] == "Cookie"


def test_vary_is_added_once_next_to_existing_values() -> None:
    session = loaded({})
    session["a"] = 1
    response = Response(headers={"Vary": "Accept"})
    interface.save_session(make_app(), session, response)
    assert response.headers["Vary"] == "Accept, Cookie"


def test_emptied_session_deletes_cookie() -> None:
    session = loaded({"a": 1})
    session.clear()
    response = save(make_app(), session)
    assert cookies(response) == [f"session=; {DELETED}; HttpOnly; Path=/"]
    assert response.headers["Vary"] == "Cookie"


def test_deletion_carries_every_attribute() -> None:
    app = make_app(
        SESSION_COOKIE_NAME="sid",
        SESSION_COOKIE_DOMAIN="example.com",
        SESSION_COOKIE_PATH="/app",
        SESSION_COOKIE_HTTPONLY=False,
        SESSION_COOKIE_SECURE=True,
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_PARTITIONED=True,
    )
    session = loaded({"a": 1})
    del session["a"]
    assert cookies(save(app, session)) == [
        f"sid=; Domain=example.com; {DELETED}; Secure; Path=/app;"
        " SameSite=Lax; Partitioned"
    ]


def test_empty_unmodified_session_sets_nothing() -> None:
    app = make_app()
    session = loaded({})
    session.permanent = False  # modifies, but the data is not empty
    session.pop("_permanent")
    assert session.modified is True
    assert cookies(save(app, session)) == [f"session=; {DELETED}; HttpOnly; Path=/"]
    assert cookies(save(app, loaded({}))) == []


def test_permanent_session_expires_after_lifetime() -> None:
    app = make_app(PERMANENT_SESSION_LIFETIME=timedelta(days=31))
    session = loaded({})
    session.permanent = True
    token = token_of(app, {"_permanent": True})
    assert cookies(save(app, session)) == [
        f"session={token}; Expires=Sun, 01 Feb 2026 00:00:00 GMT; HttpOnly; Path=/"
    ]
    assert interface.get_expiration_time(app, session) == NOW + timedelta(days=31)


def test_browser_session_has_no_expiry() -> None:
    assert interface.get_expiration_time(make_app(), loaded({})) is None


def test_permanent_session_is_refreshed_each_request() -> None:
    app = make_app(PERMANENT_SESSION_LIFETIME=timedelta(hours=1))
    session = loaded({"_permanent": True, "a": 1})
    token = token_of(app, {"_permanent": True, "a": 1})
    assert cookies(save(app, session)) == [
        f"session={token}; Expires=Thu, 01 Jan 2026 01:00:00 GMT; HttpOnly; Path=/"
    ]


def test_refresh_can_be_disabled() -> None:
    app = make_app(SESSION_REFRESH_EACH_REQUEST=False)
    session = loaded({"_permanent": True, "a": 1})
    response = save(app, session)
    assert cookies(response) == []
    session["a"] = 2
    assert len(cookies(save(app, session))) == 1


def test_browser_session_is_not_refreshed() -> None:
    assert cookies(save(make_app(), loaded({"a": 1}))) == []


@pytest.mark.parametrize(
    ("config", "expected"),
    [
        (
            {"SESSION_COOKIE_DOMAIN": "example.com"},
            "Domain=example.com; HttpOnly; Path=/",
        ),
        ({"SESSION_COOKIE_PATH": "/app"}, "HttpOnly; Path=/app"),
        ({"APPLICATION_ROOT": "/root"}, "HttpOnly; Path=/root"),
        (
            {"APPLICATION_ROOT": "/root", "SESSION_COOKIE_PATH": "/p"},
            "HttpOnly; Path=/p",
        ),
        ({"SESSION_COOKIE_HTTPONLY": False}, "Path=/"),
        ({"SESSION_COOKIE_SECURE": True}, "Secure; HttpOnly; Path=/"),
        ({"SESSION_COOKIE_SAMESITE": "Strict"}, "HttpOnly; Path=/; SameSite=Strict"),
        ({"SESSION_COOKIE_PARTITIONED": True}, "Secure; HttpOnly; Path=/; Partitioned"),
    ],
)
def test_each_cookie_attribute(config: dict[str, Any], expected: str) -> None:
    app = make_app(**config)
    session = loaded({})
    session["a"] = 1
    token = token_of(app, {"a": 1})
    assert cookies(save(app, session)) == [f"session={token}; {expected}"]


def test_secret_key_removed_before_save_sets_nothing() -> None:
    app = make_app()
    session = loaded({})
    session["a"] = 1
    app.secret_key = None
    response = save(app, session)
    assert cookies(response) == []
    assert response.headers["Vary"] == "Cookie"


def test_overridden_hooks_are_used() -> None:
    calls: list[str] = []

    class Custom(SecureCookieSessionInterface):
        def get_cookie_name(self, app: Any) -> str:
            calls.append("name")
            return "custom"

        def get_cookie_domain(self, app: Any) -> str | None:
            calls.append("domain")
            return None

        def get_cookie_path(self, app: Any) -> str:
            calls.append("path")
            return "/x"

        def get_cookie_secure(self, app: Any) -> bool:
            calls.append("secure")
            return False

        def get_cookie_partitioned(self, app: Any) -> bool:
            calls.append("partitioned")
            return False

        def get_cookie_samesite(self, app: Any) -> str | None:
            calls.append("samesite")
            return None

        def get_cookie_httponly(self, app: Any) -> bool:
            calls.append("httponly")
            return False

        def should_set_cookie(self, app: Any, session: Any) -> bool:
            calls.append("should_set_cookie")
            return True

        def get_expiration_time(self, app: Any, session: Any) -> datetime | None:
            calls.append("expires")
            return None

    app = make_app()
    response = Response()
    Custom().save_session(app, loaded({"a": 1}), response)
    token = token_of(app, {"a": 1})
    assert cookies(response) == [f"custom={token}; Path=/x"]
    assert calls == [
        "name",
        "domain",
        "path",
        "secure",
        "partitioned",
        "samesite",
        "httponly",
        "should_set_cookie",
        "expires",
    ]


def test_base_interface_reads_config() -> None:
    base = SessionInterface()
    app = make_app(SESSION_COOKIE_SAMESITE="None", SESSION_COOKIE_DOMAIN="a.b")
    assert base.get_cookie_name(app) == "session"
    assert base.get_cookie_domain(app) == "a.b"
    assert base.get_cookie_path(app) == "/"
    assert base.get_cookie_httponly(app) is True
    assert base.get_cookie_secure(app) is False
    assert base.get_cookie_samesite(app) == "None"
    assert base.get_cookie_partitioned(app) is False
    assert base.should_set_cookie(app, loaded({})) is False
    with pytest.raises(NotImplementedError):
        base.open_session(app, None)  # type: ignore[arg-type]
    with pytest.raises(NotImplementedError):
        base.save_session(app, loaded({}), Response())


def test_invalid_samesite_is_rejected_by_werkzeug() -> None:
    session = loaded({})
    session["a"] = 1
    with pytest.raises(ValueError, match="SameSite must be 'Strict', 'Lax', or 'None'"):
        save(make_app(SESSION_COOKIE_SAMESITE="Sometimes"), session)


def test_oversized_cookie_is_sent_with_a_warning() -> None:
    session = loaded({})
    # Hash digests do not compress, so the signed value stays large.
    session["blob"] = "".join(sha256(bytes([i])).hexdigest() for i in range(200))
    with pytest.warns(UserWarning, match="The 'session' cookie is too large"):
        response = save(make_app(), session)
    assert len(response.headers["Set-Cookie"]) > 5000


def test_saving_an_untouched_session_does_not_mark_it_accessed() -> None:
    from werkzeug.wrappers import Response

    from flaskish_sessions import DEFAULT_SESSION_CONFIG
    from flaskish_sessions import SecureCookieSession
    from flaskish_sessions import SecureCookieSessionInterface

    class App:
        secret_key = "key"
        config = {**DEFAULT_SESSION_CONFIG, "SECRET_KEY": "key"}
        permanent_session_lifetime = DEFAULT_SESSION_CONFIG[
            "PERMANENT_SESSION_LIFETIME"
        ]

    for data in ({}, {"a": 1}):
        session = SecureCookieSession(data)
        response = Response()
        SecureCookieSessionInterface().save_session(App(), session, response)  # type: ignore[arg-type]
        assert session.accessed is False
        assert "Vary" not in response.headers
        assert "Set-Cookie" not in response.headers


def _request(cookie: str | None) -> Request:
    headers = {} if cookie is None else {"Cookie": cookie}
    return Request(EnvironBuilder(headers=headers).get_environ())


def test_unread_session_may_be_saved_only_to_refresh_a_carried_cookie() -> None:
    interface = SecureCookieSessionInterface()
    app = make_app()
    assert interface.may_save_unread(app, _request("session=abc"))
    assert not interface.may_save_unread(app, _request(None))
    assert not interface.may_save_unread(app, _request("other=abc"))
    no_refresh = make_app(SESSION_REFRESH_EACH_REQUEST=False)
    assert not interface.may_save_unread(no_refresh, _request("session=abc"))
    renamed = make_app(SESSION_COOKIE_NAME="sid")
    assert interface.may_save_unread(renamed, _request("sid=abc"))
    assert not interface.may_save_unread(renamed, _request("session=abc"))


def test_other_interfaces_may_always_save_an_unread_session() -> None:
    class Custom(SessionInterface):
        pass

    assert Custom().may_save_unread(make_app(), _request(None))
