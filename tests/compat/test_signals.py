"""Signals: which are sent, in what order, with which sender and arguments."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextlib import ExitStack
from typing import Any

import pytest
from blinker import NamedSignal

import flaskish
from flaskish import flash
from flaskish import Flask
from flaskish import render_template_string
from flaskish import Response
from flaskish import signals
from flaskish.testing import FlaskClient

LIFECYCLE = (
    "appcontext_pushed",
    "request_started",
    "got_request_exception",
    "before_render_template",
    "template_rendered",
    "message_flashed",
    "request_finished",
    "request_tearing_down",
    "appcontext_tearing_down",
    "appcontext_popped",
)


Log = list[tuple[str, dict[str, Any]]]


@contextmanager
def recorded(
    app: Flask, names: tuple[str, ...] = LIFECYCLE, log: list[Any] | None = None
) -> Iterator[Log]:
    """Record ``(signal name, keyword arguments)`` for ``app`` while active."""
    entries: Log = [] if log is None else log
    with ExitStack() as stack:
        for name in names:
            signal: NamedSignal = getattr(signals, name)

            def receiver(sender: object, _name: str = name, **kwargs: Any) -> None:
                assert sender is app
                entries.append((_name, kwargs))

            stack.enter_context(signal.connected_to(receiver, app))
        yield entries


def _steps(log: list[Any]) -> list[str]:
    """Plain strings of a shared log, with signal entries reduced to their name."""
    return [item if isinstance(item, str) else item[0] for item in log]


def _names(log: list[tuple[str, dict[str, Any]]]) -> list[str]:
    return [name for name, _ in log]


def test_signals_are_exported_at_both_paths() -> None:
    for name in LIFECYCLE:
        signal = getattr(signals, name)
        assert isinstance(signal, NamedSignal)
        assert signal.name == name.replace("_", "-")
        assert getattr(flaskish, name) is signal


def test_plain_request_order(app: Flask, client: FlaskClient) -> None:
    app.add_url_rule("/", "index", lambda: "ok")
    with recorded(app) as log:
        client.get("/")
    assert _names(log) == [
        "appcontext_pushed",
        "request_started",
        "request_finished",
        "request_tearing_down",
        "appcontext_tearing_down",
        "appcontext_popped",
    ]
    assert log[0][1] == {}
    assert log[1][1] == {}
    assert log[3][1] == {"exc": None}
    assert log[4][1] == {"exc": None}


def test_request_finished_gets_final_response(app: Flask, client: FlaskClient) -> None:
    app.add_url_rule("/", "index", lambda: "ok")
    app.after_request(lambda r: Response("after", 201))
    with recorded(app, ("request_finished",)) as log:
        client.get("/")
    ((_, kwargs),) = log
    response = kwargs["response"]
    assert (response.status_code, response.get_data()) == (201, b"after")


def test_hooks_interleave_with_signals(app: Flask, client: FlaskClient) -> None:
    order: list[Any] = []
    app.before_request(lambda: order.append("before_request") and None)
    app.after_request(lambda r: order.append("after_request") or r)
    app.teardown_request(lambda e: order.append("teardown_request"))
    app.teardown_appcontext(lambda e: order.append("teardown_appcontext"))
    app.add_url_rule("/", "index", lambda: order.append("view") or "ok")
    with recorded(app, log=order):
        client.get("/")
    assert _steps(order) == [
        "appcontext_pushed",
        "request_started",
        "before_request",
        "view",
        "after_request",
        "request_finished",
        "teardown_request",
        "request_tearing_down",
        "teardown_appcontext",
        "appcontext_tearing_down",
        "appcontext_popped",
    ]


def test_unhandled_exception_signals(app: Flask, client: FlaskClient) -> None:
    app.config["PROPAGATE_EXCEPTIONS"] = False
    error = ZeroDivisionError("zero")

    def fail() -> str:
        raise error

    app.add_url_rule("/", "fail", fail)
    with recorded(app) as log:
        assert client.get("/").status_code == 500
    assert _names(log) == [
        "appcontext_pushed",
        "request_started",
        "got_request_exception",
        "request_finished",
        "request_tearing_down",
        "appcontext_tearing_down",
        "appcontext_popped",
    ]
    assert log[2][1] == {"exception": error}
    assert log[3][1]["response"].status_code == 500
    assert log[4][1] == {"exc": error}
    assert log[5][1] == {"exc": error}


def test_propagated_exception_still_signals(app: Flask, client: FlaskClient) -> None:
    app.add_url_rule("/", "fail", lambda: 1 / 0)
    with recorded(app) as log, pytest.raises(ZeroDivisionError):
        client.get("/")
    assert _names(log) == [
        "appcontext_pushed",
        "request_started",
        "got_request_exception",
        "request_tearing_down",
        "appcontext_tearing_down",
        "appcontext_popped",
    ]


@pytest.mark.parametrize("handled", ["abort", "handler"])
def test_handled_errors_send_no_exception_signal(
    app: Flask, client: FlaskClient, handled: str
) -> None:
    app.register_error_handler(KeyError, lambda e: ("key", 400))
    app.add_url_rule("/abort", "abort", lambda: flaskish.abort(404))
    app.add_url_rule("/handler", "handler", lambda: {}["x"])
    with recorded(app, ("got_request_exception", "request_finished")) as log:
        client.get(f"/{handled}")
    assert _names(log) == ["request_finished"]


def test_template_signals(app: Flask, client: FlaskClient) -> None:
    app.add_url_rule(
        "/", "index", lambda: render_template_string("{{ who }}!", who="you")
    )
    with recorded(app, ("before_render_template", "template_rendered")) as log:
        assert client.get("/").text == "you!"
    assert _names(log) == ["before_render_template", "template_rendered"]
    before, rendered = log[0][1], log[1][1]
    assert before["template"] is rendered["template"]
    assert before["context"]["who"] == "you"
    assert set(rendered["context"]) == {"g", "request", "who"}


def test_before_render_template_can_change_context(app: Flask) -> None:
    def tweak(sender: Flask, template: object, context: dict[str, Any]) -> None:
        context["who"] = "changed"

    with signals.before_render_template.connected_to(tweak, app):
        with app.test_request_context():
            assert render_template_string("{{ who }}", who="me") == "changed"


def test_message_flashed(app: Flask, client: FlaskClient) -> None:
    @app.route("/")
    def index() -> str:
        flash("saved")
        flash("careful", "warning")
        return ""

    with recorded(app, ("message_flashed",)) as log:
        client.get("/")
    assert log == [
        ("message_flashed", {"message": "saved", "category": "message"}),
        ("message_flashed", {"message": "careful", "category": "warning"}),
    ]


def test_app_context_signals_outside_requests(app: Flask) -> None:
    with recorded(app) as log:
        with app.app_context():
            with app.app_context():
                pass
    assert _names(log) == [
        "appcontext_pushed",
        "appcontext_pushed",
        "appcontext_tearing_down",
        "appcontext_popped",
        "appcontext_tearing_down",
        "appcontext_popped",
    ]


def test_signals_filtered_by_sender(app: Flask) -> None:
    other = Flask("other")
    other.add_url_rule("/", "index", lambda: "other")
    with recorded(app) as log:
        other.test_client().get("/")
    assert log == []


def test_appcontext_pushed_can_set_g(app: Flask, client: FlaskClient) -> None:
    def set_user(sender: Flask, **kwargs: object) -> None:
        flaskish.g.user = "ada"

    app.add_url_rule("/", "index", lambda: flaskish.g.user)
    with signals.appcontext_pushed.connected_to(set_user, app):
        assert client.get("/").text == "ada"


@pytest.mark.parametrize("is_async", [False, True])
def test_receiver_sees_request(app: Flask, client: FlaskClient, is_async: bool) -> None:
    paths: list[str] = []

    def started(sender: Flask, **kwargs: object) -> None:
        paths.append(flaskish.request.path)

    async def started_async(sender: Flask, **kwargs: object) -> None:
        started(sender, **kwargs)

    app.add_url_rule("/here", "here", lambda: "")
    with signals.request_started.connected_to(
        started_async if is_async else started, app
    ):
        client.get("/here?x=1")
    assert paths == ["/here"]


def test_request_tearing_down_in_test_request_context(app: Flask) -> None:
    with recorded(app, ("request_tearing_down", "appcontext_popped")) as log:
        with app.test_request_context("/"):
            pass
    assert log == [
        ("request_tearing_down", {"exc": None}),
        ("appcontext_popped", {}),
    ]


def test_streamed_template_signals(app: Flask) -> None:
    log: list[Any] = []
    names = ("before_render_template", "template_rendered")
    with recorded(app, names, log=log), app.test_request_context():
        chunks = flaskish.stream_template_string(
            "{{ a }}{% for i in range(2) %}{{ i }}{% endfor %}", a="x"
        )
        log.append("created")
        log.append(f"chunk {next(chunks)}")
        log.append(f"rest {''.join(chunks)}")
    assert _steps(log) == [
        "before_render_template",
        "created",
        "chunk x",
        "template_rendered",
        "rest 01",
    ]
