"""Converting view return values to responses."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from werkzeug.datastructures import Headers
from werkzeug.test import Client
from werkzeug.wrappers import Response

from flaskish_routing import Router
from flaskish_routing.content_type import known_content_type


@pytest.fixture
def returns() -> Any:
    """Serve a view returning ``rv`` and return the client's response."""

    def serve(rv: Any) -> Any:
        app = Router(__name__)
        app.add_url_rule("/", "view", lambda: rv)
        return Client(app).get("/")

    return serve


def test_text_and_bytes(returns: Any) -> None:
    for rv in ("héllo", "héllo".encode(), bytearray("héllo".encode())):
        response = returns(rv)
        assert response.status_code == 200
        assert response.content_type == "text/plain; charset=utf-8"
        assert response.get_data() == "héllo".encode()


def test_generators_and_iterators_stream(returns: Any) -> None:
    def chunks() -> Iterator[str]:
        yield "a"
        yield "b"

    response = returns(chunks())
    assert response.get_data(as_text=True) == "ab"
    assert "Content-Length" not in response.headers
    assert returns(iter([b"x", b"y"])).get_data() == b"xy"


def test_dict_and_list_are_json(returns: Any) -> None:
    response = returns({"a": [1, "é"]})
    assert response.content_type == "application/json"
    assert response.get_data() == b'{"a":[1,"\\u00e9"]}\n'
    assert returns([1, 2]).get_json() == [1, 2]


@pytest.mark.parametrize(
    ("rv", "status", "headers"),
    [
        (("made", 201), "201 CREATED", {}),
        (("made", "299 Custom"), "299 Custom", {}),
        (("made", {"X-A": "1"}), "200 OK", {"X-A": "1"}),
        (("made", [("X-A", "1")]), "200 OK", {"X-A": "1"}),
        (("made", Headers({"X-A": "1"})), "200 OK", {"X-A": "1"}),
        (("made", 202, {"X-A": "1"}), "202 ACCEPTED", {"X-A": "1"}),
        (("made", 202, [("X-A", "1")]), "202 ACCEPTED", {"X-A": "1"}),
    ],
)
def test_tuples(returns: Any, rv: Any, status: str, headers: dict[str, str]) -> None:
    response = returns(rv)
    assert response.status == status
    assert response.text == "made"
    for name, value in headers.items():
        assert response.headers[name] == value


def test_response_object_status_and_headers_are_updated(returns: Any) -> None:
    original = Response("body", status=200, headers={"X-A": "old", "X-B": "b"})
    response = returns((original, 404, {"X-A": "new"}))
    assert response.status_code == 404
    assert response.headers["X-A"] == "new"
    assert response.headers["X-B"] == "b"
    assert returns(({"j": 1}, 201)).get_json() == {"j": 1}


def test_wsgi_callable(returns: Any) -> None:
    def wsgi(environ: dict[str, Any], start_response: Any) -> list[bytes]:
        start_response("203 Non-Authoritative Information", [("X-W", "1")])
        return [environ["PATH_INFO"].encode()]

    response = returns(wsgi)
    assert (response.status_code, response.text) == (203, "/")
    assert response.headers["X-W"] == "1"


def test_other_response_classes_are_coerced() -> None:
    class Mine(Response):
        pass

    class MineRouter(Router):
        response_class = Mine

    app = MineRouter(__name__)
    app.add_url_rule("/", "view", lambda: Response("plain", status=201))
    seen: list[Any] = []
    app.after_request(lambda response: seen.append(type(response)) or response)
    response = Client(app).get("/")
    assert (response.status_code, response.text) == (201, "plain")
    assert seen == [Mine]


def test_make_response_errors(app: Router, client: Client) -> None:
    errors: list[str] = []
    app.register_error_handler(
        500, lambda e: errors.append(str(e.original_exception)) or ""
    )
    app.add_url_rule("/none", "none", lambda: None)
    app.add_url_rule("/int", "int", lambda: 42)
    app.add_url_rule("/tuple", "tuple", lambda: ("a", 200, {}, "extra"))
    app.add_url_rule("/short", "short", lambda: ("a",))
    app.add_url_rule("/call", "call", lambda: lambda: None)
    for url in ("/none", "/int", "/tuple", "/short", "/call"):
        assert client.get(url).status_code == 200
    returns_message = (
        "The view function did not return a valid response. The return type must"
        " be a string, dict, list, tuple with headers or status, Response"
        " instance, or WSGI callable, but it was a {}."
    )
    tuple_message = (
        "The view function did not return a valid response tuple. The tuple must"
        " have the form (body, status, headers), (body, status), or (body,"
        " headers)."
    )
    assert errors[:4] == [
        "The view function for 'none' did not return a valid response. The"
        " function either returned None or ended without a return statement.",
        returns_message.format("int"),
        tuple_message,
        tuple_message,
    ]
    assert errors[4].endswith("\n" + returns_message.format("function"))
    assert "positional argument" in errors[4].split("\n")[0]


def test_make_response_outside_a_request(app: Router) -> None:
    assert app.make_response("x").get_data() == b"x"
    with pytest.raises(TypeError) as info:
        app.make_response(None)
    assert str(info.value).startswith("The view function for None did not")
    with pytest.raises(RuntimeError):
        app.make_response(Response.force_type)


def test_returned_http_exceptions_become_their_responses(returns: Any) -> None:
    from werkzeug.exceptions import MethodNotAllowed
    from werkzeug.exceptions import NotFound

    response = returns(NotFound("no such page"))
    assert response.status_code == 404
    assert response.content_type == "text/html; charset=utf-8"
    assert "<p>no such page</p>" in response.get_data(as_text=True)
    assert isinstance(response, Response)

    response = returns((MethodNotAllowed(valid_methods=["GET", "POST"]), {"X-A": "1"}))
    assert response.status_code == 405
    assert response.headers["Allow"] == "GET, POST"
    assert response.headers["X-A"] == "1"


@pytest.mark.parametrize(
    "mimetype",
    ["text/plain", "text/html", "application/json", "image/svg+xml", "x/y", None],
)
def test_plain_bodies_get_werkzeugs_content_type(mimetype: str | None) -> None:
    # make_response passes the content type werkzeug's constructor would derive.
    class Typed(Response):
        default_mimetype = mimetype

    class TypedRouter(Router):
        response_class = Typed

    app = TypedRouter(__name__)
    app.add_url_rule("/", "view", lambda: "body")
    app.add_url_rule("/made", "made", lambda: ("body", 201))
    app.add_url_rule("/json", "json", lambda: {"a": 1})
    client = Client(app)
    expected = Typed("body").headers.getlist("Content-Type")
    assert client.get("/").headers.getlist("Content-Type") == expected
    made = client.get("/made")
    assert (made.status_code, made.headers.getlist("Content-Type")) == (201, expected)
    json_type = Typed("", mimetype="application/json").headers["Content-Type"]
    assert client.get("/json").headers["Content-Type"] == json_type
    assert known_content_type(Typed) == (expected[0] if expected else None)


def test_response_class_with_own_init_gets_the_arguments_as_given() -> None:
    calls: list[tuple[tuple[Any, ...], dict[str, Any]]] = []

    class Recording(Response):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            calls.append((args, kwargs))
            super().__init__(*args, **kwargs)

    class RecordingRouter(Router):
        response_class = Recording

    app = RecordingRouter(__name__)
    app.add_url_rule("/", "view", lambda: "body")
    app.add_url_rule("/json", "json", lambda: [1])
    assert known_content_type(Recording) is None
    assert app.make_response("body").get_data() == b"body"
    assert app.make_response(("body", 202)).status_code == 202
    app.make_response([1])
    assert calls == [
        (("body",), {"status": None, "headers": None}),
        (("body",), {"status": 202, "headers": None}),
        (("[1]\n",), {"mimetype": "application/json"}),
    ]


def test_dynamic_default_mimetype_is_read_per_response() -> None:
    class Switching(Response):
        pass

    class SwitchingRouter(Router):
        response_class = Switching

    app = SwitchingRouter(__name__)
    app.add_url_rule("/", "view", lambda: b"x")
    client = Client(app)
    assert client.get("/").headers["Content-Type"] == "text/plain; charset=utf-8"
    Switching.default_mimetype = "application/xml"
    assert client.get("/").headers["Content-Type"] == "application/xml; charset=utf-8"
    Switching.default_mimetype = None
    assert "Content-Type" not in client.get("/").headers


def test_constructors_other_than_werkzeugs_get_the_arguments_as_given() -> None:
    from werkzeug.sansio.response import Response as SansIOResponse

    seen: list[dict[str, Any]] = []

    class Between(SansIOResponse):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            seen.append(kwargs)
            super().__init__(*args, **kwargs)

    class Mixed(Response, Between):
        pass

    class Later(Response):
        pass

    assert known_content_type(Mixed) is None
    assert known_content_type(Later) == "text/plain; charset=utf-8"

    def init(self: Any, *args: Any, **kwargs: Any) -> None:
        seen.append(kwargs)
        Response.__init__(self, *args, **kwargs)

    Later.__init__ = init  # type: ignore[method-assign]
    assert known_content_type(Later) is None
    for cls in (Mixed, Later):

        class MixedRouter(Router):
            response_class = cls

        app = MixedRouter(__name__)
        seen.clear()
        assert app.make_response("x").content_type == "text/plain; charset=utf-8"
        assert seen[0].get("content_type") is None
        assert seen[0].get("mimetype") is None
