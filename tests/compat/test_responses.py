"""View return values, make_response, JSON, abort and redirect."""

from __future__ import annotations

import datetime
import decimal
import re
import uuid
from collections.abc import Iterator

import pytest
from werkzeug.exceptions import BadRequest
from werkzeug.exceptions import NotFound

from flaskish import abort
from flaskish import Flask
from flaskish import jsonify
from flaskish import make_response
from flaskish import redirect
from flaskish import request
from flaskish import Response
from flaskish.testing import FlaskClient


def _serve(app: Flask, value: object) -> Response:
    app.add_url_rule("/", "index", lambda: value)
    return app.test_client().get("/")


def test_str_return(app: Flask) -> None:
    response = _serve(app, "héllo")
    assert response.status == "200 OK"
    assert response.headers["Content-Type"] == "text/html; charset=utf-8"
    assert response.data == "héllo".encode()


def test_bytes_return(app: Flask) -> None:
    response = _serve(app, b"\x00raw")
    assert response.data == b"\x00raw"
    assert response.mimetype == "text/html"


def test_dict_return_is_json(app: Flask) -> None:
    response = _serve(app, {"b": 1, "a": [1, 2]})
    assert response.mimetype == "application/json"
    assert response.data == b'{"a":[1,2],"b":1}\n'


def test_list_return_is_json(app: Flask) -> None:
    response = _serve(app, [1, "two", None])
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


def test_response_object_is_used_as_is(app: Flask) -> None:
    response = _serve(app, Response("made", status=201, mimetype="text/plain"))
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
    app: Flask, value: object, status: str, header: str | None
) -> None:
    response = _serve(app, value)
    assert response.status == status
    assert response.data == b"body"
    assert response.headers.get("X-A") == header


def test_tuple_with_response_updates_it(app: Flask) -> None:
    response = _serve(app, (Response("r", headers={"X-A": "old"}), 404, {"X-B": "b"}))
    assert response.status_code == 404
    assert response.headers["X-A"] == "old"
    assert response.headers["X-B"] == "b"


def test_tuple_headers_replace_existing(app: Flask) -> None:
    response = _serve(app, (Response("r", headers={"X-A": "1"}), {"X-A": "2"}))
    assert response.headers.getlist("X-A") == ["2"]


def test_dict_tuple_with_status(app: Flask) -> None:
    response = _serve(app, ({"error": "no"}, 400))
    assert response.status_code == 400
    assert response.json == {"error": "no"}


def test_wsgi_callable_return(app: Flask) -> None:
    def wsgi(environ: dict[str, object], start_response: object) -> list[bytes]:
        start_response("203 Non-Authoritative", [("X-W", "1")])  # type: ignore[operator]
        return [b"wsgi"]

    response = _serve(app, wsgi)
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


def test_bad_type_is_type_error(app: Flask) -> None:
    with pytest.raises(TypeError) as info:
        _serve(app, 42)
    assert str(info.value) == (
        "The view function did not return a valid response. The return type"
        " must be a string, dict, list, tuple with headers or status, Response"
        " instance, or WSGI callable, but it was a int."
    )


def test_bad_tuple_length_is_type_error(app: Flask) -> None:
    with pytest.raises(TypeError) as info:
        _serve(app, ("a", 200, {}, "extra"))
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


def test_jsonify_args_and_kwargs(app: Flask) -> None:
    with app.app_context():
        assert jsonify(1, 2).json == [1, 2]
        assert jsonify([1]).json == [1]
        assert jsonify(a=1).json == {"a": 1}
        assert jsonify().data == b"null\n"
        assert jsonify("s").data == b'"s"\n'
        with pytest.raises(TypeError) as info:
            jsonify(1, a=2)
        assert (
            str(info.value)
            == "app.json.response() takes either args or kwargs, not both"
        )


def test_jsonify_sort_keys_and_compact(app: Flask) -> None:
    with app.app_context():
        assert jsonify(b=1, a=2).data == b'{"a":2,"b":1}\n'
        app.json.sort_keys = False  # type: ignore[attr-defined]
        assert jsonify(b=1, a=2).data == b'{"b":1,"a":2}\n'
        app.json.compact = False  # type: ignore[attr-defined]
        assert jsonify(b=1).data == b'{\n  "b": 1\n}\n'


def test_json_pretty_in_debug(app: Flask) -> None:
    app.debug = True
    with app.app_context():
        assert jsonify(a=[1]).data == b'{\n  "a": [\n    1\n  ]\n}\n'


def test_json_mimetype_setting(app: Flask) -> None:
    app.json.mimetype = "application/vnd.api+json"  # type: ignore[attr-defined]
    response = _serve(app, {"a": 1})
    assert response.headers["Content-Type"] == "application/vnd.api+json"


def test_json_dates_and_decimals(app: Flask) -> None:
    value = {
        "d": datetime.date(2024, 2, 3),
        "n": decimal.Decimal("1.50"),
        "u": uuid.UUID(int=1),
    }
    assert _serve(app, value).json == {
        "d": "Sat, 03 Feb 2024 00:00:00 GMT",
        "n": "1.50",
        "u": "00000000-0000-0000-0000-000000000001",
    }


def test_json_unserializable_is_type_error(app: Flask) -> None:
    with pytest.raises(
        TypeError, match=re.escape("Object of type object is not JSON serializable")
    ):
        _serve(app, {"x": object()})


def test_get_json_reads_body(app: Flask, client: FlaskClient) -> None:
    app.add_url_rule("/", "i", lambda: {"got": request.get_json()}, methods=["POST"])
    assert client.post("/", json={"a": 1}).json == {"got": {"a": 1}}


@pytest.mark.parametrize(
    ("kwargs", "status"),
    [
        ({"data": "{not json", "content_type": "application/json"}, 400),
        ({"data": "{}", "content_type": "text/plain"}, 415),
    ],
)
def test_get_json_errors(
    app: Flask, client: FlaskClient, kwargs: dict[str, str], status: int
) -> None:
    app.add_url_rule("/", "i", lambda: {"got": request.get_json()}, methods=["POST"])
    assert client.post("/", **kwargs).status_code == status


def test_get_json_silent_and_force(app: Flask) -> None:
    with app.test_request_context(data="[1]", content_type="text/plain"):
        assert request.get_json(silent=True) is None
        assert request.get_json(force=True) == [1]
        assert request.is_json is False


def test_bad_json_raises_bad_request(app: Flask) -> None:
    with app.test_request_context(data="{", content_type="application/json"):
        with pytest.raises(BadRequest) as info:
            request.get_json()
        assert info.value.description == (
            "The browser (or proxy) sent a request that this server could not understand."
        )


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


def test_response_class_override(app: Flask) -> None:
    class Custom(Response):
        default_mimetype = "text/plain"

    app.response_class = Custom
    response = _serve(app, "plain")
    assert response.headers["Content-Type"] == "text/plain; charset=utf-8"
