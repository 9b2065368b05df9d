from __future__ import annotations

import os
import typing as t
from http import HTTPStatus
from pathlib import Path
from typing import Any

import pytest
from werkzeug.datastructures import WWWAuthenticate
from werkzeug.exceptions import Aborter
from werkzeug.exceptions import Gone
from werkzeug.exceptions import HTTPException
from werkzeug.exceptions import NotFound
from werkzeug.wrappers import Response as BaseResponse

from flaskish_core import helpers
from flaskish_core.app import Flask
from flaskish_core.signals import message_flashed
from flaskish_core.wrappers import Response


@pytest.fixture
def app() -> Flask:
    app = Flask("helpers_app")
    app.secret_key = "test key"
    return app


def test_redirect_outside_app_uses_werkzeug() -> None:
    response = helpers.redirect("/there", 301)
    assert type(response) is BaseResponse
    assert response.status_code == 301
    assert response.headers["Location"] == "/there"
    custom = helpers.redirect("/x", Response=Response)
    assert type(custom) is Response
    assert custom.status_code == 302


def test_redirect_inside_app_uses_app_redirect(app: Flask) -> None:
    calls: list[tuple[str, int]] = []

    class Custom(Flask):
        def redirect(self, location: str, code: int = 302) -> BaseResponse:
            calls.append((location, code))
            return super().redirect(location, code)

    custom = Custom("custom_redirect")
    with custom.app_context():
        response = helpers.redirect("/go", 303, Response=BaseResponse)
    assert calls == [("/go", 303)]
    assert isinstance(response, custom.response_class)
    with app.app_context():
        assert isinstance(helpers.redirect("/a"), Response)


def test_abort_outside_app() -> None:
    with pytest.raises(NotFound):
        helpers.abort(404)
    with pytest.raises(HTTPException) as info:
        helpers.abort(BaseResponse("body", 418))
    assert info.value.get_response().status_code == 418
    with pytest.raises(LookupError):
        helpers.abort(299)


def test_abort_inside_app_uses_aborter(app: Flask) -> None:
    class Teapot(HTTPException):
        code = 418
        description = "short and stout"

    app.aborter.mapping[418] = Teapot

    @app.get("/")
    def index() -> str:
        helpers.abort(418)

    response = app.test_client().get("/")
    assert response.status_code == 418
    assert b"short and stout" in response.data


def _raised(func: Any, *args: Any, **kwargs: Any) -> BaseException:
    with pytest.raises(BaseException) as info:
        func(*args, **kwargs)
    return info.value


@pytest.mark.parametrize(
    ("args", "kwargs"),
    [
        ((404,), {}),
        ((404, "no such page"), {}),
        ((404,), {"description": "<b>gone</b>"}),
        ((405,), {"valid_methods": ["PUT"]}),
        ((401,), {"www_authenticate": WWWAuthenticate("basic")}),
        ((418,), {}),
        ((500,), {"original_exception": ValueError("x")}),
        ((True,), {}),
        ((299,), {}),
        ((HTTPStatus.NOT_FOUND,), {}),
        ((BaseResponse("given", 404),), {}),
    ],
)
def test_abort_raises_what_the_aborter_raises(
    app: Flask, args: tuple[Any, ...], kwargs: dict[str, Any]
) -> None:
    with app.app_context():
        raised = _raised(helpers.abort, *args, **kwargs)
    expected = _raised(Aborter(), *args, **kwargs)
    assert type(raised) is type(expected)
    assert raised.args == expected.args
    if isinstance(expected, HTTPException):
        assert isinstance(raised, HTTPException)
        assert vars(raised) == vars(expected)
        made, wanted = raised.get_response(), expected.get_response()
        assert made.status == wanted.status
        assert made.headers.to_wsgi_list() == wanted.headers.to_wsgi_list()
        assert made.get_data() == wanted.get_data()


def test_abort_calls_a_replaced_aborter(app: Flask) -> None:
    calls: list[Any] = []

    class Counting(Aborter):
        def __call__(self, code: Any, *args: Any, **kwargs: Any) -> t.NoReturn:
            calls.append(code)
            super().__call__(code, *args, **kwargs)

    app.aborter = Counting()
    with app.app_context(), pytest.raises(NotFound):
        helpers.abort(404)
    assert calls == [404]

    def gone(code: Any, *args: Any, **kwargs: Any) -> t.NoReturn:
        raise Gone(f"instead of {code}")

    app.aborter = gone  # type: ignore[assignment]
    with app.app_context(), pytest.raises(Gone, match="instead of 404"):
        helpers.abort(404)


def test_make_response_variants(app: Flask) -> None:
    with app.test_request_context():
        empty = helpers.make_response()
        assert isinstance(empty, Response)
        assert empty.get_data() == b""
        assert empty.status_code == 200
        single = helpers.make_response("body")
        assert single.get_data() == b"body"
        full = helpers.make_response("gone", 410, {"X-A": "1"})
        assert (full.status_code, full.headers["X-A"]) == (410, "1")
        as_tuple = helpers.make_response(("t", 201))
        assert as_tuple.status_code == 201
        json_body = helpers.make_response({"a": 1})
        assert json_body.get_json() == {"a": 1}


def test_url_for_delegates_to_app(app: Flask) -> None:
    @app.get("/item/<int:n>")
    def item(n: int) -> str:
        return str(n)

    with app.test_request_context():
        assert helpers.url_for("item", n=3) == "/item/3"
        assert helpers.url_for("item", n=3, q="x", _anchor="top") == "/item/3?q=x#top"
        assert helpers.url_for("item", n=1, _external=True) == "http://localhost/item/1"


def test_url_for_needs_app_context() -> None:
    with pytest.raises(RuntimeError):
        helpers.url_for("index")


def test_flash_and_get_flashed_messages(app: Flask) -> None:
    sent: list[dict[str, object]] = []

    def on_flash(sender: object, **extra: object) -> None:
        sent.append({"sender": sender, **extra})

    @app.get("/add")
    def add() -> str:
        helpers.flash("hello")
        helpers.flash("careful", "warning")
        helpers.flash("broken", "error")
        return ""

    @app.get("/read")
    def read() -> object:
        first = helpers.get_flashed_messages()
        again = helpers.get_flashed_messages(with_categories=True)
        only = helpers.get_flashed_messages(category_filter=["warning", "error"])
        both = helpers.get_flashed_messages(True, ["error"])
        return {"first": first, "again": again, "only": only, "both": both}

    client = app.test_client()
    with message_flashed.connected_to(on_flash):
        client.get("/add")
    assert sent == [
        {"sender": app, "message": "hello", "category": "message"},
        {"sender": app, "message": "careful", "category": "warning"},
        {"sender": app, "message": "broken", "category": "error"},
    ]
    assert client.get("/read").get_json() == {
        "first": ["hello", "careful", "broken"],
        "again": [
            ["message", "hello"],
            ["warning", "careful"],
            ["error", "broken"],
        ],
        "only": ["careful", "broken"],
        "both": [["error", "broken"]],
    }
    # Reading consumed them.
    assert client.get("/read").get_json()["first"] == []


def test_get_flashed_messages_without_any(app: Flask) -> None:
    with app.test_request_context():
        assert helpers.get_flashed_messages() == []
        assert helpers.get_flashed_messages(with_categories=True) == []


def test_flash_needs_request_context(app: Flask) -> None:
    with pytest.raises(RuntimeError):
        helpers.flash("x")


def test_send_file_and_directory(app: Flask, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("content")
    app.config["SEND_FILE_MAX_AGE_DEFAULT"] = 60

    @app.get("/file")
    def file() -> Response:
        return helpers.send_file(os.fspath(tmp_path / "a.txt"))

    @app.get("/dir/<path:name>")
    def directory(name: str) -> Response:
        return helpers.send_from_directory(tmp_path, name)

    client = app.test_client()
    got = client.get("/file")
    assert got.status_code == 200
    assert got.get_data(as_text=True) == "content"
    assert got.mimetype == "text/plain"
    assert got.headers["Cache-Control"] == "public, max-age=60"
    got.close()
    from_dir = client.get("/dir/a.txt")
    assert from_dir.get_data(as_text=True) == "content"
    from_dir.close()
    assert client.get("/dir/../secret").status_code == 404
    assert client.get("/dir/missing.txt").status_code == 404


def test_stream_with_context_keeps_request(app: Flask) -> None:
    @app.get("/stream")
    def stream() -> Response:
        from flaskish_context import request

        def chunks() -> object:
            yield "a="
            yield request.args["a"]

        return Response(helpers.stream_with_context(chunks()))  # type: ignore[arg-type]

    assert app.test_client().get("/stream?a=1").get_data(as_text=True) == "a=1"


def test_reexported_helpers() -> None:
    import flaskish_cli
    import flaskish_routing
    import flaskish_templating

    assert helpers.get_debug_flag is flaskish_cli.get_debug_flag
    assert helpers.get_load_dotenv is flaskish_cli.get_load_dotenv
    assert helpers.get_root_path is flaskish_routing.get_root_path
    assert helpers.get_template_attribute is flaskish_templating.get_template_attribute
    assert helpers.get_root_path(__name__) == os.path.dirname(os.path.abspath(__file__))
