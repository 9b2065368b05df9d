"""HTTP exceptions returned or raised in views become werkzeug's error pages."""

from __future__ import annotations

from http import HTTPStatus
from typing import Any

import pytest
from markupsafe import Markup
from werkzeug import exceptions as exc
from werkzeug.datastructures import WWWAuthenticate
from werkzeug.http import HTTP_STATUS_CODES
from werkzeug.test import Client
from werkzeug.test import EnvironBuilder
from werkzeug.wrappers import Response

from flaskish_routing import Router
from flaskish_routing.error_pages import exception_response


class Teapot(exc.HTTPException):
    code = 599


class OwnBody(exc.NotFound):
    def get_body(self, environ: Any = None, scope: Any = None) -> str:
        return f"own body for {environ['PATH_INFO']}"


class OwnDescription(exc.NotFound):
    def get_description(self, environ: Any = None, scope: Any = None) -> str:
        return f"<p>{environ['PATH_INFO']}</p>"


class OwnName(exc.NotFound):
    @property
    def name(self) -> str:
        return "Gone Fishing"


class OwnHeaders(exc.NotFound):
    def get_headers(self, environ: Any, scope: Any) -> Any:  # both required
        return [("Content-Type", "text/plain"), ("X-Path", environ["PATH_INFO"])]


class OwnResponse(exc.NotFound):
    def get_response(self, environ: Any = None, scope: Any = None) -> Any:
        return Response("mine", 410)


def _set(e: exc.HTTPException, **attributes: Any) -> exc.HTTPException:
    for name, value in attributes.items():
        setattr(e, name, value)
    return e


def _exceptions() -> list[exc.HTTPException]:
    return [
        _set(exc.NotFound(), code=HTTPStatus.GONE),
        _set(exc.NotFound(), code=410),
        _set(exc.NotFound(), code=599),
        _set(exc.NotFound(), description=None),
        exc.NotFound(),
        exc.NotFound("line one\nline <two> & 'three'"),
        exc.NotFound(Markup("<b>kept</b>")),
        exc.BadRequest(),
        exc.Forbidden(None),
        exc.MethodNotAllowed(valid_methods=["GET", "POST"]),
        exc.MethodNotAllowed(valid_methods=["PUT"]),
        exc.InternalServerError(original_exception=ValueError("x")),
        exc.Unauthorized(www_authenticate=WWWAuthenticate("basic")),
        exc.TooManyRequests(retry_after=30),
        exc.NotFound(response=Response("given", 404)),
        exc.HTTPException("no code"),
        Teapot(),
        OwnBody(),
        OwnDescription(),
        OwnName(),
        OwnHeaders(),
        OwnResponse(),
    ]


@pytest.mark.parametrize("path", ["/a", "/b", None])
def test_same_response_as_get_response(path: str | None) -> None:
    environ = None if path is None else EnvironBuilder(path=path).get_environ()
    for _ in range(2):  # rendered, then remembered
        for e in _exceptions():
            if environ is None and isinstance(e, (OwnBody, OwnDescription, OwnHeaders)):
                continue  # these read the environ
            made = exception_response(e, environ)  # type: ignore[arg-type]
            expected = e.get_response(environ)
            assert type(made) is type(expected)
            assert made.status == expected.status
            assert made.headers.to_wsgi_list() == expected.headers.to_wsgi_list()
            assert made.get_data() == expected.get_data()
            # The same object, attribute by attribute.
            made_attributes = dict(vars(made), headers=made.headers.to_wsgi_list())
            expected_attributes = dict(
                vars(expected), headers=expected.headers.to_wsgi_list()
            )
            assert made_attributes == expected_attributes


def test_each_call_gets_a_new_response() -> None:
    environ = EnvironBuilder().get_environ()
    first = exception_response(exc.NotFound(), environ)
    first.headers["X-A"] = "1"
    first.set_data(b"changed")
    second = exception_response(exc.NotFound(), environ)
    assert second is not first
    assert "X-A" not in second.headers
    assert b"Not Found" in second.get_data()


def test_status_names_are_read_each_time(monkeypatch: pytest.MonkeyPatch) -> None:
    environ = EnvironBuilder().get_environ()
    assert b"Unknown Error" in exception_response(Teapot(), environ).get_data()
    monkeypatch.setitem(HTTP_STATUS_CODES, 599, "Short And Stout")
    page = exception_response(Teapot(), environ).get_data()
    assert b"<title>599 Short And Stout</title>" in page


def test_router_serves_error_pages() -> None:
    app = Router(__name__)

    def view() -> Any:
        raise exc.NotFound("no <such> page")

    app.add_url_rule("/gone", "gone", view)
    app.add_url_rule("/own", "own", OwnDescription)
    client = Client(app)
    for _ in range(2):
        missing = client.get("/missing")
        assert missing.status_code == 404
        assert missing.headers["Content-Type"] == "text/html; charset=utf-8"
        assert exc.NotFound().get_body() == missing.get_data(as_text=True)
        gone = client.get("/gone")
        assert "<p>no &lt;such&gt; page</p>" in gone.get_data(as_text=True)
        assert "<p>/own</p>" in client.get("/own").get_data(as_text=True)
        not_allowed = client.post("/gone")
        assert not_allowed.status_code == 405
        assert set(not_allowed.headers["Allow"].split(", ")) == {
            "GET",
            "HEAD",
            "OPTIONS",
        }
