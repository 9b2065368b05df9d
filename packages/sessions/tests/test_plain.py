from __future__ import annotations

import enum
import json
from collections.abc import Iterator
from datetime import datetime
from datetime import UTC
from typing import Any
from uuid import UUID

import pytest

from flaskish_sessions import session_json_serializer
from flaskish_sessions.plain import is_plain
from flaskish_sessions.tag import JSONTag
from flaskish_sessions.tag import set_json_codec
from flaskish_sessions.tag import TaggedJSONSerializer

TAGS = session_json_serializer.tags


class Html(str):
    def __html__(self) -> str:
        return str(self)


class Number(enum.IntEnum):
    ONE = 1


class Items(list[Any]):
    pass


@pytest.mark.parametrize(
    "value",
    [
        None,
        True,
        0,
        1.5,
        "text",
        [],
        {},
        {"a": [1, "b", None, {"c": False}], "d": {"e": [[2.5]]}},
        {" t": 1, "other": 2},
        {"x": {" nope": 1}},
        {1: "int key"},
    ],
)
def test_plain_values(value: Any) -> None:
    assert is_plain(value, TAGS) is True


@pytest.mark.parametrize(
    "value",
    [
        Html("<b>"),
        Number.ONE,
        (1,),
        b"x",
        UUID(int=1),
        datetime(2020, 1, 1, tzinfo=UTC),
        {" t": [1]},
        {"a": {" di": 1}},
        [{" m": "x"}],
        {"a": [1, (2,)]},
        Items([1]),
        {"a": Items()},
        {"a": {"b": Html("x")}},
    ],
)
def test_values_that_may_need_tags(value: Any) -> None:
    assert is_plain(value, TAGS) is False


def reference_dumps(serializer: TaggedJSONSerializer, value: Any) -> str:
    return json.dumps(serializer.tag(value), separators=(",", ":"))


VALUES: list[Any] = [
    {"visits": 2},
    {"a": [1, "b", None, {"c": False}], "d": {"e": [[2.5]]}},
    {" t": "one key tag", "x": 1},
    {" t": "only key"},
    {"nested": {" di": {"a": 1}}},
    {"html": Html("<b>"), "n": Number.ONE, "t": (1, [2, (3,)])},
    {"u": UUID(int=3), "b": b"\x00", "l": Items([b"x"])},
    [1, 2],
    "text",
]


@pytest.mark.parametrize("value", VALUES)
def test_dumps_matches_the_full_walk(value: Any) -> None:
    text = session_json_serializer.dumps(value)
    assert text == reference_dumps(session_json_serializer, value)


@pytest.mark.parametrize("value", VALUES)
def test_loads_matches_the_full_walk(value: Any) -> None:
    text = session_json_serializer.dumps(value)
    loaded = session_json_serializer.loads(text)
    assert loaded == session_json_serializer._restore(json.loads(text))


class TagAt(JSONTag):
    """Strings starting with ``@``, stored without it."""

    __slots__ = ()
    key = " at"

    def check(self, value: Any) -> bool:
        return isinstance(value, str) and value.startswith("@")

    def to_json(self, value: Any) -> Any:
        return value[1:]

    def to_python(self, value: Any) -> Any:
        return "@" + value


def test_custom_tag_sees_plain_values() -> None:
    serializer = TaggedJSONSerializer()
    serializer.register(TagAt, index=0)
    text = serializer.dumps({"a": "@x", "b": ["@y"], "c": "z"})
    assert text == '{"a":{" at":"x"},"b":[{" at":"y"}],"c":"z"}'
    assert serializer.loads(text) == {"a": "@x", "b": ["@y"], "c": "z"}


def test_tag_added_to_the_order_directly_is_used() -> None:
    serializer = TaggedJSONSerializer()
    serializer.order.insert(0, TagAt(serializer))
    assert serializer.dumps(["@x"]) == '[{" at":"x"}]'


class Shouting(TaggedJSONSerializer):
    __slots__ = ()

    def tag(self, value: Any) -> Any:
        return value.upper() if isinstance(value, str) else super().tag(value)

    def untag(self, value: dict[str, Any]) -> Any:
        return {"untagged": super().untag(value)}


def test_overridden_tag_and_untag_are_used() -> None:
    serializer = Shouting()
    assert serializer.dumps("quiet") == '"QUIET"'
    assert serializer.dumps({"a": "b"}) == '{"a":"B"}'
    assert serializer.loads('{"a":1}') == {"untagged": {"a": 1}}
    assert serializer.loads("[1]") == [1]


@pytest.fixture
def restore_codec() -> Iterator[None]:
    yield
    set_json_codec()


def test_codec_results_that_are_not_json_types_are_walked(restore_codec: None) -> None:
    set_json_codec(loads=lambda text: Items([{" t": [1]}, Items([2])]))
    loaded = session_json_serializer.loads("ignored")
    assert loaded == [(1,), [2]]
    assert type(loaded) is list
    assert type(loaded[1]) is list
