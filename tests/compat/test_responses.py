"""View return values, make_response, abort and redirect."""

from __future__ import annotations

from collections.abc import Callable
from collections.abc import Iterator

import pytest
from werkzeug.exceptions import NotFound

from flaskish import abort
from flaskish import Flask
from flaskish import jsonify
from flaskish import make_response
from flaskish import redirect
from flaskish import Response
from flaskish.testing import FlaskClient

Serve = Callable[[object], Response]


def test_str_return(app: Flask, serve: Serve) -> None:
    response = serve("héllo")
    assert response.status == "200 OK"
    assert response.headers["Content-Type"] == "text/html; charset=utf-8"
    assert response.data == "héllo".encode()


def test_bytes_return(app: Flask, serve: Serve) -> None:
    response = serve(b"\x00raw")
    assert response.data == b"\x00raw"
    assert response.mimetype == "text/html"


def test_dict_return_is_json(app: Flask, serve: Serve) -> None:
    response = serve({"b": 1, "a": [1, 2]})
    assert response.mimetype == "application/json"
    assert response.data == b'{"a":[1,2],"b":1}\n'


def test_list_return_is_json(app: Flask, serve: Serve) -> None:
    response = serve([1, "two", None])
    assert response.mimetype == "application/json"
    assert response.json == [1, "two", None]


def test_generator_return_streams(app: Flask) -> None:
    def chunks() -> Iterator[str]:
        yield "a"
        yield "b"

    app.add_url_rule("/", "index", chunks)
    response = app.test_client().get("/")
    assert response.is_streamed
    assert response.data == b"ab"


def test_response_object_is_used_as_is(app: Flask, serve: Serve) -> None:
    response = serve(Response("made", status=201, mimetype="text/plain"))
    assert response.status_code == 201
    assert response.headers["Content-Type"] == "text/plain; charset=utf-8"


@pytest.mark.parametrize(
    ("value", "status", "header"),
    [
        (("body", 201), "201 CREATED", None),
        (("body", "299 Custom"), "299 Custom", None),
        (("body", {"X-A": "1"}), "200 OK", "1"),
        (("body", [("X-A", "2")]), "200 OK", "2"),
        (("body", 202, {"X-A": "3"}), "202 ACCEPTED", "3"),
        (("body", "418 Teapot", [("X-A", "4")]), "418 Teapot", "4"),
    ],
)
def test_tuple_forms(
    app: Flask, serve: Serve, value: object, status: str, header: str | None
) -> None:
    response = serve(value)
    assert response.status == status
    assert response.data == b"body"
    assert response.headers.get("X-A") == header


def test_tuple_with_response_updates_it(app: Flask, serve: Serve) -> None:
    response = serve((Response("r", headers={"X-A": "old"}), 404, {"X-B": "b"}))
    assert response.status_code == 404
    assert response.headers["X-A"] == "old"
    assert response.headers["X-B"] == "b"


def test_tuple_headers_replace_existing(app: Flask, serve: Serve) -> None:
    response = serve((Response("r", headers={"X-A": "1"}), {"X-A": "2"}))
    assert response.headers.getlist("X-A") == ["2"]


def test_dict_tuple_with_status(app: Flask, serve: Serve) -> None:
    response = serve(({"error": "no"}, 400))
    assert response.status_code == 400
    assert response.json == {"error": "no"}


def test_wsgi_callable_return(app: Flask, serve: Serve) -> None:
    def wsgi(environ: dict[str, object], start_response: object) -> list[bytes]:
        start_response("203 Non-Authoritative", [("X-W", "1")])  # type: ignore[operator]
        return [b"wsgi"]

    response = serve(wsgi)
    assert response.status == "203 Non-Authoritative"
    assert response.headers["X-W"] == "1"
    assert response.data == b"wsgi"


def test_none_return_is_type_error(app: Flask) -> None:
    @app.route("/")
    def index() -> None:
        pass

    with pytest.raises(TypeError) as info:
        app.test_client().get("/")
    assert str(info.value) == (
        "The view function for 'index' did not return a valid response. The"
        " function either returned None or ended without a return statement."
    )


def test_bad_type_is_type_error(app: Flask, serve: Serve) -> None:
    with pytest.raises(TypeError) as info:
        serve(42)
    assert str(info.value) == (
        "The view function did not return a valid response. The return type"
        " must be a string, dict, list, tuple with headers or status, Response"
        " instance, or WSGI callable, but it was a int."
    )


def test_bad_tuple_length_is_type_error(app: Flask, serve: Serve) -> None:
    with pytest.raises(TypeError) as info:
        serve(("a", 200, {}, "extra"))
    assert str(info.value) == (
        "The view function did not return a valid response tuple. The tuple"
        " must have the form (body, status, headers), (body, status), or"
        " (body, headers)."
    )


def test_make_response_forms(app: Flask) -> None:
    with app.test_request_context():
        empty = make_response()
        assert empty.status_code == 200
        assert empty.data == b""
        made = make_response("text", 404, {"X-M": "m"})
        assert (made.status_code, made.data, made.headers["X-M"]) == (404, b"text", "m")
        from_dict = make_response({"k": "v"})
        assert from_dict.json == {"k": "v"}
        original = Response("same")
        assert make_response(original) is original


def test_make_response_in_view_allows_header_changes(
    app: Flask, client: FlaskClient
) -> None:
    @app.route("/")
    def index() -> Response:
        response = make_response("body")
        response.set_cookie("c", "v")
        response.headers["X-Extra"] = "yes"
        return response

    response = client.get("/")
    assert response.headers["X-Extra"] == "yes"
    assert response.headers["Set-Cookie"] == "c=v; Path=/"


@pytest.mark.parametrize(
    ("code", "phrase"),
    [
        (400, "Bad Request"),
        (403, "Forbidden"),
        (410, "Gone"),
        (500, "Internal Server Error"),
    ],
)
def test_abort_codes(app: Flask, code: int, phrase: str) -> None:
    app.add_url_rule("/", "i", lambda: abort(code))
    response = app.test_client().get("/")
    assert response.status_code == code
    assert f"<title>{code} {phrase}</title>".encode() in response.data


def test_abort_with_description(app: Flask) -> None:
    app.add_url_rule("/", "i", lambda: abort(404, description="No such thing"))
    assert b"<p>No such thing</p>" in app.test_client().get("/").data


def test_abort_with_response(app: Flask) -> None:
    app.add_url_rule("/", "i", lambda: abort(Response("custom", 409)))
    response = app.test_client().get("/")
    assert (response.status_code, response.data) == (409, b"custom")


def test_abort_unknown_code_is_lookup_error(app: Flask) -> None:
    with app.app_context(), pytest.raises(LookupError, match="no exception for 999"):
        abort(999)


def test_abort_raises_http_exception_outside_request(app: Flask) -> None:
    with pytest.raises(NotFound):
        abort(404)


@pytest.mark.parametrize("code", [301, 302, 303, 307, 308])
def test_redirect_codes(app: Flask, code: int) -> None:
    app.add_url_rule("/", "i", lambda: redirect("/target?a=1", code))
    response = app.test_client().get("/")
    assert response.status_code == code
    assert response.headers["Location"] == "/target?a=1"
    assert b'<a href="/target?a=1">/target?a=1</a>' in response.data


def test_redirect_default_is_302(app: Flask) -> None:
    with app.app_context():
        assert redirect("/x").status_code == 302


def test_response_class_override(app: Flask, serve: Serve) -> None:
    class Custom(Response):
        default_mimetype = "text/plain"

    app.response_class = Custom
    response = serve("plain")
    assert response.headers["Content-Type"] == "text/plain; charset=utf-8"


def test_response_class_with_own_init(app: Flask, serve: Serve) -> None:
    # A constructor of its own sees the arguments as make_response and
    # jsonify give them: no content type is decided for it.
    seen: list[dict[str, object]] = []

    class Xml(Response):
        def __init__(self, *args: object, **kwargs: object) -> None:
            seen.append(dict(kwargs))
            kwargs.setdefault("mimetype", "application/xml")
            super().__init__(*args, **kwargs)  # type: ignore[arg-type]

    app.response_class = Xml
    response = serve("<a/>")
    assert response.headers["Content-Type"] == "application/xml; charset=utf-8"
    assert "content_type" not in seen[0]
    seen.clear()
    with app.app_context():
        assert jsonify(a=1).headers["Content-Type"] == "application/json"
    assert seen == [{"mimetype": "application/json"}]


def test_default_mimetype_none_and_changed(app: Flask) -> None:
    class Bare(Response):
        default_mimetype = None

    app.response_class = Bare
    app.add_url_rule("/", "index", lambda: "body")
    client = app.test_client()
    assert "Content-Type" not in client.get("/").headers
    Bare.default_mimetype = "text/csv"
    assert client.get("/").headers["Content-Type"] == "text/csv; charset=utf-8"
    Bare.default_mimetype = "application/octet-stream"
    assert client.get("/").headers["Content-Type"] == "application/octet-stream"


@pytest.mark.parametrize(
    ("value", "content_type"),
    [
        (("body", {}), "text/html; charset=utf-8"),
        (("body", []), "text/html; charset=utf-8"),
        (("body", 201, {}), "text/html; charset=utf-8"),
        (("body", {"Content-Type": "text/csv"}), "text/csv"),
        (("body", 200, [("content-type", "image/png")]), "image/png"),
    ],
)
def test_tuple_headers_and_content_type(
    app: Flask, serve: Serve, value: object, content_type: str
) -> None:
    response = serve(value)
    assert response.headers.getlist("Content-Type") == [content_type]
    assert response.data == b"body"


def test_max_cookie_size_from_config(app: Flask) -> None:
    assert Response().max_cookie_size == 4093
    app.config["MAX_COOKIE_SIZE"] = 10
    with app.app_context():
        assert Response().max_cookie_size == 10
    assert Response().max_cookie_size == 4093


def test_generator_response_has_no_length(app: Flask, client: FlaskClient) -> None:
    app.add_url_rule("/", "gen", lambda: (part for part in ["a", "b"]))
    response = client.get("/")
    assert (response.headers.get("Content-Length"), response.data) == (None, b"ab")
    head = client.head("/")
    assert (head.headers.get("Content-Length"), head.data) == (None, b"")
