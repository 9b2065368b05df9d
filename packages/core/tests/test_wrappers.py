from __future__ import annotations

import typing as t

import pytest
import werkzeug.wrappers.response as werkzeug_response
from werkzeug.wrappers import Request as RequestBase
from werkzeug.wrappers import Response as ResponseBase

from flaskish_blueprints import Blueprint
from flaskish_core import json as fjson
from flaskish_core.app import Flask
from flaskish_core.wrappers import Request
from flaskish_core.wrappers import Response


@pytest.fixture
def app() -> Flask:
    return Flask("wrappers_app")


def test_request_defaults_outside_app() -> None:
    request = Request.from_values("/")
    assert request.url_rule is None
    assert request.view_args is None
    assert request.routing_exception is None
    assert request.endpoint is None
    assert request.blueprint is None
    assert request.blueprints == []
    assert request.json_module is fjson
    assert request.max_content_length == RequestBase.max_content_length
    assert request.max_form_memory_size == RequestBase.max_form_memory_size
    assert request.max_form_parts == RequestBase.max_form_parts


def test_request_limits_follow_app_config(app: Flask) -> None:
    app.config.update(MAX_CONTENT_LENGTH=10, MAX_FORM_MEMORY_SIZE=20, MAX_FORM_PARTS=30)
    request = Request.from_values("/")
    with app.app_context():
        assert request.max_content_length == 10
        assert request.max_form_memory_size == 20
        assert request.max_form_parts == 30
        request.max_content_length = 1
        request.max_form_memory_size = 2
        request.max_form_parts = 3
        assert request.max_content_length == 1
        assert request.max_form_memory_size == 2
        assert request.max_form_parts == 3


def test_default_form_limits_from_config(app: Flask) -> None:
    with app.app_context():
        request = Request.from_values("/")
        assert request.max_content_length is None
        assert request.max_form_memory_size == 500_000
        assert request.max_form_parts == 1_000


def test_body_over_max_content_length_is_413(app: Flask) -> None:
    app.config["MAX_CONTENT_LENGTH"] = 5

    @app.post("/")
    def index() -> str:
        from flaskish_context import request

        return request.get_data(as_text=True)

    client = app.test_client()
    assert client.post("/", data="12345").get_data(as_text=True) == "12345"
    assert client.post("/", data="123456").status_code == 413


def test_form_field_over_memory_size_is_413(app: Flask) -> None:
    # The limit also counts multipart part overhead, so leave room for it.
    app.config["MAX_FORM_MEMORY_SIZE"] = 1000

    @app.post("/")
    def index() -> str:
        from flaskish_context import request

        return request.form["a"]

    client = app.test_client()
    small = client.post("/", data={"a": "1234"}, content_type="multipart/form-data")
    assert small.get_data(as_text=True) == "1234"
    big = client.post("/", data={"a": "x" * 2000}, content_type="multipart/form-data")
    assert big.status_code == 413


def test_too_many_form_parts_is_413(app: Flask) -> None:
    app.config["MAX_FORM_PARTS"] = 2

    @app.post("/")
    def index() -> str:
        from flaskish_context import request

        return str(len(request.form))

    client = app.test_client()
    two = {"a": "1", "b": "2"}
    three = {"a": "1", "b": "2", "c": "3"}
    kind = "multipart/form-data"
    assert client.post("/", data=two, content_type=kind).get_data(as_text=True) == "2"
    assert client.post("/", data=three, content_type=kind).status_code == 413


def test_endpoint_and_nested_blueprints(app: Flask) -> None:
    seen: dict[str, object] = {}

    def record(**view_args: object) -> str:
        from flaskish_context import request

        seen.update(
            endpoint=request.endpoint,
            blueprint=request.blueprint,
            blueprints=request.blueprints,
            view_args=request.view_args,
            rule=request.url_rule.rule if request.url_rule else None,
        )
        return "ok"

    parent = Blueprint("parent", __name__, url_prefix="/p")
    child = Blueprint("child", __name__, url_prefix="/c")
    child.add_url_rule("/<int:n>", "leaf", record)
    parent.register_blueprint(child)
    app.register_blueprint(parent)
    app.add_url_rule("/top", "top", record)
    client = app.test_client()

    assert client.get("/p/c/3").status_code == 200
    assert seen == {
        "endpoint": "parent.child.leaf",
        "blueprint": "parent.child",
        "blueprints": ["parent.child", "parent"],
        "view_args": {"n": 3},
        "rule": "/p/c/<int:n>",
    }
    client.get("/top")
    assert seen["endpoint"] == "top"
    assert seen["blueprint"] is None
    assert seen["blueprints"] == []


def test_routing_exception_recorded(app: Flask) -> None:
    with app.test_request_context("/missing"):
        from flaskish_context import request

        assert request.routing_exception is not None
        assert request.routing_exception.code == 404
        assert request.endpoint is None


def test_response_defaults() -> None:
    response = Response("hi")
    assert response.mimetype == "text/html"
    assert response.headers["Content-Type"] == "text/html; charset=utf-8"
    assert response.json_module is fjson
    assert Response.autocorrect_location_header is False
    assert response.max_cookie_size == ResponseBase.max_cookie_size == 4093


def test_response_max_cookie_size_from_config(app: Flask) -> None:
    app.config["MAX_COOKIE_SIZE"] = 100
    with app.app_context():
        response = Response()
        assert response.max_cookie_size == 100
        with pytest.warns(UserWarning, match="cookie is too large"):
            response.set_cookie("big", "x" * 200)


def test_response_json_property(app: Flask) -> None:
    response = Response('{"a": [1]}', mimetype="application/json")
    assert response.json == {"a": [1]}
    assert Response("x").json is None


def wsgi_environ(method: str = "GET", path: str = "/here/") -> dict[str, t.Any]:
    return {
        "SERVER_NAME": "example.org",
        "SERVER_PORT": "80",
        "wsgi.url_scheme": "http",
        "REQUEST_METHOD": method,
        "PATH_INFO": path,
    }


def test_relative_location_header_kept() -> None:
    response = Response(status=302, headers={"Location": "/next"})
    headers = response.get_wsgi_headers(wsgi_environ())
    assert headers["Location"] == "/next"


def served(response: ResponseBase, method: str = "GET") -> tuple[object, bytes]:
    """The iterable ``response`` gives a WSGI server, and what it sends."""
    environ = wsgi_environ(method)
    iterable = response(environ, lambda status, headers, exc_info=None: None)
    body = b"".join(iterable)
    close = getattr(iterable, "close", None)
    if close is not None:
        close()
    return iterable, body


def test_buffered_bytes_body_is_served_as_it_is() -> None:
    response = Response("héllo")
    iterable, body = served(response)
    assert iterable is response.response
    assert body == "héllo".encode()


def test_close_callbacks_still_run() -> None:
    calls: list[str] = []
    response = Response("body")
    response.call_on_close(lambda: calls.append("closed"))
    iterable, body = served(response)
    assert body == b"body"
    assert iterable is not response.response
    assert calls == ["closed"]


def test_text_chunks_in_a_list_are_encoded() -> None:
    response = Response()
    response.response = ["é", b"-", "x"]
    iterable, body = served(response)
    assert iterable is not response.response
    assert body == "é-x".encode()


@pytest.mark.parametrize(
    ("method", "status"), [("HEAD", 200), ("GET", 204), ("GET", 304), ("GET", 101)]
)
def test_bodiless_answers_send_no_body(method: str, status: int) -> None:
    response = Response("body", status=status)
    iterable, body = served(response, method)
    assert body == b""
    assert iterable is not response.response


def test_streamed_body_is_closed() -> None:
    closed: list[bool] = []

    def stream() -> t.Iterator[bytes]:
        try:
            yield b"a"
            yield b"b"
        finally:
            closed.append(True)

    body = served(Response(stream()))[1]
    assert body == b"ab"
    assert closed == [True]


def test_subclass_close_and_iter_encoded_are_used() -> None:
    calls: list[str] = []

    class Closing(Response):
        def close(self) -> None:
            calls.append("close")
            super().close()

    class Upper(Response):
        def iter_encoded(self) -> t.Iterator[bytes]:
            return (chunk.upper() for chunk in super().iter_encoded())

    assert served(Closing("x"))[1] == b"x"
    assert calls == ["close"]
    assert served(Upper("x"))[1] == b"X"


def stream() -> t.Iterator[bytes]:
    yield b"streamed"


RESPONSES: dict[str, t.Callable[[type[ResponseBase]], ResponseBase]] = {
    "plain": lambda cls: cls("body", headers={"X-A": "1"}),
    "json": lambda cls: cls('{"a":1}', mimetype="application/json"),
    "relative location": lambda cls: cls(status=302, headers={"Location": "next"}),
    "location with body": lambda cls: cls(
        "moved", status=302, headers={"Location": "next"}
    ),
    "IRI location": lambda cls: cls(status=302, headers={"location": "/ünï"}),
    "content location": lambda cls: cls("x", headers={"Content-Location": "/ü"}),
    "no content": lambda cls: cls("x", status=204),
    "not modified": lambda cls: cls(
        "x", status=304, headers={"Content-Encoding": "gzip", "ETag": '"e"'}
    ),
    "switching": lambda cls: cls("x", status=101),
    "streamed": lambda cls: cls(stream()),
    "length removed": lambda cls: _without_length(cls("body")),
    "duplicate headers": lambda cls: cls("x", headers=[("X-B", "1"), ("X-B", "2")]),
    "common headers": lambda cls: cls(
        "x",
        headers=[
            ("Set-Cookie", "a=1"),
            ("Vary", "Cookie"),
            ("Cache-Control", "no-cache"),
            ("ETag", '"e"'),
            ("Last-Modified", "Wed, 21 Oct 2015 07:28:00 GMT"),
        ],
    ),
    "location after common headers": lambda cls: cls(
        "x", status=301, headers=[("Vary", "Cookie"), ("LOCATION", "/ü")]
    ),
    "length spelt in lower case": lambda cls: _with_length(
        cls("body"), "content-length"
    ),
}


def _with_length(response: ResponseBase, name: str) -> ResponseBase:
    del response.headers["Content-Length"]
    response.headers[name] = "4"
    return response


def _without_length(response: ResponseBase) -> ResponseBase:
    del response.headers["Content-Length"]
    return response


@pytest.mark.parametrize("method", ["GET", "HEAD"])
@pytest.mark.parametrize("autocorrect", [False, True])
@pytest.mark.parametrize("kind", sorted(RESPONSES))
def test_wsgi_response_matches_werkzeug(
    kind: str, autocorrect: bool, method: str
) -> None:
    class Ours(Response):
        autocorrect_location_header = autocorrect

    class Theirs(ResponseBase):
        autocorrect_location_header = autocorrect
        default_mimetype = "text/html"

    ours = RESPONSES[kind](Ours)
    theirs = RESPONSES[kind](Theirs)
    before = list(ours.headers)
    our_iter, our_status, our_headers = ours.get_wsgi_response(wsgi_environ(method))
    their_iter, their_status, their_headers = theirs.get_wsgi_response(
        wsgi_environ(method)
    )
    assert our_status == their_status
    assert our_headers == their_headers
    assert b"".join(our_iter) == b"".join(their_iter)
    assert list(ours.headers) == before  # the response itself is unchanged


class CountingHeaders(werkzeug_response.Headers):
    copies = 0

    def __init__(self, *args: t.Any) -> None:
        CountingHeaders.copies += 1
        super().__init__(*args)


def test_headers_are_copied_only_when_adjusted(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(werkzeug_response, "Headers", CountingHeaders)
    response = Response("body")
    status, headers = served_headers(response)
    assert CountingHeaders.copies == 0
    assert status == "200 OK"
    assert headers == [
        ("Content-Type", "text/html; charset=utf-8"),
        ("Content-Length", "4"),
    ]
    headers.append(("X-Late", "1"))
    assert "X-Late" not in response.headers
    served_headers(Response(status=302, headers={"Location": "/next"}))
    assert CountingHeaders.copies == 1


def test_subclass_get_wsgi_headers_is_called() -> None:
    class Stamped(Response):
        def get_wsgi_headers(self, environ: t.Any) -> t.Any:
            headers = super().get_wsgi_headers(environ)
            headers["X-Stamped"] = "yes"
            return headers

    response = Stamped("body")
    assert ("X-Stamped", "yes") in served_headers(response)[1]
    assert "X-Stamped" not in response.headers


def served_headers(response: ResponseBase) -> tuple[str, list[tuple[str, str]]]:
    started: list[tuple[str, list[tuple[str, str]]]] = []
    response(
        wsgi_environ(),
        lambda status, headers, exc_info=None: started.append((status, headers)),
    )
    return started[0]


def test_instance_overrides_are_called() -> None:
    calls: list[str] = []
    closing = Response("body")
    werkzeug_close = closing.close

    def close() -> None:
        calls.append("close")
        werkzeug_close()

    closing.close = close  # type: ignore[method-assign]
    assert served(closing)[1] == b"body"
    assert calls == ["close"]

    encoded = Response("body")
    encoded.iter_encoded = lambda: iter([b"BODY"])  # type: ignore[method-assign]
    assert served(encoded)[1] == b"BODY"

    stamped = Response("body")
    werkzeug_headers = stamped.get_wsgi_headers

    def get_wsgi_headers(environ: t.Any) -> t.Any:
        headers = werkzeug_headers(environ)
        headers["X-Stamped"] = "yes"
        return headers

    stamped.get_wsgi_headers = get_wsgi_headers  # type: ignore[method-assign]
    assert ("X-Stamped", "yes") in served_headers(stamped)[1]


def test_body_without_automatic_length_keeps_werkzeug_iterator() -> None:
    # A server may add Content-Length for a one-item list; werkzeug's
    # iterator does not let it, so neither does flaskish.
    class Unsized(Response):
        automatically_set_content_length = False

    response = Unsized("hello")
    del response.headers["Content-Length"]
    iterable, body = served(response)
    assert body == b"hello"
    assert not isinstance(iterable, list)
    assert "Content-Length" not in dict(served_headers(Unsized("hello"))[1])


def test_headers_are_taken_before_the_body() -> None:
    class LateHeader(Response):
        def get_app_iter(self, environ: t.Any) -> t.Iterable[bytes]:
            self.headers["X-Late"] = "1"
            return super().get_app_iter(environ)

    ours = served_headers(LateHeader("body"))[1]

    class TheirLateHeader(ResponseBase):
        def get_app_iter(self, environ: t.Any) -> t.Iterable[bytes]:
            self.headers["X-Late"] = "1"
            return super().get_app_iter(environ)

    theirs = served_headers(TheirLateHeader("body", mimetype="text/html"))[1]
    assert ours == theirs
    assert "X-Late" not in dict(ours)


def test_app_response_is_the_buffered_body(app: Flask) -> None:
    app.add_url_rule("/", "index", lambda: "Hello")
    environ = wsgi_environ(path="/")
    started: list[str] = []
    iterable = app(
        environ, lambda status, headers, exc_info=None: started.append(status)
    )
    assert iterable == [b"Hello"]
    assert started == ["200 OK"]


def test_blueprints_follow_a_replaced_rule() -> None:
    from werkzeug.routing import Rule
    from werkzeug.test import EnvironBuilder

    request = Request(EnvironBuilder().get_environ())
    assert request.blueprints == []
    request.url_rule = Rule("/", endpoint="outer.inner.view")
    assert request.blueprints == ["outer.inner", "outer"]
    assert request.blueprints is request.blueprints
    request.url_rule = Rule("/", endpoint="other.view")
    assert request.blueprints == ["other"]


class OwnInitResponse(Response):
    def __init__(self, *args: t.Any, **kwargs: t.Any) -> None:
        self.init_args = (args, kwargs)
        super().__init__(*args, **kwargs)


@pytest.mark.parametrize("response_class", [Response, OwnInitResponse])
@pytest.mark.parametrize(
    "rv", ["text", "héllo", b"bytes", ("made", 201), ("gone", 404), ("x", 299)]
)
def test_view_responses_equal_the_constructor(
    app: Flask, response_class: type[Response], rv: t.Any
) -> None:
    """Built directly or not, a view's response is the constructor's, and a
    class with its own __init__ gets Flask's arguments."""
    app.response_class = response_class
    body, status = rv if isinstance(rv, tuple) else (rv, None)
    with app.test_request_context():
        made = app.make_response(rv)
        expected = response_class(body, status=status, headers=None)
        state = dict(vars(made), headers=list(made.headers))
        assert state == dict(vars(expected), headers=list(expected.headers))
        assert list(vars(made)) == list(vars(expected))
        json_made = fjson.jsonify(a=[1, "é"])
        json_expected = response_class(
            '{"a":[1,"\\u00e9"]}\n', mimetype="application/json"
        )
        assert list(json_made.headers) == list(json_expected.headers)
        assert json_made.get_data() == json_expected.get_data()
    if response_class is OwnInitResponse:
        assert made.init_args == ((body,), {"status": status, "headers": None})  # type: ignore[attr-defined]
        assert json_made.init_args[1] == {"mimetype": "application/json"}  # type: ignore[attr-defined]
