"""Blueprint hooks and error handlers through the router's request pipeline."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from werkzeug.exceptions import abort
from werkzeug.test import Client

from flaskish_blueprints import Blueprint
from flaskish_routing import Router


def _recorder(calls: list[str]) -> Callable[[str], Callable[..., Any]]:
    def make(label: str) -> Callable[..., Any]:
        def hook(arg: Any = None) -> Any:
            calls.append(label)
            return arg if label.endswith("after") else None

        return hook

    return make


def _nested(app: Router, calls: list[str]) -> tuple[Blueprint, Blueprint]:
    hook = _recorder(calls)
    parent = Blueprint("parent", __name__, url_prefix="/parent")
    child = Blueprint("child", __name__, url_prefix="/child")
    sibling = Blueprint("sibling", __name__, url_prefix="/sibling")
    for name, scaffold in (("app", app), ("parent", parent), ("child", child)):
        scaffold.before_request(hook(f"{name} before"))
        scaffold.after_request(hook(f"{name} after"))
        scaffold.teardown_request(hook(f"{name} teardown"))
    sibling.before_request(hook("sibling before"))

    @parent.route("/")
    def parent_view() -> str:
        calls.append("parent view")
        return "parent"

    @child.route("/")
    def child_view() -> str:
        calls.append("child view")
        return "child"

    parent.register_blueprint(child)
    app.register_blueprint(parent)
    app.register_blueprint(sibling)
    return parent, child


def test_hooks_run_app_then_outer_to_inner(app: Router, client: Client) -> None:
    calls: list[str] = []
    _nested(app, calls)
    response = client.get("/parent/child/")
    assert response.status_code == 200
    assert response.get_data(as_text=True) == "child"
    assert calls == [
        "app before",
        "parent before",
        "child before",
        "child view",
        "child after",
        "parent after",
        "app after",
        "child teardown",
        "parent teardown",
        "app teardown",
    ]


def test_child_hooks_do_not_run_for_the_parents_views(
    app: Router, client: Client
) -> None:
    calls: list[str] = []
    _nested(app, calls)
    assert client.get("/parent/").get_data(as_text=True) == "parent"
    assert calls == [
        "app before",
        "parent before",
        "parent view",
        "parent after",
        "app after",
        "parent teardown",
        "app teardown",
    ]


def test_before_request_of_a_parent_can_answer(app: Router, client: Client) -> None:
    calls: list[str] = []
    _nested(app, calls)
    # Extensions append to the app's registries directly after registration.
    app.before_request_funcs["parent"].append(lambda: "stopped")
    response = client.get("/parent/child/")
    assert response.get_data(as_text=True) == "stopped"
    assert calls[:2] == ["app before", "parent before"]
    assert "child before" not in calls
    assert "child view" not in calls


def test_app_hooks_registered_by_a_blueprint_run_for_every_request(
    app: Router, client: Client
) -> None:
    calls: list[str] = []
    bp = Blueprint("bp", __name__)
    bp.before_app_request(lambda: calls.append("before"))

    @bp.after_app_request
    def after(response: Any) -> Any:
        response.headers["X-From-Blueprint"] = "yes"
        return response

    app.add_url_rule("/plain", "plain", lambda: "plain")
    app.register_blueprint(bp)
    response = client.get("/plain")
    assert response.get_data(as_text=True) == "plain"
    assert response.headers["X-From-Blueprint"] == "yes"
    assert calls == ["before"]


def _raising_app(app: Router) -> None:
    parent = Blueprint("parent", __name__, url_prefix="/parent")
    child = Blueprint("child", __name__, url_prefix="/child")

    @child.route("/forbidden")
    def forbidden() -> str:
        abort(403)

    @child.route("/key")
    def key() -> str:
        raise KeyError("k")

    @child.route("/gone")
    def gone() -> str:
        abort(410)

    @parent.route("/forbidden")
    def parent_forbidden() -> str:
        abort(403)

    app.register_error_handler(403, lambda e: ("app 403", 403))
    app.register_error_handler(410, lambda e: ("app 410", 410))
    parent.register_error_handler(403, lambda e: ("parent 403", 403))
    parent.register_error_handler(KeyError, lambda e: ("parent key", 500))
    child.register_error_handler(KeyError, lambda e: ("child key", 400))
    parent.register_blueprint(child)
    app.register_blueprint(parent)


def test_error_handlers_inner_blueprint_first(app: Router, client: Client) -> None:
    _raising_app(app)
    response = client.get("/parent/child/key")
    assert (response.status_code, response.get_data(as_text=True)) == (
        400,
        "child key",
    )


def test_error_handlers_of_the_parent_apply_to_the_child(
    app: Router, client: Client
) -> None:
    _raising_app(app)
    response = client.get("/parent/child/forbidden")
    assert (response.status_code, response.get_data(as_text=True)) == (
        403,
        "parent 403",
    )
    response = client.get("/parent/forbidden")
    assert response.get_data(as_text=True) == "parent 403"


def test_error_handlers_fall_back_to_the_app(app: Router, client: Client) -> None:
    _raising_app(app)
    response = client.get("/parent/child/gone")
    assert (response.status_code, response.get_data(as_text=True)) == (
        410,
        "app 410",
    )


def test_app_errorhandler_from_a_blueprint(app: Router, client: Client) -> None:
    bp = Blueprint("bp", __name__)
    bp.app_errorhandler(404)(lambda e: ("custom missing", 404))
    app.register_blueprint(bp)
    response = client.get("/nowhere")
    assert (response.status_code, response.get_data(as_text=True)) == (
        404,
        "custom missing",
    )


def test_url_value_preprocessors_of_parents(app: Router, client: Client) -> None:
    parent = Blueprint("parent", __name__, url_prefix="/<lang>")
    child = Blueprint("child", __name__, url_prefix="/child")
    seen: dict[str, Any] = {}

    @parent.url_value_preprocessor
    def pull_lang(endpoint: str | None, values: dict[str, Any] | None) -> None:
        assert values is not None
        seen["endpoint"] = endpoint
        seen["lang"] = values.pop("lang")

    @child.route("/<int:page>")
    def page(page: int) -> str:
        return f"{seen['lang']} {page}"

    parent.register_blueprint(child)
    app.register_blueprint(parent)
    assert client.get("/fr/child/3").get_data(as_text=True) == "fr 3"
    assert seen["endpoint"] == "parent.child.page"
