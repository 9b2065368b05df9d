from __future__ import annotations

import io
import logging
import sys
from collections.abc import Iterator

import pytest

from flaskish_core.app import Flask
from flaskish_core.logging import create_logger
from flaskish_core.logging import default_handler
from flaskish_core.logging import has_level_handler
from flaskish_core.logging import wsgi_errors_stream


@pytest.fixture
def logger_name() -> Iterator[str]:
    name = "logging_test_app"
    logger = logging.getLogger(name)
    yield name
    logger.handlers.clear()
    logger.setLevel(logging.NOTSET)
    logger.propagate = True


class _App:
    def __init__(self, name: str, debug: bool) -> None:
        self.name = name
        self.debug = debug


def test_create_logger_adds_default_handler(
    logger_name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # pytest's capture handlers on the root logger would count as handlers.
    monkeypatch.setattr(logging.root, "handlers", [])
    logger = create_logger(_App(logger_name, debug=False))
    assert logger.name == logger_name
    assert logger.level == logging.NOTSET
    assert logger.handlers == [default_handler]


def test_create_logger_debug_sets_level_once(logger_name: str) -> None:
    logger = create_logger(_App(logger_name, debug=True))
    assert logger.level == logging.DEBUG
    logging.getLogger(logger_name).setLevel(logging.ERROR)
    assert create_logger(_App(logger_name, debug=True)).level == logging.ERROR


def test_create_logger_keeps_existing_handler(logger_name: str) -> None:
    logger = logging.getLogger(logger_name)
    own = logging.StreamHandler(io.StringIO())
    logger.addHandler(own)
    assert create_logger(_App(logger_name, debug=False)).handlers == [own]


def test_has_level_handler(logger_name: str) -> None:
    logger = logging.getLogger(logger_name)
    root = logging.getLogger()
    saved = root.handlers[:]
    root.handlers.clear()
    try:
        assert has_level_handler(logger) is False
        handler = logging.StreamHandler(io.StringIO())
        handler.setLevel(logging.ERROR)
        root.addHandler(handler)
        logger.setLevel(logging.DEBUG)
        assert has_level_handler(logger) is False
        logger.setLevel(logging.ERROR)
        assert has_level_handler(logger) is True
        logger.propagate = False
        assert has_level_handler(logger) is False
    finally:
        root.handlers[:] = saved


def test_default_handler_format() -> None:
    record = logging.LogRecord("n", logging.WARNING, "/x/views.py", 1, "hi", (), None)
    formatted = default_handler.format(record)
    assert formatted.endswith("] WARNING in views: hi")
    assert formatted.startswith("[")


def test_wsgi_errors_stream_outside_request_is_stderr() -> None:
    assert wsgi_errors_stream._get_current_object() is sys.stderr  # type: ignore[attr-defined]


def test_wsgi_errors_stream_in_request_is_wsgi_errors() -> None:
    app = Flask("logging_stream_app")
    errors = io.StringIO()
    with app.test_request_context(errors_stream=errors):
        assert wsgi_errors_stream._get_current_object() is errors  # type: ignore[attr-defined]


def test_app_logger_writes_to_request_errors_stream() -> None:
    app = Flask("logging_request_app")
    errors = io.StringIO()

    @app.get("/")
    def index() -> str:
        app.logger.error("broken %s", "here")
        return ""

    root = logging.getLogger()
    saved = root.handlers[:]
    root.handlers.clear()
    try:
        app.test_client().get("/", errors_stream=errors)
    finally:
        root.handlers[:] = saved
        logging.getLogger("logging_request_app").handlers.clear()
    assert "ERROR in test_logging: broken here" in errors.getvalue()
