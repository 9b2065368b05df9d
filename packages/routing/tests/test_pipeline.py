"""The request pipeline of the router: hooks, their order and teardown."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from werkzeug.test import Client
from werkzeug.wrappers import Response

from flaskish_routing import call_all
from flaskish_routing import current_request
from flaskish_routing import Router
from flaskish_routing import RouterRequest
from flaskish_routing import set_request_lookup


def _record(calls: list[str], label: str, rv: Any = None) -> Callable[..., Any]:
    def hook(*args: Any) -> Any:
        calls.append(label)
        if label.endswith("after"):
            return args[0]
        return rv

    return hook


def _nested_app(app: Router, calls: list[str]) -> None:
    """An app with hooks under the names a nested blueprint "a.b" would use."""
    app.add_url_rule("/view", "a.b.view", lambda: calls.append("view") or "view")
    for name in (None, "a", "a.b"):
        label = name or "app"
        for kind in ("before", "after", "teardown"):
            registry = getattr(app, f"{kind}_request_funcs")
            registry[name].append(_record(calls, f"{label} {kind}"))
        app.url_value_preprocessors[name].append(_record(calls, f"{label} values"))


#: Outer to inner, as preprocessors and ``before_request`` functions run.
OUTER_FIRST = ["app", "a", "a.b"]
#: Inner to outer, as ``after_request`` and teardown functions run.
INNER_FIRST = OUTER_FIRST[::-1]


def _labels(names: list[str], kind: str) -> list[str]:
    return [f"{name} {kind}" for name in names]


def test_hook_order(app: Router, client: Client) -> None:
    calls: list[str] = []
    _nested_app(app, calls)
    app.after_request_funcs[None].append(_record(calls, "app second after"))
    assert client.get("/view").text == "view"
    assert calls == [
        *_labels(OUTER_FIRST, "values"),
        *_labels(OUTER_FIRST, "before"),
        "view",
        *_labels(["a.b", "a", "app second", "app"], "after"),
        *_labels(INNER_FIRST, "teardown"),
    ]


def test_requests_outside_blueprints_only_run_app_hooks(
    app: Router, client: Client
) -> None:
    calls: list[str] = []
    _nested_app(app, calls)
    assert client.get("/nowhere").status_code == 404
    assert calls == ["app values", "app before", "app after", "app teardown"]


def test_before_request_answer_skips_the_rest(app: Router, client: Client) -> None:
    calls: list[str] = []
    _nested_app(app, calls)
    app.before_request_funcs["a"].insert(0, _record(calls, "a answer", "stop"))
    assert client.get("/view").text == "stop"
    assert calls == [
        *_labels(OUTER_FIRST, "values"),
        "app before",
        "a answer",
        *_labels(INNER_FIRST, "after"),
        *_labels(INNER_FIRST, "teardown"),
    ]


def test_registries_changed_after_requests_apply(app: Router, client: Client) -> None:
    app.add_url_rule("/", "index", lambda: "index")
    assert client.get("/").text == "index"
    app.before_request_funcs[None].append(lambda: "late hook")
    assert client.get("/").text == "late hook"


def test_after_request_may_replace_the_response(app: Router, client: Client) -> None:
    app.add_url_rule("/", "index", lambda: "index")
    app.after_request(lambda response: Response("replaced", status=202))
    response = client.get("/")
    assert (response.status_code, response.text) == (202, "replaced")


def test_url_value_preprocessor_edits_view_args(app: Router, client: Client) -> None:
    @app.url_value_preprocessor
    def pull_lang(endpoint: str | None, values: dict[str, Any] | None) -> None:
        assert endpoint == "page"
        assert values is not None
        values.pop("lang")

    app.add_url_rule("/<lang>/<int:n>", "page", lambda n: f"page {n}")
    assert client.get("/fr/3").text == "page 3"


def test_teardown_runs_every_function_and_raises_the_first_error(
    app: Router, client: Client
) -> None:
    calls: list[Any] = []
    app.add_url_rule("/", "index", lambda: "index")

    def failing(message: str) -> Callable[[BaseException | None], None]:
        def teardown(exc: BaseException | None) -> None:
            calls.append(message)
            raise ValueError(message)

        return teardown

    app.teardown_request(calls.append)
    app.teardown_request(failing("second registered"))
    app.teardown_request(failing("last registered"))
    with pytest.raises(ValueError) as info:
        client.get("/")
    assert str(info.value) == "last registered"
    assert calls == ["last registered", "second registered", None]


def test_teardown_gets_none_for_handled_errors(app: Router, client: Client) -> None:
    seen: list[Any] = []
    app.add_url_rule("/", "index", lambda: {}["missing"])
    app.register_error_handler(KeyError, lambda e: ("handled", 400))
    app.teardown_request(seen.append)
    assert client.get("/").text == "handled"
    assert seen == [None]


def test_call_all_calls_everything_then_raises_the_first_error() -> None:
    calls: list[Any] = []

    def fail(value: int) -> None:
        calls.append(("fail", value))
        raise KeyError(value)

    def fail_later(value: int) -> None:
        raise ValueError(value)

    with pytest.raises(KeyError) as info:
        call_all([calls.append, fail, fail_later, calls.append], 1)
    assert info.value.args == (1,)
    assert calls == [1, ("fail", 1), 1]
    call_all([calls.append], 2)
    assert calls[-1] == 2


def test_blueprint_chain(app: Router) -> None:
    assert app._blueprint_chain(None) == ()
    assert app._blueprint_chain("index") == ()
    assert app._blueprint_chain("a.view") == ("a",)
    assert app._blueprint_chain("a.b.c.view") == ("a.b.c", "a.b", "a")


def test_inject_url_defaults_app_then_outer_to_inner(app: Router) -> None:
    calls: list[tuple[str, str]] = []
    for name in ("a.b", None, "a", "other"):
        app.url_default_functions[name].append(
            lambda endpoint, values, name=name: calls.append((str(name), endpoint))
        )
    values: dict[str, Any] = {}
    app.inject_url_defaults("a.b.view", values)
    assert calls == [("None", "a.b.view"), ("a", "a.b.view"), ("a.b", "a.b.view")]
    calls.clear()
    app.inject_url_defaults("view", values)
    assert calls == [("None", "view")]


def test_current_request_in_views_and_hooks(app: Router, client: Client) -> None:
    seen: list[RouterRequest] = []
    app.before_request(lambda: seen.append(current_request()))

    @app.route("/<name>", methods=["POST"])
    def view(name: str) -> dict[str, Any]:
        request = current_request()
        seen.append(request)
        return {
            "method": request.method,
            "endpoint": request.endpoint,
            "view_args": request.view_args,
            "form": request.form.to_dict(),
            "blueprints": request.blueprints,
        }

    response = client.post("/ann", data={"a": "1"})
    assert response.get_json() == {
        "method": "POST",
        "endpoint": "view",
        "view_args": {"name": "ann"},
        "form": {"a": "1"},
        "blueprints": [],
    }
    assert seen[0] is seen[1]
    assert isinstance(seen[0], RouterRequest)
    assert seen[0].url_rule is not None
    assert seen[0].url_rule.rule == "/<name>"


def test_request_blueprint_names() -> None:
    request = RouterRequest({"REQUEST_METHOD": "GET"})
    assert (request.endpoint, request.blueprint, request.blueprints) == (None, None, [])
    app = Router(__name__)
    app.add_url_rule("/", "a.b.view")
    (request.url_rule,) = app.url_map.iter_rules()
    assert request.blueprint == "a.b"
    assert request.blueprints == ["a.b", "a"]
    assert request.blueprints is request.blueprints  # worked out once per rule
    request.url_rule = None
    assert request.blueprints == []
    # Each request without a blueprint has a list of its own.
    request.blueprints.append("edited")
    assert RouterRequest({"REQUEST_METHOD": "GET"}).blueprints == []


def test_current_request_outside_a_request() -> None:
    with pytest.raises(RuntimeError) as info:
        current_request()
    assert str(info.value) == (
        "Working outside of a request: current_request() only works while a"
        " flaskish_routing Router (or an application that installed a request"
        " lookup) is handling a request."
    )


def test_request_lookup_outside_router_requests(app: Router, client: Client) -> None:
    other = object()
    set_request_lookup(lambda: other)
    try:
        assert current_request() is other
        app.add_url_rule("/", "index", lambda: type(current_request()).__name__)
        assert client.get("/").text == "RouterRequest"
    finally:
        set_request_lookup(None)
    with pytest.raises(RuntimeError):
        current_request()
