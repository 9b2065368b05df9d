"""Request hooks and error handlers: order, arguments and fallbacks."""

from __future__ import annotations

import pytest
from werkzeug.exceptions import BadRequest
from werkzeug.exceptions import Forbidden
from werkzeug.exceptions import HTTPException
from werkzeug.exceptions import InternalServerError
from werkzeug.exceptions import NotFound

from flaskish import abort
from flaskish import after_this_request
from flaskish import Blueprint
from flaskish import Flask
from flaskish import got_request_exception
from flaskish import request
from flaskish import Response
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
    app.logger.disabled = True
    app.teardown_request(lambda exc: seen.append(type(exc)))
    app.add_url_rule("/", "index", lambda: 1 / 0)
    response = client.get("/")
    assert response.status_code == 500
    assert b"Internal Server Error" in response.data
    assert seen == [ZeroDivisionError]


def test_error_handler_by_code(app: Flask, client: FlaskClient) -> None:
    @app.errorhandler(403)
    def forbidden(e: Forbidden) -> tuple[str, int]:
        return f"no: {e.description}", 403

    app.add_url_rule("/", "index", lambda: abort(403, "members only"))
    response = client.get("/")
    assert (response.status_code, response.text) == (403, "no: members only")


def test_error_handler_code_and_class_are_the_same(
    app: Flask, client: FlaskClient
) -> None:
    app.register_error_handler(NotFound, lambda e: ("by class", 404))
    app.register_error_handler(404, lambda e: ("by code", 404))
    assert client.get("/missing").text == "by code"


def test_handler_for_unknown_url_and_405(app: Flask, client: FlaskClient) -> None:
    app.register_error_handler(404, lambda e: ({"error": e.name}, 404))
    app.register_error_handler(405, lambda e: ("method", 405))
    app.add_url_rule("/", "index", lambda: "")
    assert client.get("/nope").json == {"error": "Not Found"}
    response = client.post("/")
    assert (response.status_code, response.text) == (405, "method")


def test_handler_resolution_follows_mro(app: Flask, client: FlaskClient) -> None:
    class AppError(Exception):
        pass

    class DeepError(AppError):
        pass

    app.register_error_handler(Exception, lambda e: "exception")
    app.register_error_handler(AppError, lambda e: "app error")
    app.register_error_handler(LookupError, lambda e: "lookup")

    def fail(exc: Exception) -> str:
        raise exc

    app.add_url_rule(
        "/<int:n>", "fail", lambda n: fail([DeepError(), KeyError(), RuntimeError()][n])
    )
    assert [client.get(f"/{n}").text for n in range(3)] == [
        "app error",
        "lookup",
        "exception",
    ]


def test_http_exception_subclass_handler(app: Flask, client: FlaskClient) -> None:
    class PaymentRequired(HTTPException):
        code = 402
        description = "Pay first."

    app.register_error_handler(
        PaymentRequired, lambda e: (f"{e.code} {e.description}", 402)
    )

    def pay() -> str:
        raise PaymentRequired()

    app.add_url_rule("/", "pay", pay)
    response = client.get("/")
    assert (response.status_code, response.text) == (402, "402 Pay first.")


def test_generic_http_exception_handler_skips_redirects(
    app: Flask, client: FlaskClient
) -> None:
    app.register_error_handler(HTTPException, lambda e: (f"caught {e.code}", e.code))
    app.add_url_rule("/dir/", "dir", lambda: "dir")
    assert client.get("/zzz").text == "caught 404"
    assert client.get("/dir").status_code == 308


def test_500_handler_gets_original_exception(app: Flask, client: FlaskClient) -> None:
    app.config["PROPAGATE_EXCEPTIONS"] = False
    app.logger.disabled = True
    seen: list[object] = []

    @app.errorhandler(500)
    def server_error(e: InternalServerError) -> tuple[str, int]:
        seen.append(type(e))
        seen.append(e.original_exception)
        return "sorry", 500

    error = KeyError("k")

    def fail() -> str:
        raise error

    app.add_url_rule("/", "fail", fail)
    app.add_url_rule("/abort", "aborted", lambda: abort(500))
    assert client.get("/").text == "sorry"
    assert seen == [InternalServerError, error]
    seen.clear()
    client.get("/abort")
    assert seen == [InternalServerError, None]


def test_unhandled_exception_propagates_in_testing(
    app: Flask, client: FlaskClient
) -> None:
    app.register_error_handler(500, lambda e: ("hidden", 500))
    app.add_url_rule("/", "fail", lambda: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        client.get("/")


def test_propagate_exceptions_false_gives_500(app: Flask, client: FlaskClient) -> None:
    app.config["PROPAGATE_EXCEPTIONS"] = False
    app.logger.disabled = True
    app.add_url_rule("/", "fail", lambda: 1 / 0)
    response = client.get("/")
    assert response.status_code == 500
    assert b"<title>500 Internal Server Error</title>" in response.data


def test_got_request_exception_before_propagation(
    app: Flask, client: FlaskClient
) -> None:
    seen: list[tuple[object, object]] = []

    def listener(sender: Flask, exception: BaseException, **extra: object) -> None:
        seen.append((sender, type(exception)))

    app.add_url_rule("/", "fail", lambda: 1 / 0)
    with got_request_exception.connected_to(listener, app):
        with pytest.raises(ZeroDivisionError):
            client.get("/")
    assert seen == [(app, ZeroDivisionError)]


def test_trap_http_exceptions(app: Flask, client: FlaskClient) -> None:
    app.config["TRAP_HTTP_EXCEPTIONS"] = True
    with pytest.raises(NotFound):
        client.get("/missing")


def test_bad_request_key_error_trapped_in_debug(
    app: Flask, client: FlaskClient
) -> None:
    app.add_url_rule("/", "form", lambda: request.form["absent"], methods=["POST"])
    assert client.post("/").status_code == 400
    app.debug = True
    with pytest.raises(BadRequest) as info:
        client.post("/")
    assert "KeyError: 'absent'" in str(info.value)


def test_blueprint_error_handler_scope(app: Flask, client: FlaskClient) -> None:
    bp = Blueprint("bp", __name__, url_prefix="/bp")
    bp.register_error_handler(ValueError, lambda e: "bp handler")
    bp.add_url_rule("/", "fail", lambda: int("x"))
    app.register_blueprint(bp)
    app.register_error_handler(ValueError, lambda e: "app handler")
    app.add_url_rule("/", "fail", lambda: int("x"))
    assert client.get("/bp/").text == "bp handler"
    assert client.get("/").text == "app handler"


def test_app_errorhandler_from_blueprint(app: Flask, client: FlaskClient) -> None:
    bp = Blueprint("bp", __name__)
    bp.app_errorhandler(404)(lambda e: ("everywhere", 404))
    app.register_blueprint(bp)
    assert client.get("/nothing").text == "everywhere"


def test_errorhandler_registration_errors(app: Flask) -> None:
    with pytest.raises(ValueError) as value_info:
        app.register_error_handler(999, lambda e: "")
    assert str(value_info.value) == (
        "'999' is not a recognized HTTP error code. Use a subclass of"
        " HTTPException with that code instead."
    )
    with pytest.raises(TypeError) as type_info:
        app.register_error_handler(NotFound(), lambda e: "")  # type: ignore[arg-type]
    assert str(type_info.value).endswith(
        "is an instance, not a class. Handlers can only be registered for"
        " Exception classes or HTTP error codes."
    )
