"""Error handlers: lookup by code, class and MRO, per blueprint, and their results."""

from __future__ import annotations

import pytest
from werkzeug.exceptions import Forbidden
from werkzeug.exceptions import HTTPException
from werkzeug.exceptions import NotFound

from flaskish import abort
from flaskish import Blueprint
from flaskish import Flask
from flaskish import has_app_context
from flaskish import has_request_context
from flaskish import Response
from flaskish.testing import FlaskClient


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


def test_failing_teardown_propagates(app: Flask, client: FlaskClient) -> None:
    # Whether the other teardown functions still run is a documented
    # difference (docs/differences.md), so only the common part is checked.
    log: list[str] = []

    def failing(exc: BaseException | None) -> None:
        log.append("failing")
        raise RuntimeError("teardown failed")

    app.teardown_request(failing)
    app.teardown_appcontext(lambda exc: log.append("appctx"))
    app.add_url_rule("/", "index", lambda: "ok")
    with pytest.raises(RuntimeError, match="teardown failed"):
        client.get("/")
    assert log[0] == "failing"
    assert log[-1] == "appctx"
    assert not has_request_context()
    assert not has_app_context()


def test_after_request_error_bypasses_user_handlers(
    app: Flask, client: FlaskClient
) -> None:
    app.register_error_handler(ValueError, lambda e: ("handled", 400))

    @app.after_request
    def broken(response: Response) -> Response:
        raise ValueError("after")

    app.add_url_rule("/", "index", lambda: "ok")
    with pytest.raises(ValueError, match="after"):
        client.get("/")


def test_handler_without_status_gives_200(app: Flask, client: FlaskClient) -> None:
    app.register_error_handler(404, lambda e: "not really missing")
    response = client.get("/missing")
    assert (response.status_code, response.text) == (200, "not really missing")


@pytest.mark.parametrize("custom", [False, True])
def test_allow_header_only_on_default_405(
    app: Flask, client: FlaskClient, custom: bool
) -> None:
    app.add_url_rule("/", "index", lambda: "")
    if custom:
        app.register_error_handler(405, lambda e: ("no", 405))
    assert ("Allow" in client.post("/").headers) is not custom


def test_error_inside_handler_propagates(app: Flask, client: FlaskClient) -> None:
    def handler(e: ValueError) -> str:
        raise KeyError("in handler")

    app.register_error_handler(ValueError, handler)
    app.add_url_rule("/", "index", lambda: int("x"))
    with pytest.raises(KeyError, match="in handler"):
        client.get("/")


def test_handler_returning_none(app: Flask, client: FlaskClient) -> None:
    app.register_error_handler(ValueError, lambda e: None)
    app.add_url_rule("/", "parse", lambda: int("x"))
    with pytest.raises(TypeError) as info:
        client.get("/")
    assert str(info.value).startswith(
        "The view function for 'parse' did not return a valid response."
    )


def test_http_exception_from_before_request(app: Flask, client: FlaskClient) -> None:
    app.before_request(lambda: abort(401))
    app.register_error_handler(401, lambda e: ({"error": e.name}, 401))
    app.add_url_rule("/", "index", lambda: "secret")
    response = client.get("/")
    assert (response.status_code, response.json) == (401, {"error": "Unauthorized"})


def test_default_error_pages_are_werkzeugs(app: Flask, client: FlaskClient) -> None:
    class Described(NotFound):
        def get_description(self, environ: object = None, scope: object = None) -> str:
            return "<p>described per request</p>"

    app.add_url_rule("/abort", "abort", lambda: abort(404, "a <b> & c\nd"))
    app.add_url_rule("/forbidden", "forbidden", lambda: abort(403))
    app.add_url_rule("/described", "described", lambda: Described())
    app.add_url_rule("/gone", "gone", lambda: (NotFound("gone"), 410, {"X-A": "1"}))
    for _ in range(2):
        missing = client.get("/missing")
        assert missing.status_code == 404
        assert missing.headers["Content-Type"] == "text/html; charset=utf-8"
        assert missing.text == NotFound().get_body()
        assert client.get("/abort").text == NotFound("a <b> & c\nd").get_body()
        forbidden = client.get("/forbidden")
        assert (forbidden.status_code, forbidden.text) == (403, Forbidden().get_body())
        assert "<p>described per request</p>" in client.get("/described").text
        gone = client.get("/gone")
        assert (gone.status_code, gone.headers["X-A"]) == (410, "1")
        assert gone.text == NotFound("gone").get_body()
