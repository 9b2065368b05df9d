"""Unhandled exceptions: propagation, trapping, 500 responses and logging."""

from __future__ import annotations

import logging

import pytest
from werkzeug.exceptions import BadRequest
from werkzeug.exceptions import InternalServerError
from werkzeug.exceptions import NotFound

from flaskish import abort
from flaskish import Flask
from flaskish import got_request_exception
from flaskish import request
from flaskish import Response
from flaskish.logging import default_handler
from flaskish.testing import FlaskClient


def test_500_handler_gets_original_exception(app: Flask, client: FlaskClient) -> None:
    app.config["PROPAGATE_EXCEPTIONS"] = False
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


def test_unhandled_exception_is_logged(
    app: Flask, client: FlaskClient, caplog: pytest.LogCaptureFixture
) -> None:
    app.config["PROPAGATE_EXCEPTIONS"] = False
    app.add_url_rule("/boom", "boom", lambda: 1 / 0, methods=["POST"])
    with caplog.at_level(logging.ERROR, logger=app.logger.name):
        assert client.post("/boom").status_code == 500
    (record,) = caplog.records
    assert (record.name, record.levelname, record.getMessage()) == (
        "compat_app",
        "ERROR",
        "Exception on /boom [POST]",
    )
    assert record.exc_info is not None
    assert record.exc_info[0] is ZeroDivisionError


def test_unhandled_exception_log_line_names_app_module(
    app: Flask, client: FlaskClient, caplog: pytest.LogCaptureFixture
) -> None:
    # The default handler's format shows %(module)s, so this is visible in logs.
    app.config["PROPAGATE_EXCEPTIONS"] = False
    app.add_url_rule("/", "boom", lambda: 1 / 0)
    with caplog.at_level(logging.ERROR, logger=app.logger.name):
        client.get("/")
    assert default_handler.formatter is not None
    line = default_handler.formatter.format(caplog.records[0]).splitlines()[0]
    assert line.endswith("] ERROR in app: Exception on / [GET]")


def test_after_request_failure_while_handling_error(
    app: Flask, client: FlaskClient, caplog: pytest.LogCaptureFixture
) -> None:
    app.config["PROPAGATE_EXCEPTIONS"] = False
    app.register_error_handler(500, lambda e: ("sorry", 500))

    @app.after_request
    def broken(response: Response) -> Response:
        raise KeyError("after")

    app.add_url_rule("/", "boom", lambda: 1 / 0)
    with caplog.at_level(logging.ERROR, logger=app.logger.name):
        response = client.get("/")
    assert (response.status_code, response.text) == (500, "sorry")
    assert [r.getMessage() for r in caplog.records] == [
        "Exception on / [GET]",
        "Request finalizing failed with an error while handling an error",
    ]


def test_missing_form_key_is_generic_400(app: Flask, client: FlaskClient) -> None:
    app.add_url_rule("/", "index", lambda: request.args["missing"])
    response = client.get("/")
    assert response.status_code == 400
    assert (
        b"<p>The browser (or proxy) sent a request that this server could not understand.</p>"
        in response.data
    )
    assert b"missing" not in response.data


def test_debug_explains_missing_file_upload(app: Flask, client: FlaskClient) -> None:
    app.debug = True
    app.add_url_rule(
        "/", "upload", lambda: request.files["doc"].filename, methods=["POST"]
    )
    with pytest.raises(KeyError) as info:
        client.post("/", data={"doc": "name.txt"})
    assert isinstance(info.value, AssertionError)
    assert str(info.value) == (
        "You tried to access the file 'doc' in the request.files dictionary but it does not"
        " exist. The mimetype for the request is 'application/x-www-form-urlencoded' instead"
        " of 'multipart/form-data' which means that no file contents were transmitted. To"
        ' fix this error you should provide enctype="multipart/form-data" in your form.\n\n'
        "The browser instead transmitted some file names. This was submitted: 'name.txt'"
    )


def test_logger_level_follows_debug() -> None:
    app = Flask("debug_logger")
    app.debug = True
    assert app.logger.name == "debug_logger"
    assert app.logger.level == logging.DEBUG


def test_500_body_hides_the_error(app: Flask, client: FlaskClient) -> None:
    app.config["PROPAGATE_EXCEPTIONS"] = False

    def leak() -> str:
        raise ValueError("database password is hunter2")

    app.add_url_rule("/", "leak", leak)
    response = client.get("/")
    assert response.status_code == 500
    assert b"hunter2" not in response.data
    assert b"Traceback" not in response.data


def test_debug_mode_propagates_outside_testing() -> None:
    app = Flask("debugging")
    app.debug = True
    app.add_url_rule("/", "fail", lambda: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        app.test_client().get("/")


def test_production_mode_does_not_propagate(caplog: pytest.LogCaptureFixture) -> None:
    app = Flask("production")
    app.add_url_rule("/", "fail", lambda: 1 / 0)
    with caplog.at_level(logging.ERROR, logger="production"):
        assert app.test_client().get("/").status_code == 500
    assert [record.getMessage() for record in caplog.records] == [
        "Exception on / [GET]"
    ]
