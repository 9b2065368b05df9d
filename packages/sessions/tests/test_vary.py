from __future__ import annotations

from typing import Any

from werkzeug.datastructures import HeaderSet
from werkzeug.wrappers import Response

from flaskish_sessions import SecureCookieSession
from flaskish_sessions import SecureCookieSessionInterface
from flaskish_sessions.vary import vary_on_cookie

from .support import Clock
from .support import make_app

interface = SecureCookieSessionInterface()


def header_names(response: Response) -> list[str]:
    return [name for name, _ in response.headers.to_wsgi_list()]


def test_vary_written_after_other_headers() -> None:
    response = Response(headers={"X-A": "1"})
    vary_on_cookie(response)
    assert response.headers.to_wsgi_list()[-1] == ("Vary", "Cookie")


def test_existing_vary_is_extended_once() -> None:
    response = Response(headers={"vary": "Accept"})
    vary_on_cookie(response)
    vary_on_cookie(response)
    assert response.headers.getlist("Vary") == ["Accept, Cookie"]


def test_accessed_session_varies_before_the_cookie(clock: Clock) -> None:
    session = SecureCookieSession()
    session["a"] = 1
    response = Response()
    interface.save_session(make_app(), session, response)
    assert header_names(response)[-2:] == ["Vary", "Set-Cookie"]
    assert response.headers.getlist("Vary") == ["Cookie"]


def test_modified_unread_session_varies_after_the_cookie(clock: Clock) -> None:
    session = SecureCookieSession({"a": 1})
    session.modified = True
    response = Response()
    interface.save_session(make_app(), session, response)
    assert header_names(response)[-2:] == ["Set-Cookie", "Vary"]
    assert response.headers.getlist("Vary") == ["Cookie"]


def test_modified_unread_empty_session_varies_after_deleting() -> None:
    session = SecureCookieSession()
    session.modified = True
    response = Response()
    interface.save_session(make_app(), session, response)
    assert header_names(response)[-2:] == ["Set-Cookie", "Vary"]
    assert response.headers["Set-Cookie"].startswith("session=; Expires=Thu, 01 Jan")


class OwnVary(Response):
    """A response whose ``vary`` keeps its values elsewhere."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.varied: list[str] = []

    @property
    def vary(self) -> HeaderSet:  # type: ignore[override]
        return HeaderSet(
            on_update=lambda values: self.varied.append(values.to_header())
        )


def test_response_with_its_own_vary_is_used(clock: Clock) -> None:
    session = SecureCookieSession()
    session["a"] = 1
    response = OwnVary()
    interface.save_session(make_app(), session, response)
    assert response.varied == ["Cookie"]
    assert "Vary" not in response.headers
    assert "Set-Cookie" in response.headers


def test_empty_vary_header_goes_through_werkzeug() -> None:
    ours = Response(headers={"Vary": ""})
    vary_on_cookie(ours)
    theirs = Response(headers={"Vary": ""})
    theirs.vary.add("Cookie")
    assert ours.headers.to_wsgi_list() == theirs.headers.to_wsgi_list()
