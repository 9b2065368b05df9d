"""Request hooks: before, after and teardown order, short-circuits and arguments."""

from __future__ import annotations

import pytest

from flaskish import after_this_request
from flaskish import Blueprint
from flaskish import Flask
from flaskish import request
from flaskish import Response
from flaskish import session
from flaskish.testing import FlaskClient


def _record_hooks(scaffold: Flask | Blueprint, tag: str, log: list[str]) -> None:
    """Register two of each hook on ``scaffold``, logging with ``tag``."""
    for n in (1, 2):

        def before(n: int = n) -> None:
            log.append(f"{tag}.before{n}")

        def after(response: Response, n: int = n) -> Response:
            log.append(f"{tag}.after{n}")
            return response

        def teardown(exc: BaseException | None, n: int = n) -> None:
            log.append(f"{tag}.teardown{n}")

        scaffold.before_request(before)
        scaffold.after_request(after)
        scaffold.teardown_request(teardown)


def _expected(*tags: str) -> list[str]:
    """The log of ``_record_hooks`` for a request through ``tags``, outermost first.

    Before-request functions run outermost first in registration order;
    after-request and teardown functions run innermost first, each list in
    reverse registration order.
    """
    inner_first = tags[::-1]
    return [
        *(f"{tag}.before{n}" for tag in tags for n in (1, 2)),
        "view",
        *(f"{tag}.after{n}" for tag in inner_first for n in (2, 1)),
        *(f"{tag}.teardown{n}" for tag in inner_first for n in (2, 1)),
    ]


def test_app_hook_order(app: Flask, client: FlaskClient) -> None:
    log: list[str] = []
    _record_hooks(app, "app", log)
    app.teardown_appcontext(lambda exc: log.append("appctx.teardown"))
    app.add_url_rule("/", "index", lambda: log.append("view") or "ok")
    assert client.get("/").text == "ok"
    assert log == [*_expected("app"), "appctx.teardown"]
    assert log[:3] == ["app.before1", "app.before2", "view"]
    assert log[-3:] == ["app.teardown2", "app.teardown1", "appctx.teardown"]


def test_nested_blueprint_hook_order(app: Flask, client: FlaskClient) -> None:
    log: list[str] = []
    parent = Blueprint("parent", __name__, url_prefix="/p")
    child = Blueprint("child", __name__, url_prefix="/c")
    _record_hooks(app, "app", log)
    _record_hooks(parent, "parent", log)
    _record_hooks(child, "child", log)
    child.add_url_rule("/", "index", lambda: log.append("view") or "ok")
    parent.register_blueprint(child)
    app.register_blueprint(parent)

    assert client.get("/p/c/").text == "ok"
    assert log == _expected("app", "parent", "child")
    assert log[6:9] == ["view", "child.after2", "child.after1"]
    assert log[-1] == "app.teardown1"


def test_blueprint_hooks_skip_other_requests(app: Flask, client: FlaskClient) -> None:
    log: list[str] = []
    bp = Blueprint("bp", __name__)
    _record_hooks(bp, "bp", log)
    app.register_blueprint(bp)
    app.add_url_rule("/", "index", lambda: "app")
    client.get("/")
    assert log == []


def test_app_wide_hooks_from_blueprint(app: Flask, client: FlaskClient) -> None:
    log: list[str] = []
    bp = Blueprint("bp", __name__)
    bp.before_app_request(lambda: log.append("before_app") and None)
    bp.after_app_request(lambda r: log.append("after_app") or r)
    bp.teardown_app_request(lambda e: log.append("teardown_app"))
    app.register_blueprint(bp)
    app.add_url_rule("/", "index", lambda: "app")
    client.get("/")
    assert log == ["before_app", "after_app", "teardown_app"]


def test_before_request_short_circuits(app: Flask, client: FlaskClient) -> None:
    log: list[str] = []

    @app.before_request
    def gate() -> tuple[str, int] | None:
        log.append("gate")
        return ("blocked", 403) if request.args.get("deny") else None

    @app.before_request
    def later() -> None:
        log.append("later")

    @app.after_request
    def after(response: Response) -> Response:
        log.append("after")
        response.headers["X-After"] = "1"
        return response

    app.add_url_rule("/", "index", lambda: log.append("view") or "ok")
    response = client.get("/?deny=1")
    assert (response.status_code, response.text, response.headers["X-After"]) == (
        403,
        "blocked",
        "1",
    )
    assert log == ["gate", "after"]


def test_after_request_can_replace_response(app: Flask, client: FlaskClient) -> None:
    app.after_request(lambda response: Response("replaced", 202))
    app.add_url_rule("/", "index", lambda: "original")
    response = client.get("/")
    assert (response.status_code, response.text) == (202, "replaced")


def test_after_this_request_runs_before_after_request(
    app: Flask, client: FlaskClient
) -> None:
    log: list[str] = []
    app.after_request(lambda r: log.append("after_request") or r)

    @app.route("/")
    def index() -> str:
        @after_this_request
        def first(response: Response) -> Response:
            log.append("first")
            response.headers["X-This"] = "yes"
            return response

        after_this_request(lambda r: log.append("second") or r)
        return "ok"

    assert client.get("/").headers["X-This"] == "yes"
    assert log == ["first", "second", "after_request"]
    client.get("/")
    assert log.count("first") == 2


def test_after_this_request_outside_request(app: Flask) -> None:
    with pytest.raises(RuntimeError) as info:
        after_this_request(lambda r: r)
    assert str(info.value) == (
        "'after_this_request' can only be used when a request context is active,"
        " such as in a view function."
    )


def test_teardown_receives_unhandled_exception(app: Flask, client: FlaskClient) -> None:
    seen: list[object] = []
    app.teardown_request(lambda exc: seen.append(("request", exc)))
    app.teardown_appcontext(lambda exc: seen.append(("app", exc)))
    error = ValueError("boom")

    @app.route("/")
    def index() -> str:
        raise error

    with pytest.raises(ValueError, match="boom"):
        client.get("/")
    assert seen == [("request", error), ("app", error)]


def test_teardown_gets_none_when_error_handled(app: Flask, client: FlaskClient) -> None:
    seen: list[object] = []
    app.teardown_request(lambda exc: seen.append(exc))
    app.register_error_handler(ValueError, lambda e: ("handled", 400))

    @app.route("/")
    def index() -> str:
        raise ValueError

    assert client.get("/").text == "handled"
    assert seen == [None]


def test_teardown_gets_exception_when_not_propagated(
    app: Flask, client: FlaskClient
) -> None:
    seen: list[object] = []
    app.config["PROPAGATE_EXCEPTIONS"] = False
    app.teardown_request(lambda exc: seen.append(type(exc)))
    app.add_url_rule("/", "index", lambda: 1 / 0)
    response = client.get("/")
    assert response.status_code == 500
    assert b"Internal Server Error" in response.data
    assert seen == [ZeroDivisionError]


@pytest.mark.parametrize(
    ("path", "method", "status", "endpoint", "args"),
    [
        ("/nope", "GET", 404, None, None),
        ("/dir", "GET", 308, None, None),
        ("/post", "GET", 405, None, None),
        ("/post", "OPTIONS", 200, "post", {}),
        ("/dir/", "HEAD", 200, "dir", {}),
    ],
)
def test_hooks_run_around_routing_results(
    app: Flask,
    client: FlaskClient,
    path: str,
    method: str,
    status: int,
    endpoint: str | None,
    args: object,
) -> None:
    log: list[tuple[object, ...]] = []
    app.url_value_preprocessor(lambda e, v: log.append(("preprocess", e, v)))
    app.before_request(
        lambda: log.append(("before", request.endpoint, request.view_args)) and None
    )
    app.after_request(lambda r: log.append(("after", r.status_code)) or r)
    app.teardown_request(lambda e: log.append(("teardown", e)))
    app.add_url_rule("/dir/", "dir", lambda: "d")
    app.add_url_rule("/post", "post", lambda: "p", methods=["POST"])
    assert client.open(path, method=method).status_code == status
    assert log == [
        ("preprocess", endpoint, args),
        ("before", endpoint, args),
        ("after", status),
        ("teardown", None),
    ]


def test_session_written_in_before_request_of_404(
    app: Flask, client: FlaskClient
) -> None:
    app.before_request(lambda: session.update(hit=1))
    response = client.get("/nope")
    assert response.status_code == 404
    assert response.headers["Set-Cookie"].startswith("session=")


def test_app_hooks_run_for_blueprint_views_beside_blueprint_hooks(
    app: Flask, client: FlaskClient
) -> None:
    # Before-request functions only on the app, after-request ones on the
    # app and the blueprint, teardown only on the blueprint.
    log: list[str] = []
    bp = Blueprint("bp", __name__, url_prefix="/bp")
    app.before_request(lambda: log.append("app.before") and None)
    app.after_request(lambda r: log.append("app.after") or r)
    bp.after_request(lambda r: log.append("bp.after") or r)
    bp.teardown_request(lambda e: log.append("bp.teardown"))
    bp.add_url_rule("/", "index", lambda: log.append("view") or "ok")
    app.add_url_rule("/", "index", lambda: log.append("app view") or "ok")
    app.register_blueprint(bp)

    assert client.get("/bp/").text == "ok"
    assert log == ["app.before", "view", "bp.after", "app.after", "bp.teardown"]
    log.clear()
    assert client.get("/").text == "ok"
    assert log == ["app.before", "app view", "app.after"]
