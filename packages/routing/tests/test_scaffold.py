"""Registration API: decorators, endpoints, hooks and their bad uses."""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

import pytest
from werkzeug.exceptions import Forbidden
from werkzeug.exceptions import HTTPException
from werkzeug.exceptions import NotFound
from werkzeug.test import Client

from flaskish_routing import _endpoint_from_view_func
from flaskish_routing import AppScaffold
from flaskish_routing import Router
from flaskish_routing import Scaffold
from flaskish_routing import setupmethod


def _rules(app: Router) -> dict[str, tuple[str, set[str]]]:
    return {
        r.endpoint: (r.rule, set(r.methods or ())) for r in app.url_map.iter_rules()
    }


def test_route_uses_the_function_name_as_endpoint(app: Router, client: Client) -> None:
    @app.route("/hello")
    def hello() -> str:
        return "hi"

    assert app.view_functions == {"hello": hello}
    assert _rules(app) == {"hello": ("/hello", {"GET", "HEAD", "OPTIONS"})}
    assert client.get("/hello").get_data(as_text=True) == "hi"


def test_route_with_endpoint_and_rule_options(app: Router, client: Client) -> None:
    @app.route("/page/", endpoint="page", defaults={"n": 1}, methods=["get", "Post"])
    @app.route("/page/<int:n>", endpoint="page", methods=["GET", "POST"])
    def show(n: int) -> str:
        return f"page {n}"

    assert set(app.view_functions) == {"page"}
    assert client.get("/page/").get_data(as_text=True) == "page 1"
    assert client.post("/page/7").get_data(as_text=True) == "page 7"


@pytest.mark.parametrize("method", ["get", "post", "put", "delete", "patch"])
def test_method_shortcuts(app: Router, client: Client, method: str) -> None:
    getattr(app, method)("/x")(lambda: method)
    assert _rules(app)["<lambda>"][1] - {"HEAD", "OPTIONS"} == {method.upper()}
    response = client.open("/x", method=method.upper())
    assert response.status_code == 200
    assert response.get_data(as_text=True) == method


@pytest.mark.parametrize("method", ["get", "post", "put", "delete", "patch"])
def test_method_shortcuts_refuse_methods(app: Router, method: str) -> None:
    with pytest.raises(TypeError) as info:
        getattr(app, method)("/x", methods=["GET"])
    assert str(info.value) == "Use the 'route' decorator to use the 'methods' argument."


def test_add_url_rule_endpoint_and_view(app: Router, client: Client) -> None:
    def view() -> str:
        return "v"

    app.add_url_rule("/a", view_func=view)
    app.add_url_rule("/b", "other", view)
    app.add_url_rule("/c", "later")
    assert app.view_functions == {"view": view, "other": view}
    assert {e: r for e, (r, _) in _rules(app).items()} == {
        "view": "/a",
        "other": "/b",
        "later": "/c",
    }
    # The same function may be registered again for the same endpoint.
    app.add_url_rule("/a2", view_func=view)
    assert client.get("/a2").get_data(as_text=True) == "v"


def test_add_url_rule_needs_an_endpoint_or_view(app: Router) -> None:
    with pytest.raises(AssertionError) as info:
        app.add_url_rule("/x")
    assert str(info.value) == "expected view func if endpoint is not provided."
    with pytest.raises(AssertionError):
        _endpoint_from_view_func(None)
    assert _endpoint_from_view_func(test_add_url_rule_needs_an_endpoint_or_view) == (
        "test_add_url_rule_needs_an_endpoint_or_view"
    )


def test_endpoint_clash(app: Router) -> None:
    app.add_url_rule("/a", "index", lambda: "a")
    with pytest.raises(AssertionError) as info:
        app.add_url_rule("/b", "index", lambda: "b")
    assert str(info.value) == (
        "View function mapping is overwriting an existing endpoint function: index"
    )


def test_endpoint_decorator_sets_the_view(app: Router, client: Client) -> None:
    app.add_url_rule("/e", "named")

    @app.endpoint("named")
    def named() -> str:
        return "named view"

    assert app.view_functions["named"] is named
    assert client.get("/e").get_data(as_text=True) == "named view"


def test_string_methods_are_refused(app: Router) -> None:
    with pytest.raises(TypeError) as info:
        app.add_url_rule("/x", "x", lambda: "", methods="POST")
    assert str(info.value) == (
        "Allowed methods must be a list of strings, for example:"
        ' @app.route(..., methods=["POST"])'
    )


def test_hook_decorators_fill_the_none_key(app: Router) -> None:
    def hook(*args: Any) -> None: ...

    registries: dict[str, Callable[[Any], Any]] = {
        "before_request_funcs": app.before_request,
        "after_request_funcs": app.after_request,
        "teardown_request_funcs": app.teardown_request,
        "template_context_processors": app.context_processor,
        "url_value_preprocessors": app.url_value_preprocessor,
        "url_default_functions": app.url_defaults,
    }
    for attribute, decorator in registries.items():
        assert decorator(hook) is hook
        assert getattr(app, attribute) == {None: [hook]}


def test_errorhandler_registration(app: Router) -> None:
    def handler(e: Exception) -> str:
        return ""

    assert app.errorhandler(404)(handler) is handler
    app.register_error_handler(Forbidden, handler)
    app.register_error_handler(KeyError, handler)
    assert app.error_handler_spec == {
        None: {
            404: {NotFound: handler},
            403: {Forbidden: handler},
            None: {KeyError: handler},
        }
    }


@pytest.mark.parametrize(
    ("key", "error", "message"),
    [
        (
            999,
            ValueError,
            "'999' is not a recognized HTTP error code. Use a subclass of"
            " HTTPException with that code instead.",
        ),
        (
            NotFound(),
            TypeError,
            "<NotFound '404: Not Found'> is an instance, not a class. Handlers can"
            " only be registered for Exception classes or HTTP error codes.",
        ),
        (
            KeyboardInterrupt,
            ValueError,
            "'KeyboardInterrupt' is not a subclass of Exception. Handlers can only"
            " be registered for Exception classes or HTTP error codes.",
        ),
    ],
)
def test_bad_error_handler_keys(
    app: Router, key: Any, error: type[Exception], message: str
) -> None:
    with pytest.raises(error) as info:
        app.register_error_handler(key, lambda e: "")
    assert str(info.value) == message
    with pytest.raises(error):
        app.errorhandler(key)(lambda e: "")
    assert app.error_handler_spec == {}


def test_exc_class_and_code() -> None:
    assert Scaffold._get_exc_class_and_code(404) == (NotFound, 404)
    assert Scaffold._get_exc_class_and_code(Forbidden) == (Forbidden, 403)
    assert Scaffold._get_exc_class_and_code(HTTPException) == (HTTPException, None)
    assert Scaffold._get_exc_class_and_code(KeyError) == (KeyError, None)


def test_setup_is_finished_after_the_first_request(app: Router, client: Client) -> None:
    app.add_url_rule("/", "index", lambda: "")
    client.get("/")
    for register in (
        lambda: app.add_url_rule("/late", "late", lambda: ""),
        lambda: app.before_request(lambda: None),
        lambda: app.errorhandler(404),
    ):
        with pytest.raises(AssertionError):
            register()
    with pytest.raises(AssertionError) as info:
        app.route("/late")
    assert str(info.value) == (
        "The setup method 'route' can no longer be called on the application. It"
        " has already handled its first request, any changes will not be applied"
        " consistently.\nMake sure all imports, decorators, functions, etc. needed"
        " to set up the application are done before running it."
    )
    assert "late" not in app.view_functions


def test_plain_scaffold_leaves_decisions_to_subclasses() -> None:
    class Named(Scaffold):
        name = "named"

    scaffold = Named(__name__)
    assert repr(scaffold) == "<Named 'named'>"
    with pytest.raises(NotImplementedError):
        scaffold.before_request(lambda: None)

    class Open(Named):
        def _check_setup_finished(self, f_name: str) -> None:
            pass

    with pytest.raises(NotImplementedError):
        Open(__name__).add_url_rule("/", "x")


def test_setupmethod_checks_with_the_method_name() -> None:
    seen: list[str] = []

    class Thing:
        def _check_setup_finished(self, f_name: str) -> None:
            seen.append(f_name)

        @setupmethod
        def configure(self, value: int) -> int:
            """Docs."""
            return value * 2

    assert Thing().configure(21) == 42
    assert seen == ["configure"]
    assert Thing.configure.__name__ == "configure"
    assert Thing.configure.__doc__ == "Docs."


def test_root_path_and_repr(tmp_path: Any) -> None:
    app = Router(__name__)
    assert app.root_path == os.path.dirname(os.path.abspath(__file__))
    assert app.import_name == __name__
    assert app.name == __name__
    assert repr(app) == f"<Router '{__name__}'>"
    assert Router("x", root_path=str(tmp_path)).root_path == str(tmp_path)
    assert isinstance(app, AppScaffold)


def test_name_of_main_is_the_script_stem(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys
    import types

    main = types.ModuleType("__main__")
    main.__file__ = "/srv/apps/serve.py"
    monkeypatch.setitem(sys.modules, "__main__", main)
    assert Router("__main__", root_path="/srv").name == "serve"
    del main.__file__
    assert Router("__main__", root_path="/srv").name == "__main__"
