"""HTTP methods: 405 and Allow, automatic OPTIONS, HEAD, method shortcuts."""

from __future__ import annotations

import re

import pytest

from flaskish import Flask
from flaskish import request
from flaskish.testing import FlaskClient


def test_wrong_method_is_405_with_allow(app: Flask, client: FlaskClient) -> None:
    @app.route("/items", methods=["GET", "POST"])
    def items() -> str:
        return request.method

    response = client.delete("/items")
    assert response.status_code == 405
    assert sorted(response.allow) == ["GET", "HEAD", "OPTIONS", "POST"]
    assert client.post("/items").text == "POST"


SHORTCUTS = ("get", "post", "put", "patch", "delete")


def test_method_shortcuts(app: Flask, client: FlaskClient) -> None:
    for method in SHORTCUTS:
        register = getattr(app, method)
        register("/r", endpoint=method)(lambda m=method: f"{m} {request.method}")
    for method in SHORTCUTS:
        assert getattr(client, method)("/r").text == f"{method} {method.upper()}"
    (rule,) = app.url_map.iter_rules("patch")
    assert rule.methods == {"PATCH", "OPTIONS"}


def test_route_decorator_rejects_methods_argument_on_shortcut(app: Flask) -> None:
    with pytest.raises(
        TypeError,
        match=re.escape("Use the 'route' decorator to use the 'methods' argument."),
    ):
        app.get("/x", methods=["POST"])


def test_automatic_options(app: Flask, client: FlaskClient) -> None:
    @app.route("/", methods=["POST"])
    def index() -> str:
        return ""

    response = client.options("/")
    assert response.status_code == 200
    assert response.data == b""
    assert sorted(response.allow) == ["OPTIONS", "POST"]


def test_automatic_options_can_be_disabled_per_view(
    app: Flask, client: FlaskClient
) -> None:
    def index() -> str:
        return request.method

    index.provide_automatic_options = False  # type: ignore[attr-defined]
    app.add_url_rule("/", view_func=index, methods=["GET", "OPTIONS"])
    assert client.options("/").text == "OPTIONS"


def test_provide_automatic_options_config(client: FlaskClient) -> None:
    app = Flask("no_options")
    app.config["PROVIDE_AUTOMATIC_OPTIONS"] = False
    app.add_url_rule("/", "index", lambda: "x")
    assert app.test_client().options("/").status_code == 405


def test_head_runs_get_without_body(app: Flask, client: FlaskClient) -> None:
    calls: list[str] = []

    @app.route("/")
    def index() -> str:
        calls.append(request.method)
        return "hello"

    response = client.head("/")
    assert response.status_code == 200
    assert response.data == b""
    assert response.content_length == 5
    assert calls == ["HEAD"]


def test_methods_must_be_a_list(app: Flask) -> None:
    with pytest.raises(TypeError) as info:
        app.add_url_rule("/", "index", lambda: "", methods="POST")  # type: ignore[arg-type]
    assert str(info.value) == (
        'Allowed methods must be a list of strings, for example: @app.route(..., methods=["POST"])'
    )


def test_methods_are_case_insensitive(app: Flask, client: FlaskClient) -> None:
    app.add_url_rule("/", "index", lambda: request.method, methods=["post"])
    assert client.post("/").text == "POST"


def test_unknown_method_is_405(app: Flask, client: FlaskClient) -> None:
    app.add_url_rule("/", "index", lambda: "", methods=["GET", "POST"])
    response = client.open("/", method="BREW")
    assert response.status_code == 405
    assert sorted(response.allow) == ["GET", "HEAD", "OPTIONS", "POST"]


def test_shortcut_get_rule_methods(app: Flask) -> None:
    app.get("/g")(lambda: "")
    (rule,) = app.url_map.iter_rules("<lambda>")
    assert rule.methods == {"GET", "HEAD", "OPTIONS"}
