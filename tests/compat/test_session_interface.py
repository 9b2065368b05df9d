"""Session interfaces: custom open/save order, null sessions and session flags."""

from __future__ import annotations

import pytest

from flaskish import flash
from flaskish import Flask
from flaskish import Request
from flaskish import Response
from flaskish import session
from flaskish.sessions import NullSession
from flaskish.sessions import SecureCookieSession
from flaskish.sessions import SecureCookieSessionInterface
from flaskish.sessions import SessionInterface
from flaskish.sessions import SessionMixin
from flaskish.testing import FlaskClient


def test_access_and_modification_flags(app: Flask) -> None:
    with app.test_request_context():
        assert (session.accessed, session.modified, session.permanent, session.new) == (
            True,
            False,
            False,
            False,
        )
        session.get("a")
        assert session.modified is False
        session.setdefault("a", 1)
        assert session.modified is True
    with app.test_request_context():
        session.permanent = True
        assert session.modified is True
        assert dict(session) == {"_permanent": True}


def test_null_session_without_secret_key(app: Flask) -> None:
    app.config["SECRET_KEY"] = None
    with app.test_request_context():
        assert isinstance(session._get_current_object(), NullSession)  # type: ignore[attr-defined]
        assert session.get("x") is None
        assert dict(session) == {}
        for change in (
            lambda: session.pop("x", None),
            session.clear,
            lambda: flash("x"),
        ):
            with pytest.raises(RuntimeError, match="no secret key was set"):
                change()


def test_unserializable_value_fails_on_save(app: Flask, client: FlaskClient) -> None:
    app.add_url_rule("/", "index", lambda: session.update(o=object()) or "x")
    with pytest.raises(
        TypeError, match="Object of type object is not JSON serializable"
    ):
        client.get("/")


class RecordingInterface(SecureCookieSessionInterface):
    def __init__(self, log: list[str]) -> None:
        self.log = log

    def open_session(self, app: Flask, request: Request) -> SecureCookieSession | None:  # type: ignore[override]
        self.log.append("open")
        return super().open_session(app, request)

    def save_session(
        self, app: Flask, session: SessionMixin, response: Response
    ) -> None:  # type: ignore[override]
        self.log.append("save")
        super().save_session(app, session, response)


def test_custom_interface_call_order(app: Flask, client: FlaskClient) -> None:
    log: list[str] = []
    app.session_interface = RecordingInterface(log)
    app.before_request(lambda: log.append("before") and None)
    app.after_request(lambda r: log.append("after") or r)
    app.teardown_request(lambda e: log.append("teardown"))
    app.add_url_rule("/", "index", lambda: log.append("view") or "x")
    client.get("/")
    assert log == ["open", "before", "view", "after", "save", "teardown"]


def test_custom_interface_opened_on_context_push(app: Flask) -> None:
    log: list[str] = []
    app.session_interface = RecordingInterface(log)
    with app.test_request_context():
        log.append("inside")
    assert log == ["open", "inside"]


def test_interface_returning_none_gives_null_session(
    app: Flask, client: FlaskClient
) -> None:
    class Nothing(SessionInterface):
        def open_session(self, app: Flask, request: Request) -> None:  # type: ignore[override]
            return None

        def save_session(
            self, app: Flask, session: SessionMixin, response: Response
        ) -> None:  # type: ignore[override]
            raise AssertionError("a null session is never saved")

    app.session_interface = Nothing()
    app.add_url_rule("/", "index", lambda: type(session._get_current_object()).__name__)  # type: ignore[attr-defined]
    assert client.get("/").text == "NullSession"
