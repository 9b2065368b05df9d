"""The session serializer (tagged JSON) on generated values and documents."""

from __future__ import annotations

from typing import Any

import flask
from hypothesis import assume
from hypothesis import given

import flaskish

from .harness import FRAMEWORKS
from .harness import outcome
from .harness import same
from .known import excluded
from .strategies import json_texts
from .strategies import session_values

SERIALIZERS = {
    "flask": flask.json.tag.TaggedJSONSerializer(),
    "flaskish": flaskish.json.tag.TaggedJSONSerializer(),
}
APPS = {name: framework.Flask("tag") for name, framework in FRAMEWORKS.items()}


@given(session_values)
def test_dumps_and_round_trip_outside_an_app(value: Any) -> None:
    same({name: outcome(lambda s=s: s.dumps(value)) for name, s in SERIALIZERS.items()})
    same(
        {
            name: outcome(lambda s=s: s.loads(s.dumps(value)))
            for name, s in SERIALIZERS.items()
        }
    )


@given(session_values)
def test_dumps_and_round_trip_inside_an_app(value: Any) -> None:
    def run(name: str) -> tuple[tuple[str, str], tuple[str, str]]:
        serializer = SERIALIZERS[name]
        with APPS[name].app_context():
            return (
                outcome(lambda: serializer.dumps(value)),
                outcome(lambda: serializer.loads(serializer.dumps(value))),
            )

    same({name: run(name) for name in SERIALIZERS})


@given(json_texts)
def test_loads_of_any_json(text: str) -> None:
    assume(not excluded("tagged JSON loads", text=text))
    same({name: outcome(lambda s=s: s.loads(text)) for name, s in SERIALIZERS.items()})
