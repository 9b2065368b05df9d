"""Class-based views through the router."""

from __future__ import annotations

from collections.abc import Callable
from types import SimpleNamespace
from typing import Any

from werkzeug.test import Client

from flaskish_routing import current_ensure_sync
from flaskish_routing import ensure_sync
from flaskish_routing import http_method_funcs
from flaskish_routing import MethodView
from flaskish_routing import Router
from flaskish_routing import set_ensure_sync_lookup
from flaskish_routing import set_request_lookup
from flaskish_routing import View


def _methods(app: Router, endpoint: str) -> set[str]:
    (rule,) = [r for r in app.url_map.iter_rules() if r.endpoint == endpoint]
    return set(rule.methods or ())


def test_http_method_funcs() -> None:
    assert http_method_funcs == {
        "get", "post", "head", "options", "delete", "put", "trace", "patch"
    }  # fmt: skip


class Greeting(View):
    """Says hello."""

    methods = ["GET", "POST"]
    provide_automatic_options = False
    instances = 0

    def __init__(self, greeting: str, *, punctuation: str = "!") -> None:
        type(self).instances += 1
        self.greeting = greeting
        self.punctuation = punctuation

    def dispatch_request(self, **kwargs: Any) -> str:
        return f"{self.greeting}, {kwargs['name']}{self.punctuation}"


def test_as_view_builds_a_view_function(app: Router, client: Client) -> None:
    view = Greeting.as_view("greet", "Hello", punctuation="?")
    assert view.__name__ == "greet"  # type: ignore[attr-defined]
    assert view.__doc__ == "Says hello."
    assert view.__module__ == __name__
    assert view.view_class is Greeting  # type: ignore[attr-defined]
    assert view.methods == ["GET", "POST"]  # type: ignore[attr-defined]
    assert view.provide_automatic_options is False  # type: ignore[attr-defined]

    app.add_url_rule("/<name>", view_func=view)
    assert _methods(app, "greet") == {"GET", "HEAD", "POST"}
    Greeting.instances = 0
    assert client.get("/ann").text == "Hello, ann?"
    assert client.post("/bob").text == "Hello, bob?"
    assert Greeting.instances == 2


def test_init_every_request_false_reuses_one_instance(
    app: Router, client: Client
) -> None:
    class Counter(View):
        init_every_request = False

        def __init__(self) -> None:
            self.count = 0

        def dispatch_request(self) -> str:
            self.count += 1
            return str(self.count)

    app.add_url_rule("/", view_func=Counter.as_view("counter"))
    assert [client.get("/").text for _ in range(3)] == ["1", "2", "3"]


def test_decorators_wrap_the_view_in_order(app: Router, client: Client) -> None:
    seen: list[str] = []

    def tag(label: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
        def decorator(view: Callable[..., Any]) -> Callable[..., Any]:
            seen.append(f"{label} wraps {view.__name__}")

            def wrapped(**kwargs: Any) -> str:
                return f"{label}({view(**kwargs)})"

            return wrapped

        return decorator

    class Decorated(View):
        decorators = [tag("inner"), tag("outer")]

        def dispatch_request(self) -> str:
            return "view"

    view = Decorated.as_view("decorated")
    assert seen == ["inner wraps decorated", "outer wraps wrapped"]
    assert view.__name__ == "decorated"  # type: ignore[attr-defined]
    assert view.view_class is Decorated  # type: ignore[attr-defined]
    app.add_url_rule("/", view_func=view)
    assert client.get("/").text == "outer(inner(view))"


def test_plain_view_without_dispatch_request(app: Router, client: Client) -> None:
    errors: list[BaseException] = []
    app.register_error_handler(
        500, lambda e: errors.append(e.original_exception) or ("failed", 500)
    )
    app.add_url_rule("/", view_func=View.as_view("bare"))
    assert client.get("/").text == "failed"
    assert type(errors[0]) is NotImplementedError


class Items(MethodView):
    def get(self, item_id: int | None = None) -> str:
        return "list" if item_id is None else f"item {item_id}"

    def post(self) -> tuple[str, int]:
        return "created", 201


class EditableItems(Items):
    def delete(self, item_id: int) -> tuple[str, int]:
        return f"deleted {item_id}", 200


def test_method_view_collects_methods() -> None:
    assert Items.methods == {"GET", "POST"}
    assert EditableItems.methods == {"GET", "POST", "DELETE"}

    class Explicit(Items):
        methods = ["GET"]

    class Nothing(MethodView):
        pass

    assert Explicit.methods == ["GET"]
    assert Nothing.methods is None

    class Mixin:
        def put(self) -> str:
            return ""

    class WithMixin(Mixin, Items):
        pass

    assert WithMixin.methods == {"GET", "POST", "PUT"}


def test_method_view_dispatch(app: Router, client: Client) -> None:
    view = EditableItems.as_view("items")
    app.add_url_rule("/items/", view_func=view, methods=["GET", "POST"])
    app.add_url_rule("/items/<int:item_id>", view_func=view, methods=["GET", "DELETE"])
    assert client.get("/items/").text == "list"
    assert client.get("/items/3").text == "item 3"
    response = client.post("/items/")
    assert (response.status_code, response.text) == (201, "created")
    assert client.delete("/items/4").text == "deleted 4"
    head = client.head("/items/3")
    assert (head.status_code, head.get_data()) == (200, b"")
    response = client.put("/items/3")
    assert response.status_code == 405
    assert sorted(response.allow) == ["DELETE", "GET", "HEAD", "OPTIONS"]


def test_method_view_head_falls_back_to_get(app: Router, client: Client) -> None:
    class Headless(MethodView):
        methods = ["GET", "HEAD"]
        calls: list[str] = []

        def get(self) -> str:
            self.calls.append("get")
            return "body"

    app.add_url_rule("/", view_func=Headless.as_view("headless"))
    response = client.head("/")
    assert (response.status_code, response.headers["Content-Length"]) == (200, "4")
    assert Headless.calls == ["get"]


def test_method_view_unimplemented_method(app: Router, client: Client) -> None:
    class Partial(MethodView):
        methods = ["GET", "POST"]

        def get(self) -> str:
            return "get"

    errors: list[BaseException] = []
    app.register_error_handler(
        500, lambda e: errors.append(e.original_exception) or ("failed", 500)
    )
    app.add_url_rule("/", view_func=Partial.as_view("partial"))
    assert client.post("/").status_code == 500
    assert type(errors[0]) is AssertionError
    assert str(errors[0]) == "Unimplemented method 'POST'"


def test_method_view_uses_the_installed_request_lookup() -> None:
    view = EditableItems.as_view("items")
    set_request_lookup(lambda: SimpleNamespace(method="DELETE"))
    try:
        assert view(item_id=9) == ("deleted 9", 200)
    finally:
        set_request_lookup(None)


def test_class_views_call_through_the_installed_ensure_sync() -> None:
    adapted: list[str] = []

    def recording_ensure_sync(func: Any) -> Any:
        adapted.append(func.__name__)
        return func

    view = EditableItems.as_view("items")
    set_request_lookup(lambda: SimpleNamespace(method="DELETE"))
    set_ensure_sync_lookup(lambda: recording_ensure_sync)
    try:
        assert view(item_id=9) == ("deleted 9", 200)
    finally:
        set_ensure_sync_lookup(None)
        set_request_lookup(None)
    assert adapted == ["dispatch_request", "delete"]


def test_router_requests_use_routing_ensure_sync(app: Router, client: Client) -> None:
    def refusing_ensure_sync(func: Any) -> Any:
        raise AssertionError("the router's views do not use the installed lookup")

    class Async(MethodView):
        async def get(self) -> str:
            return "async get"

    app.add_url_rule("/async", view_func=Async.as_view("async"))
    set_ensure_sync_lookup(lambda: refusing_ensure_sync)
    try:
        assert client.get("/async").get_data(as_text=True) == "async get"
    finally:
        set_ensure_sync_lookup(None)
    assert current_ensure_sync() is ensure_sync


def test_view_class_assigned_after_as_view_is_used(app: Router, client: Client) -> None:
    class Original(View):
        def dispatch_request(self) -> str:
            return "original"

    class Replacement(View):
        def dispatch_request(self) -> str:
            return "replacement"

    view = Original.as_view("patched")
    view.view_class = Replacement  # type: ignore[attr-defined]
    app.add_url_rule("/", view_func=view)
    assert client.get("/").get_data(as_text=True) == "replacement"


def test_class_view_coroutine_finds_async_handlers_of_undecorated_views() -> None:
    import asyncio

    from flaskish_routing import class_view_coroutine

    made: list[str] = []

    class Items(MethodView):
        def __init__(self, label: str) -> None:
            made.append(label)
            self.label = label

        async def get(self, n: int) -> str:
            return f"{self.label} {n}"

        def post(self, n: int) -> str:
            return "sync"

    class Whole(View):
        async def dispatch_request(self) -> str:
            return "whole"

    class Plain(View):
        def dispatch_request(self) -> str:
            return "plain"

    class Decorated(Items):
        decorators = [lambda view: view]

    items = Items.as_view("items", "item")
    get = class_view_coroutine(items, "GET")
    assert get is not None
    assert made == []  # the instance is made when the coroutine is
    assert asyncio.run(get(n=2)) == "item 2"
    assert made == ["item"]
    head = class_view_coroutine(items, "HEAD")  # HEAD falls back to get
    assert head is not None
    assert asyncio.run(head(n=3)) == "item 3"
    assert class_view_coroutine(items, "POST") is None  # a plain method
    assert class_view_coroutine(items, "PUT") is None  # no method
    whole = class_view_coroutine(Whole.as_view("whole"), "PATCH")
    assert whole is not None
    assert asyncio.run(whole()) == "whole"
    assert class_view_coroutine(Plain.as_view("plain"), "GET") is None
    assert class_view_coroutine(Decorated.as_view("decorated", "d"), "GET") is None
    assert class_view_coroutine(lambda: None, "GET") is None
    assert class_view_coroutine(len, "GET") is None


def test_view_functions_close_over_the_class_arguments() -> None:
    # Flask-Injector reads them from the closure of Flask's view function.
    class Greeting(View):
        def __init__(self, word: str, *, times: int) -> None:
            self.text = word * times

        def dispatch_request(self) -> str:
            return self.text

    view = Greeting.as_view("greeting", "hi", times=2)
    assert view.__closure__ is not None
    closure = dict(
        zip(
            view.__code__.co_freevars,
            (cell.cell_contents for cell in view.__closure__),
            strict=True,
        )
    )
    assert closure["class_args"] == ("hi",)
    assert closure["class_kwargs"] == {"times": 2}
