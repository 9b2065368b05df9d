"""Pipeline steps replaced on the app instance or overridden by a subclass
are the ones a request runs, under WSGI and ASGI, whenever they change."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from unittest import mock

import pytest
from werkzeug.wrappers import Response as BaseResponse

from flaskish_core.app import Flask

STEPS = [
    "full_dispatch_request",
    "preprocess_request",
    "dispatch_request",
    "finalize_request",
    "process_response",
    "do_teardown_request",
    "do_teardown_appcontext",
]


def served(app: Flask, protocol: str) -> BaseResponse:
    if protocol == "asgi":
        with mock.patch.dict("os.environ", {"FLASKISH_TEST_CLIENT": "asgi"}):
            return app.test_client().get("/")
    return app.test_client().get("/")


def make_app() -> Flask:
    app = Flask("replaced_steps")
    app.get("/")(lambda: "view")
    return app


def recording(app: Flask, name: str, calls: list[str]) -> Callable[..., Any]:
    original = getattr(app, name)

    def replacement(*args: Any, **kwargs: Any) -> Any:
        calls.append(name)
        return original(*args, **kwargs)

    return replacement


@pytest.mark.parametrize("protocol", ["wsgi", "asgi"])
@pytest.mark.parametrize("name", STEPS)
def test_a_step_replaced_after_the_first_request_runs(name: str, protocol: str) -> None:
    app = make_app()
    assert served(app, protocol).data == b"view"
    calls: list[str] = []
    setattr(app, name, recording(app, name, calls))
    assert served(app, protocol).data == b"view"
    assert calls == [name]
    delattr(app, name)
    assert served(app, protocol).data == b"view"
    assert calls == [name]


@pytest.mark.parametrize("protocol", ["wsgi", "asgi"])
def test_a_patched_step_runs_only_while_patched(protocol: str) -> None:
    app = make_app()

    def process_response(response: Any) -> Any:
        response.headers["X-Patched"] = "yes"
        return response

    with mock.patch.object(app, "process_response", process_response):
        assert served(app, protocol).headers["X-Patched"] == "yes"
    assert "X-Patched" not in served(app, protocol).headers


@pytest.mark.parametrize("protocol", ["wsgi", "asgi"])
def test_subclass_and_instance_replacements_both_run(protocol: str) -> None:
    calls: list[str] = []

    class Custom(Flask):
        def dispatch_request(self) -> Any:
            calls.append("subclass dispatch")
            return super().dispatch_request()

    app = Custom("replaced_steps")
    app.get("/")(lambda: "view")
    app.process_response = recording(app, "process_response", calls)  # type: ignore[method-assign]
    assert served(app, protocol).data == b"view"
    assert calls == ["subclass dispatch", "process_response"]
    # Deleting the instance's replacement leaves the subclass's override.
    del app.process_response
    calls.clear()
    assert served(app, protocol).data == b"view"
    assert calls == ["subclass dispatch"]


def test_other_attributes_do_not_count_as_replaced_steps() -> None:
    app = make_app()
    app.testing = True
    app.some_extension_state = {"ready": True}  # type: ignore[attr-defined]
    assert app._overridden_steps == frozenset()
    app.preprocess_request = lambda: None  # type: ignore[method-assign]
    assert app._overridden_steps == {"preprocess_request"}
    del app.preprocess_request
    assert app._overridden_steps == frozenset()


@pytest.mark.parametrize("protocol", ["wsgi", "asgi"])
def test_the_instance_keeps_the_steps_its_class_would_give(protocol: str) -> None:
    # Each app holds its own set of replaced steps from the start (read
    # faster than the class's); it is the one the class gives, and a
    # subclass replacing a step in __init__ before Flask's still counts.
    calls: list[str] = []

    class Custom(Flask):
        def __init__(self, name: str) -> None:
            self.process_response = recording_before_init(calls)  # type: ignore[method-assign]
            super().__init__(name)

        def dispatch_request(self) -> Any:
            calls.append("subclass dispatch")
            return super().dispatch_request()

    app = Custom("replaced_steps")
    assert "_overridden_steps" in vars(app)
    assert app._overridden_steps == {"dispatch_request", "process_response"}
    assert vars(make_app())["_overridden_steps"] == Flask._overridden_steps
    app.get("/")(lambda: "view")
    assert served(app, protocol).data == b"view"
    assert calls == ["subclass dispatch", "process_response"]


def recording_before_init(calls: list[str]) -> Callable[[Any], Any]:
    def process_response(response: Any) -> Any:
        calls.append("process_response")
        return response

    return process_response
