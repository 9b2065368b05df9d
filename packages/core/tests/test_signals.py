from __future__ import annotations

import blinker

import flaskish_templating.signals as template_signals
from flaskish_core import signals


def test_signal_names() -> None:
    assert {
        name: getattr(signals, name).name
        for name in (
            "request_started",
            "request_finished",
            "request_tearing_down",
            "got_request_exception",
            "appcontext_tearing_down",
            "appcontext_pushed",
            "appcontext_popped",
            "message_flashed",
            "template_rendered",
            "before_render_template",
        )
    } == {
        "request_started": "request-started",
        "request_finished": "request-finished",
        "request_tearing_down": "request-tearing-down",
        "got_request_exception": "got-request-exception",
        "appcontext_tearing_down": "appcontext-tearing-down",
        "appcontext_pushed": "appcontext-pushed",
        "appcontext_popped": "appcontext-popped",
        "message_flashed": "message-flashed",
        "template_rendered": "template-rendered",
        "before_render_template": "before-render-template",
    }


def test_template_signals_are_the_templating_objects() -> None:
    assert signals.template_rendered is template_signals.template_rendered
    assert signals.before_render_template is template_signals.before_render_template


def test_signals_are_blinker_signals_in_one_namespace() -> None:
    assert signals.Namespace is blinker.Namespace
    assert signals.signals["request-started"] is signals.request_started
    assert isinstance(signals.message_flashed, blinker.NamedSignal)


def test_connected_receiver_gets_sender_and_keywords() -> None:
    seen: list[tuple[object, dict[str, object]]] = []

    def receiver(sender: object, **extra: object) -> None:
        seen.append((sender, extra))

    sender = object()
    with signals.request_finished.connected_to(receiver):
        signals.request_finished.send(sender, response="r")
    signals.request_finished.send(sender, response="after")
    assert seen == [(sender, {"response": "r"})]
