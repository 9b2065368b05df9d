from __future__ import annotations

import dataclasses
import gc
import io
import json
import uuid
from datetime import date
from datetime import datetime
from datetime import UTC
from decimal import Decimal

import pytest
from markupsafe import Markup

from flaskish_core import json as fjson
from flaskish_core.app import Flask
from flaskish_core.json.provider import DefaultJSONProvider
from flaskish_core.json.provider import JSONProvider
from flaskish_core.json.tag import TaggedJSONSerializer


@dataclasses.dataclass
class _Point:
    x: int
    y: int


@pytest.fixture
def app() -> Flask:
    return Flask("json_app")


def test_dumps_outside_app_handles_extra_types() -> None:
    value = {
        "when": date(2000, 1, 1),
        "at": datetime(2000, 1, 1, 12, 30, tzinfo=UTC),
        "price": Decimal("1.50"),
        "id": uuid.UUID("12345678-1234-5678-1234-567812345678"),
        "point": _Point(1, 2),
        "html": Markup("<b>x</b>"),
    }
    assert fjson.loads(fjson.dumps(value)) == {
        "when": "Sat, 01 Jan 2000 00:00:00 GMT",
        "at": "Sat, 01 Jan 2000 12:30:00 GMT",
        "price": "1.50",
        "id": "12345678-1234-5678-1234-567812345678",
        "point": {"x": 1, "y": 2},
        "html": "<b>x</b>",
    }


def test_dumps_outside_app_is_stdlib_shaped() -> None:
    # Outside an app: no key sorting, stdlib separators.
    assert fjson.dumps({"b": 1, "a": "é"}) == '{"b": 1, "a": "\\u00e9"}'
    assert fjson.dumps({"a": "é"}, ensure_ascii=False) == '{"a": "é"}'


def test_unserializable_type_error() -> None:
    with pytest.raises(TypeError) as info:
        fjson.dumps(object())
    assert str(info.value) == "Object of type object is not JSON serializable"


def test_dump_and_load_files_outside_app() -> None:
    buffer = io.StringIO()
    fjson.dump({"a": [1, 2]}, buffer)
    assert buffer.getvalue() == '{"a": [1, 2]}'
    assert fjson.load(io.StringIO('{"a": 1}')) == {"a": 1}
    assert fjson.loads(b'[1, "x"]') == [1, "x"]
    with pytest.raises(ValueError):
        fjson.loads("{nope")


def test_inside_app_context_uses_app_provider(app: Flask) -> None:
    calls: list[str] = []

    class Recording(DefaultJSONProvider):
        def dumps(self, obj: object, **kwargs: object) -> str:
            calls.append("dumps")
            return super().dumps(obj, **kwargs)

        def loads(self, s: str | bytes, **kwargs: object) -> object:
            calls.append("loads")
            return super().loads(s, **kwargs)

    app.json = Recording(app)
    with app.app_context():
        assert fjson.dumps({"b": 1, "a": 2}) == '{"a": 2, "b": 1}'
        assert fjson.loads("[1]") == [1]
        buffer = io.StringIO()
        fjson.dump([1], buffer)
        assert fjson.load(io.StringIO(buffer.getvalue())) == [1]
    assert calls == ["dumps", "loads", "dumps", "loads"]


def test_default_provider_settings(app: Flask) -> None:
    provider = app.json
    assert isinstance(provider, DefaultJSONProvider)
    assert provider.ensure_ascii is True
    assert provider.sort_keys is True
    assert provider.compact is None
    assert provider.mimetype == "application/json"
    assert provider.dumps({"z": "é", "a": 1}) == '{"a": 1, "z": "\\u00e9"}'


def test_provider_attributes_are_overridable(app: Flask) -> None:
    provider = DefaultJSONProvider(app)
    provider.ensure_ascii = False
    provider.sort_keys = False
    assert provider.dumps({"z": "é", "a": 1}) == '{"z": "é", "a": 1}'


@pytest.mark.parametrize(
    ("args", "kwargs", "body"),
    [
        ((), {}, "null\n"),
        ((1,), {}, "1\n"),
        (([1, 2],), {}, "[1,2]\n"),
        ((1, "a"), {}, '[1,"a"]\n'),
        ((), {"b": 1, "a": 2}, '{"a":2,"b":1}\n'),
        (({"k": [True, None]},), {}, '{"k":[true,null]}\n'),
    ],
)
def test_jsonify_argument_rules(
    app: Flask, args: tuple[object, ...], kwargs: dict[str, object], body: str
) -> None:
    with app.app_context():
        response = fjson.jsonify(*args, **kwargs)
    assert response.status_code == 200
    assert response.mimetype == "application/json"
    assert response.get_data(as_text=True) == body


def test_jsonify_args_and_kwargs_is_type_error(app: Flask) -> None:
    with app.app_context(), pytest.raises(TypeError) as info:
        fjson.jsonify(1, a=2)
    assert (
        str(info.value) == "app.json.response() takes either args or kwargs, not both"
    )


def test_jsonify_needs_app_context() -> None:
    with pytest.raises(RuntimeError):
        fjson.jsonify(1)


def test_response_indented_in_debug(app: Flask) -> None:
    app.debug = True
    response = app.json.response(b=1, a=[2])
    assert response.get_data(as_text=True) == (
        '{\n  "a": [\n    2\n  ],\n  "b": 1\n}\n'
    )


def test_response_compact_setting_wins_over_debug(app: Flask) -> None:
    provider = DefaultJSONProvider(app)
    provider.compact = False
    assert provider.response([1]).get_data(as_text=True) == "[\n  1\n]\n"
    app.debug = True
    provider.compact = True
    assert provider.response([1]).get_data(as_text=True) == "[1]\n"


def test_custom_mimetype_and_response_class(app: Flask) -> None:
    provider = DefaultJSONProvider(app)
    provider.mimetype = "application/vnd.api+json"
    response = provider.response({"a": 1})
    assert response.mimetype == "application/vnd.api+json"
    assert isinstance(response, app.response_class)


def test_base_provider_needs_dumps_and_loads(app: Flask) -> None:
    provider = JSONProvider(app)
    with pytest.raises(NotImplementedError):
        provider.dumps(1)
    with pytest.raises(NotImplementedError):
        provider.loads("1")


def test_base_provider_builds_on_dumps_and_loads(app: Flask) -> None:
    class Upper(JSONProvider):
        def dumps(self, obj: object, **kwargs: object) -> str:
            return str(obj).upper()

        def loads(self, s: str | bytes, **kwargs: object) -> object:
            return f"loaded:{s!s}"

    provider = Upper(app)
    buffer = io.StringIO()
    provider.dump("abc", buffer)
    assert buffer.getvalue() == "ABC"
    assert provider.load(io.StringIO("x")) == "loaded:x"
    response = provider.response("hi")
    assert response.get_data(as_text=True) == "HI"
    assert response.mimetype == "application/json"
    with pytest.raises(TypeError):
        provider.response(1, a=1)


def test_provider_holds_weak_reference() -> None:
    app = Flask("short_lived")
    provider = DefaultJSONProvider(app)
    del app
    gc.collect()
    with pytest.raises(ReferenceError):
        provider.response(1)


def test_request_bad_json_is_400(app: Flask) -> None:
    @app.post("/")
    def view() -> object:
        from flaskish_context import request

        return {"got": request.get_json()}

    client = app.test_client()
    ok = client.post("/", data='{"a": 1}', content_type="application/json")
    assert ok.status_code == 200
    assert ok.get_json() == {"got": {"a": 1}}
    bad = client.post("/", data="{nope", content_type="application/json")
    assert bad.status_code == 400
    assert b"Failed to decode JSON object" not in bad.data


def test_request_bad_json_in_debug_names_the_error(app: Flask) -> None:
    app.debug = True
    with app.test_request_context(
        "/", method="POST", data="{nope", content_type="application/json"
    ):
        from flaskish_context import request

        with pytest.raises(Exception) as info:
            request.get_json()
    assert info.value.code == 400  # type: ignore[attr-defined]
    assert "Failed to decode JSON object" in info.value.description  # type: ignore[attr-defined]


def test_tag_module_reexports_session_serializer() -> None:
    serializer = TaggedJSONSerializer()
    value = {"t": (1, 2), "b": b"\x00", "m": Markup("<i>")}
    assert serializer.loads(serializer.dumps(value)) == value


class _Tagged(json.JSONEncoder):
    def default(self, o: object) -> object:
        return f"tagged {o!r}"


@pytest.mark.parametrize(
    "kwargs",
    [
        {},
        {"separators": (",", ":")},
        {"indent": 2},
        {"indent": True},
        {"indent": "\t", "sort_keys": False},
        {"ensure_ascii": False},
        {"allow_nan": True, "check_circular": False, "skipkeys": True},
        {"separators": [", ", ": "]},  # unhashable: not kept
        {"cls": _Tagged, "default": None},  # not an encoder option: not kept
    ],
)
def test_provider_dumps_matches_json_dumps(
    app: Flask, kwargs: dict[str, object]
) -> None:
    value = {"b": [1.5, None, "é"], "a": {"z": True, 1: "x"}, 3: _Point(1, 2)}
    if kwargs.get("skipkeys"):
        value[(1, 2)] = "skipped"  # type: ignore[index]
    provider = app.json
    options = {
        "default": provider.default,  # type: ignore[attr-defined]
        "ensure_ascii": True,
        "sort_keys": False,
        **kwargs,
    }
    provider.sort_keys = False  # type: ignore[attr-defined]
    for _ in range(2):  # built, then reused
        assert provider.dumps(value, **kwargs) == json.dumps(value, **options)


def test_provider_options_changed_later_apply(app: Flask) -> None:
    provider = app.json
    assert provider.dumps({"b": "é", "a": 1}) == '{"a": 1, "b": "\\u00e9"}'
    provider.ensure_ascii = False  # type: ignore[attr-defined]
    provider.sort_keys = False  # type: ignore[attr-defined]
    assert provider.dumps({"b": "é", "a": 1}) == '{"b": "é", "a": 1}'
    provider.default = lambda o: "custom"  # type: ignore[attr-defined]
    assert provider.dumps([object()]) == '["custom"]'
    del provider.default  # type: ignore[attr-defined]
    assert provider.dumps([Decimal("1.5")]) == '["1.5"]'


def test_provider_class_options_changed_later_apply(app: Flask) -> None:
    class Provider(DefaultJSONProvider):
        pass

    provider = Provider(app)
    assert provider.dumps([object()], default=str).startswith('["<object')
    Provider.default = staticmethod(lambda o: "class")  # type: ignore[assignment]
    assert provider.dumps([object()]) == '["class"]'
    Provider.sort_keys = False
    assert provider.dumps({"b": 1, "a": 2}) == '{"b": 1, "a": 2}'


def test_provider_equal_but_rejected_indent(app: Flask) -> None:
    assert app.json.dumps([1], indent=2) == "[\n  1\n]"
    for bad in (2.0, Decimal(2)):
        with pytest.raises(TypeError):
            json.dumps([1], indent=bad)
        with pytest.raises(TypeError):
            app.json.dumps([1], indent=bad)


def test_provider_encoder_errors_repeat(app: Flask) -> None:
    for _ in range(2):
        with pytest.raises(TypeError, match="not supported between instances"):
            app.json.dumps({1: "a", "b": 2})
        loop: list[object] = []
        loop.append(loop)
        with pytest.raises(ValueError, match="Circular reference"):
            app.json.dumps(loop)
