"""JSON: jsonify, the app's JSON provider and request.get_json."""

from __future__ import annotations

import dataclasses
import datetime
import decimal
import re
import uuid
from collections.abc import Callable

import pytest
from werkzeug.exceptions import BadRequest
from werkzeug.exceptions import HTTPException

from flaskish import Flask
from flaskish import json
from flaskish import jsonify
from flaskish import Request
from flaskish import request
from flaskish import Response
from flaskish.json.provider import DefaultJSONProvider
from flaskish.testing import FlaskClient

Serve = Callable[[object], Response]


def test_jsonify_args_and_kwargs(app: Flask) -> None:
    with app.app_context():
        assert jsonify(1, 2).json == [1, 2]
        assert jsonify([1]).json == [1]
        assert jsonify(a=1).json == {"a": 1}
        assert jsonify().data == b"null\n"
        assert jsonify("s").data == b'"s"\n'
        with pytest.raises(TypeError) as info:
            jsonify(1, a=2)
        assert (
            str(info.value)
            == "app.json.response() takes either args or kwargs, not both"
        )


def test_jsonify_sort_keys_and_compact(app: Flask) -> None:
    with app.app_context():
        assert jsonify(b=1, a=2).data == b'{"a":2,"b":1}\n'
        app.json.sort_keys = False  # type: ignore[attr-defined]
        assert jsonify(b=1, a=2).data == b'{"b":1,"a":2}\n'
        app.json.compact = False  # type: ignore[attr-defined]
        assert jsonify(b=1).data == b'{\n  "b": 1\n}\n'


def test_json_pretty_in_debug(app: Flask) -> None:
    app.debug = True
    with app.app_context():
        assert jsonify(a=[1]).data == b'{\n  "a": [\n    1\n  ]\n}\n'


def test_json_mimetype_setting(app: Flask, serve: Serve) -> None:
    app.json.mimetype = "application/vnd.api+json"  # type: ignore[attr-defined]
    response = serve({"a": 1})
    assert response.headers["Content-Type"] == "application/vnd.api+json"


def test_json_text_mimetype_gets_a_charset(app: Flask) -> None:
    app.json.mimetype = "text/x-json"  # type: ignore[attr-defined]
    with app.app_context():
        assert jsonify(1).headers["Content-Type"] == "text/x-json; charset=utf-8"
        app.json.mimetype = None  # type: ignore[attr-defined]
        assert jsonify(1).headers["Content-Type"] == "text/html; charset=utf-8"


def test_json_dates_and_decimals(app: Flask, serve: Serve) -> None:
    value = {
        "d": datetime.date(2024, 2, 3),
        "n": decimal.Decimal("1.50"),
        "u": uuid.UUID(int=1),
    }
    assert serve(value).json == {
        "d": "Sat, 03 Feb 2024 00:00:00 GMT",
        "n": "1.50",
        "u": "00000000-0000-0000-0000-000000000001",
    }


def test_json_unserializable_is_type_error(app: Flask, serve: Serve) -> None:
    with pytest.raises(
        TypeError, match=re.escape("Object of type object is not JSON serializable")
    ):
        serve({"x": object()})


def test_get_json_reads_body(app: Flask, client: FlaskClient) -> None:
    app.add_url_rule("/", "i", lambda: {"got": request.get_json()}, methods=["POST"])
    assert client.post("/", json={"a": 1}).json == {"got": {"a": 1}}


@pytest.mark.parametrize(
    ("kwargs", "status"),
    [
        ({"data": "{not json", "content_type": "application/json"}, 400),
        ({"data": "{}", "content_type": "text/plain"}, 415),
    ],
)
def test_get_json_errors(
    app: Flask, client: FlaskClient, kwargs: dict[str, str], status: int
) -> None:
    app.add_url_rule("/", "i", lambda: {"got": request.get_json()}, methods=["POST"])
    assert client.post("/", **kwargs).status_code == status


def test_get_json_silent_and_force(app: Flask) -> None:
    with app.test_request_context(data="[1]", content_type="text/plain"):
        assert request.get_json(silent=True) is None
        assert request.get_json(force=True) == [1]
        assert request.is_json is False


def test_bad_json_raises_bad_request(app: Flask) -> None:
    with app.test_request_context(data="{", content_type="application/json"):
        with pytest.raises(BadRequest) as info:
            request.get_json()
        assert info.value.description == (
            "The browser (or proxy) sent a request that this server could not understand."
        )


@dataclasses.dataclass
class Point:
    x: int
    label: str


class Html:
    def __html__(self) -> str:
        return "<b>safe</b>"


def test_json_special_types(app: Flask) -> None:
    with app.app_context():
        assert jsonify(Point(1, "p")).json == {"x": 1, "label": "p"}
        assert jsonify(Html()).json == "<b>safe</b>"
        with pytest.raises(
            TypeError, match="Object of type set is not JSON serializable"
        ):
            jsonify({1})


def test_json_module_functions(app: Flask) -> None:
    moment = datetime.datetime(2024, 1, 1, 12, 0, 0)
    with app.app_context():
        assert (
            json.dumps({"b": 1, "a": moment})
            == '{"a": "Mon, 01 Jan 2024 12:00:00 GMT", "b": 1}'
        )
        assert json.dumps("é<") == '"\\u00e9<"'
        assert json.dumps({"a": 1}, indent=2) == '{\n  "a": 1\n}'
        assert json.loads(b'{"a": [1]}') == {"a": [1]}
    assert json.dumps({"b": 1, "a": 2}) == '{"b": 1, "a": 2}'


def test_sorting_mixed_keys_fails(app: Flask) -> None:
    with (
        app.app_context(),
        pytest.raises(TypeError, match="not supported between instances"),
    ):
        jsonify({1: "a", "b": 2})


def test_custom_json_provider(app: Flask) -> None:
    class UpperProvider(DefaultJSONProvider):
        def dumps(self, obj: object, **kwargs: object) -> str:
            return super().dumps(obj, **kwargs).upper()

    app = type(app)("custom_json")
    app.json_provider_class = UpperProvider
    app.json = UpperProvider(app)
    app.add_url_rule("/", "index", lambda: {"a": "b"})
    assert app.test_client().get("/").data == b'{"A":"B"}\n'


@pytest.mark.parametrize(
    ("body", "content_type", "status", "description"),
    [
        (
            "x",
            "text/plain",
            415,
            "Did not attempt to load JSON data because the request Content-Type was not 'application/json'.",
        ),
        (
            "{",
            "application/json",
            400,
            "The browser (or proxy) sent a request that this server could not understand.",
        ),
        (
            "",
            "application/json",
            400,
            "The browser (or proxy) sent a request that this server could not understand.",
        ),
    ],
)
def test_request_json_errors(
    app: Flask, body: str, content_type: str, status: int, description: str
) -> None:
    with app.test_request_context(data=body, content_type=content_type):
        with pytest.raises(HTTPException) as info:
            _ = request.json
    assert (info.value.code, info.value.description) == (status, description)


def test_bad_json_detail_in_debug(app: Flask) -> None:
    app.debug = True
    with app.test_request_context(data="{", content_type="application/json"):
        with pytest.raises(BadRequest) as info:
            request.get_json()
    assert info.value.description == (
        "Failed to decode JSON object: Expecting property name enclosed in double quotes: line 1 column 2 (char 1)"
    )


def test_json_null_body(app: Flask) -> None:
    with app.test_request_context(data="null", content_type="application/json"):
        assert request.get_json() is None
        assert request.is_json is True


def test_custom_json_loading_failure(app: Flask, client: FlaskClient) -> None:
    class LenientRequest(Request):
        def on_json_loading_failed(self, e: ValueError | None) -> object:
            return {"fallback": e is None}

    app.request_class = LenientRequest
    app.add_url_rule("/", "index", lambda: {"j": request.get_json()}, methods=["POST"])
    assert client.post("/", data="{", content_type="application/json").json == {
        "j": {"fallback": False}
    }
    assert client.post("/", data="x", content_type="text/plain").json == {
        "j": {"fallback": True}
    }


def test_json_body_on_get(app: Flask, client: FlaskClient) -> None:
    app.add_url_rule(
        "/", "index", lambda: {"got": request.get_json(), "type": request.content_type}
    )
    assert client.get("/", json={"a": 1}).json == {
        "got": {"a": 1},
        "type": "application/json",
    }


def test_get_json_is_cached(app: Flask) -> None:
    with app.test_request_context(json={"a": 1}):
        first = request.get_json()
        assert request.get_json() is first
        assert request.json is first
        assert request.get_json(cache=False) is not first
