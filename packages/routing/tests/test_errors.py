"""Error handlers: lookup order, unhandled exceptions and 500 responses."""

from __future__ import annotations

import logging
from typing import Any

import pytest
from werkzeug.exceptions import abort
from werkzeug.exceptions import Forbidden
from werkzeug.exceptions import HTTPException
from werkzeug.exceptions import InternalServerError
from werkzeug.exceptions import NotFound
from werkzeug.test import Client
from werkzeug.wrappers import Response

from flaskish_routing import Router


def _fail_with(exc: BaseException) -> Any:
    def view(*args: Any) -> str:
        raise exc

    return view


def test_handler_by_code(app: Router, client: Client) -> None:
    app.add_url_rule("/forbidden", "forbidden", lambda: abort(403))
    app.errorhandler(403)(lambda e: (f"no: {e.code}", 403, {"X-Handled": "1"}))
    app.errorhandler(404)(lambda e: ("custom missing", 404))
    response = client.get("/forbidden")
    assert (response.status_code, response.text) == (403, "no: 403")
    assert response.headers["X-Handled"] == "1"
    # Routing errors go through the same handlers.
    response = client.get("/nowhere")
    assert (response.status_code, response.text) == (404, "custom missing")


def test_handler_by_class_follows_the_mro(app: Router, client: Client) -> None:
    app.add_url_rule("/key", "key", _fail_with(KeyError("k")))
    app.add_url_rule("/index", "index", _fail_with(IndexError("i")))
    app.add_url_rule("/value", "value", _fail_with(ValueError("v")))
    app.register_error_handler(LookupError, lambda e: (f"lookup {e!r}", 400))
    app.register_error_handler(KeyError, lambda e: (f"key {e!r}", 400))
    assert client.get("/key").text == "key KeyError('k')"
    assert client.get("/index").text == "lookup IndexError('i')"
    response = client.get("/value")
    assert response.status_code == 500


def test_code_handler_wins_over_class_handler(app: Router, client: Client) -> None:
    app.add_url_rule("/forbidden", "forbidden", lambda: abort(403))
    app.add_url_rule("/gone", "gone", lambda: abort(410))
    app.register_error_handler(HTTPException, lambda e: (f"any {e.code}", e.code))
    app.register_error_handler(Exception, lambda e: ("exception", 500))
    app.register_error_handler(410, lambda e: ("gone handler", 410))
    assert client.get("/forbidden").text == "any 403"
    assert client.get("/gone").text == "gone handler"


def test_exception_handler_catches_http_errors_without_a_closer_one(
    app: Router, client: Client
) -> None:
    app.register_error_handler(Exception, lambda e: (type(e).__name__, 418))
    response = client.get("/nowhere")
    assert (response.status_code, response.text) == (418, "NotFound")


def test_unhandled_exception_is_a_logged_500(
    app: Router, client: Client, caplog: pytest.LogCaptureFixture
) -> None:
    app.add_url_rule("/boom", "boom", _fail_with(RuntimeError("boom")))
    seen: list[Any] = []
    app.teardown_request(seen.append)
    with caplog.at_level(logging.ERROR, logger=app.name):
        response = client.get("/boom")
    assert response.status_code == 500
    assert b"Internal Server Error" in response.get_data()
    assert b"boom" not in response.get_data()
    (record,) = caplog.records
    assert record.getMessage() == "Exception on /boom [GET]"
    assert record.exc_info is not None
    assert isinstance(record.exc_info[1], RuntimeError)
    assert len(seen) == 1
    assert isinstance(seen[0], RuntimeError)


@pytest.mark.parametrize("key", [500, InternalServerError])
def test_server_error_handler_gets_the_original_exception(
    app: Router, client: Client, key: Any, caplog: pytest.LogCaptureFixture
) -> None:
    original = RuntimeError("boom")
    app.add_url_rule("/boom", "boom", _fail_with(original))

    @app.errorhandler(key)
    def server_error(e: InternalServerError) -> tuple[str, int]:
        assert e.original_exception is original
        return f"sorry: {e.original_exception}", 500

    @app.after_request
    def tag(response: Response) -> Response:
        response.headers["X-After"] = "ran"
        return response

    response = client.get("/boom")
    assert (response.status_code, response.text) == (500, "sorry: boom")
    assert response.headers["X-After"] == "ran"


def test_errors_of_handlers_become_500(
    app: Router, client: Client, caplog: pytest.LogCaptureFixture
) -> None:
    app.add_url_rule("/key", "key", _fail_with(KeyError("k")))
    app.register_error_handler(KeyError, _fail_with(ValueError("handler broke")))
    seen: list[Any] = []
    app.register_error_handler(500, lambda e: seen.append(e) or ("500 page", 500))
    response = client.get("/key")
    assert (response.status_code, response.text) == (500, "500 page")
    assert isinstance(seen[0].original_exception, ValueError)


def test_after_request_failing_while_handling_an_error(
    app: Router, client: Client, caplog: pytest.LogCaptureFixture
) -> None:
    app.add_url_rule("/boom", "boom", _fail_with(RuntimeError("boom")))
    app.after_request(_fail_with(ValueError("after")))
    with caplog.at_level(logging.ERROR, logger=app.name):
        response = client.get("/boom")
    assert response.status_code == 500
    assert [r.getMessage() for r in caplog.records] == [
        "Exception on /boom [GET]",
        "Request finalizing failed with an error while handling an error",
    ]


def test_handler_return_goes_through_after_request(app: Router, client: Client) -> None:
    app.register_error_handler(NotFound, lambda e: {"error": e.name})
    calls: list[int] = []

    @app.after_request
    def after(response: Response) -> Response:
        calls.append(response.status_code)
        return response

    response = client.get("/nowhere")
    assert response.status_code == 200
    assert response.get_json() == {"error": "Not Found"}
    assert calls == [200]


def test_errors_raised_by_before_request_are_handled(
    app: Router, client: Client
) -> None:
    app.add_url_rule("/", "index", lambda: "index")
    app.before_request(lambda: abort(403))
    app.register_error_handler(Forbidden, lambda e: ("blocked", 403))
    assert client.get("/").text == "blocked"


def test_handlers_of_dotted_endpoints_inner_first(app: Router, client: Client) -> None:
    app.add_url_rule("/inner", "a.b.view", _fail_with(KeyError("k")))
    app.add_url_rule("/outer", "a.view", _fail_with(KeyError("k")))
    app.error_handler_spec["a"][None][KeyError] = lambda e: ("a", 400)
    app.error_handler_spec["a.b"][None][LookupError] = lambda e: ("a.b", 400)
    app.error_handler_spec[None][None][KeyError] = lambda e: ("app", 400)
    assert client.get("/inner").text == "a.b"
    assert client.get("/outer").text == "a"
    assert app._find_error_handler(KeyError(), ()) is not None
    assert app._find_error_handler(ValueError(), ("a.b", "a")) is None


def test_lookups_do_not_add_registry_keys(app: Router, client: Client) -> None:
    app.add_url_rule("/x", "a.b.x", _fail_with(KeyError("k")))
    app.register_error_handler(404, lambda e: ("nf", 404))
    client.get("/x")
    client.get("/nowhere")
    assert list(app.error_handler_spec) == [None]
    assert list(app.error_handler_spec[None]) == [404]
    assert app.before_request_funcs == {}
    assert app.teardown_request_funcs == {}
