"""Class-based views: View and MethodView."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from flaskish import Blueprint
from flaskish import Flask
from flaskish import request
from flaskish.testing import FlaskClient
from flaskish.views import MethodView
from flaskish.views import View


class Greeting(View):
    def __init__(self, greeting: str) -> None:
        self.greeting = greeting

    def dispatch_request(self, name: str) -> str:
        return f"{self.greeting}, {name} ({request.method})"


class Items(MethodView):
    def get(self, item_id: int | None = None) -> str:
        return "list" if item_id is None else f"item {item_id}"

    def post(self) -> tuple[str, int]:
        return f"created {request.form['name']}", 201

    def delete(self, item_id: int) -> tuple[str, int]:
        return "", 204


def test_view_as_view(app: Flask, client: FlaskClient) -> None:
    view = Greeting.as_view("greet", "Hello")
    assert view.__name__ == "greet"
    assert view.view_class is Greeting  # type: ignore[attr-defined]
    app.add_url_rule("/hi/<name>", view_func=view)
    assert client.get("/hi/ada").text == "Hello, ada (GET)"
    assert client.post("/hi/ada").status_code == 405


def test_view_methods_attribute(app: Flask, client: FlaskClient) -> None:
    class Submit(View):
        methods = ["POST", "PUT"]

        def dispatch_request(self) -> str:
            return request.method

    app.add_url_rule("/", view_func=Submit.as_view("submit"))
    assert client.put("/").text == "PUT"
    response = client.get("/")
    assert response.status_code == 405
    assert sorted(response.allow) == ["OPTIONS", "POST", "PUT"]


def test_view_decorators_are_applied_in_order(app: Flask, client: FlaskClient) -> None:
    def tag(label: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
        def decorator(func: Callable[..., Any]) -> Callable[..., Any]:
            def wrapper(**kwargs: Any) -> str:
                return f"{label}({func(**kwargs)})"

            return wrapper

        return decorator

    class Plain(View):
        decorators = [tag("inner"), tag("outer")]

        def dispatch_request(self) -> str:
            return "view"

    app.add_url_rule("/", view_func=Plain.as_view("plain"))
    assert client.get("/").text == "outer(inner(view))"


@pytest.mark.parametrize(("every", "distinct"), [(True, 2), (False, 1)])
def test_init_every_request(
    app: Flask, client: FlaskClient, every: bool, distinct: int
) -> None:
    # The views are kept, not their ids: a collected view's id can be reused.
    instances: list[View] = []

    class Counting(View):
        init_every_request = every

        def dispatch_request(self) -> str:
            instances.append(self)
            return ""

    view = Counting.as_view("counting")
    app.add_url_rule("/", view_func=view)
    client.get("/")
    client.get("/")
    assert len({id(view) for view in instances}) == distinct


def test_method_view_dispatch(app: Flask, client: FlaskClient) -> None:
    view = Items.as_view("items")
    assert view.methods == {"GET", "POST", "DELETE"}  # type: ignore[attr-defined]
    app.add_url_rule("/items/", view_func=view, methods=["GET", "POST"])
    app.add_url_rule("/items/<int:item_id>", view_func=view, methods=["GET", "DELETE"])
    assert client.get("/items/").text == "list"
    assert client.get("/items/3").text == "item 3"
    response = client.post("/items/", data={"name": "pen"})
    assert (response.status_code, response.text) == (201, "created pen")
    assert client.delete("/items/3").status_code == 204
    assert client.put("/items/3").status_code == 405


def test_method_view_head_uses_get(app: Flask, client: FlaskClient) -> None:
    app.add_url_rule("/items/", view_func=Items.as_view("items"))
    response = client.head("/items/")
    assert (response.status_code, response.data, response.content_length) == (
        200,
        b"",
        4,
    )


def test_method_view_inherits_methods(app: Flask, client: FlaskClient) -> None:
    class MoreItems(Items):
        def patch(self) -> str:
            return "patched"

    view = MoreItems.as_view("more")
    assert view.methods == {"GET", "POST", "DELETE", "PATCH"}  # type: ignore[attr-defined]
    app.add_url_rule("/", view_func=view)
    assert client.patch("/").text == "patched"


def test_method_view_unimplemented_method(app: Flask, client: FlaskClient) -> None:
    app.add_url_rule("/", view_func=Items.as_view("items"), methods=["GET", "PUT"])
    with pytest.raises(AssertionError) as info:
        client.put("/")
    assert str(info.value) == "Unimplemented method 'PUT'"


def test_method_view_automatic_options(app: Flask, client: FlaskClient) -> None:
    app.add_url_rule("/", view_func=Items.as_view("items"))
    assert sorted(client.options("/").allow) == [
        "DELETE",
        "GET",
        "HEAD",
        "OPTIONS",
        "POST",
    ]


def test_class_views_in_blueprint(app: Flask, client: FlaskClient) -> None:
    bp = Blueprint("api", __name__, url_prefix="/api")
    bp.add_url_rule("/greet/<name>", view_func=Greeting.as_view("greet", "Hey"))
    app.register_blueprint(bp)
    assert "api.greet" in app.view_functions
    assert client.get("/api/greet/bob").text == "Hey, bob (GET)"


def test_as_view_metadata() -> None:
    class Documented(View):
        """Shows a page."""

        def dispatch_request(self) -> str:
            return ""

    view = Documented.as_view("page")
    assert (view.__name__, view.__doc__, view.__module__) == (
        "page",
        "Shows a page.",
        __name__,
    )
    assert view.methods is None  # type: ignore[attr-defined]
    assert view.provide_automatic_options is None  # type: ignore[attr-defined]


def test_view_without_automatic_options(app: Flask, client: FlaskClient) -> None:
    class NoOptions(View):
        methods = ["GET"]
        provide_automatic_options = False

        def dispatch_request(self) -> str:
            return "v"

    app.add_url_rule("/", view_func=NoOptions.as_view("v"))
    assert client.options("/").status_code == 405


def test_method_view_methods_can_be_restricted(app: Flask, client: FlaskClient) -> None:
    class ReadOnly(Items):
        methods = ["GET"]

    app.add_url_rule("/", view_func=ReadOnly.as_view("ro"))
    assert client.get("/").text == "list"
    assert client.post("/").status_code == 405


def test_view_class_arguments(app: Flask, client: FlaskClient) -> None:
    class Pair(View):
        def __init__(self, first: str, second: int = 0) -> None:
            self.pair = f"{first}{second}"

        def dispatch_request(self) -> str:
            return self.pair

    app.add_url_rule("/", view_func=Pair.as_view("pair", "A", second=2))
    assert client.get("/").text == "A2"


def test_class_views_call_through_the_apps_ensure_sync() -> None:
    seen: list[str] = []

    class RecordingFlask(Flask):
        def ensure_sync(self, func: Callable[..., Any]) -> Callable[..., Any]:
            seen.append(func.__name__)
            return super().ensure_sync(func)

    class Hello(View):
        def dispatch_request(self) -> str:
            return "hello"

    class Things(MethodView):
        def get(self) -> str:
            return "things"

        async def post(self) -> str:
            return "posted"

    app = RecordingFlask(__name__)
    app.add_url_rule("/hello", view_func=Hello.as_view("hello"))
    app.add_url_rule("/things", view_func=Things.as_view("things"))
    client = app.test_client()

    assert client.get("/hello").data == b"hello"
    assert seen == ["hello", "dispatch_request"]
    seen.clear()
    assert client.get("/things").data == b"things"
    assert seen == ["things", "dispatch_request", "get"]
    seen.clear()
    assert client.post("/things").data == b"posted"
    assert seen == ["things", "dispatch_request", "post"]
