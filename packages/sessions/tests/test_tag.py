from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from datetime import datetime
from datetime import UTC
from typing import Any
from uuid import UUID

import pytest

from flaskish_sessions import session_json_serializer
from flaskish_sessions.tag import JSONTag
from flaskish_sessions.tag import PassDict
from flaskish_sessions.tag import set_json_codec
from flaskish_sessions.tag import TagDict
from flaskish_sessions.tag import TaggedJSONSerializer


class Html:
    """Markup-like without markupsafe: anything with ``__html__``."""

    def __init__(self, text: str) -> None:
        self.text = text

    def __html__(self) -> str:
        return self.text


@pytest.mark.parametrize(
    "data",
    [
        {" t": (1, 2, 3)},
        {" t__": b"a"},
        {" di": " di"},
        {"x": (1, 2, 3), "y": 4},
        (1, 2, 3),
        [(1, 2, 3)],
        b"\xff",
        "\xff",
        UUID("1c6d3d48-5c1e-4a1e-9bd5-2b6f0e7a4d51"),
        datetime(2026, 11, 25, 12, 30, 5, tzinfo=UTC),
        {"nested": [{" b": b"x"}, ((b"y",),)]},
        {" d": [1]},
        [],
        {},
        None,
        1.5,
    ],
)
def test_round_trip(data: Any) -> None:
    serializer = TaggedJSONSerializer()
    assert serializer.loads(serializer.dumps(data)) == data


def test_tagged_text_is_compact() -> None:
    serializer = TaggedJSONSerializer()
    text = serializer.dumps({"a": (1, b"\x00"), " t": [1]})
    assert text == '{"a":{" t":[1,{" b":"AA=="}]}," t":[1]}'
    assert serializer.dumps({" t": [1]}) == '{" di":{" t__":[1]}}'


def test_markup_is_duck_typed_and_loads_as_markup() -> None:
    serializer = TaggedJSONSerializer()
    text = serializer.dumps({"m": Html("<b>hi</b>")})
    assert text == '{"m":{" m":"<b>hi</b>"}}'
    loaded = serializer.loads(text)["m"]
    assert type(loaded).__name__ == "Markup"
    assert loaded.__html__() == "<b>hi</b>"
    assert serializer.loads(serializer.dumps(loaded)) == loaded


def test_dumping_never_imports_markupsafe(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "markupsafe", None)
    assert TaggedJSONSerializer().dumps(Html("<i>")) == '{" m":"<i>"}'


def test_naive_datetime_is_read_back_as_utc() -> None:
    serializer = TaggedJSONSerializer()
    text = serializer.dumps(datetime(2020, 1, 2, 3, 4, 5, 999))
    assert text == '{" d":"Thu, 02 Jan 2020 03:04:05 GMT"}'
    assert serializer.loads(text) == datetime(2020, 1, 2, 3, 4, 5, tzinfo=UTC)


def test_uuid_and_bytes_text() -> None:
    serializer = TaggedJSONSerializer()
    value = UUID(int=255)
    assert serializer.dumps(value) == '{" u":"000000000000000000000000000000ff"}'
    assert serializer.dumps(b"hi") == '{" b":"aGk="}'


def test_other_types_use_json_default() -> None:
    serializer = TaggedJSONSerializer()
    with pytest.raises(TypeError) as info:
        serializer.dumps({"s": {1}})
    assert str(info.value) == "Object of type set is not JSON serializable"


def test_duplicate_tag_raises_key_error() -> None:
    serializer = TaggedJSONSerializer()
    with pytest.raises(KeyError) as info:
        serializer.register(TagDict)
    assert info.value.args == ("Tag ' di' is already registered.",)


def test_force_replaces_the_tag() -> None:
    class LoudDict(TagDict):
        __slots__ = ()

    serializer = TaggedJSONSerializer()
    serializer.register(LoudDict, force=True)
    assert isinstance(serializer.tags[" di"], LoudDict)
    assert len(serializer.order) == 9


def test_keyless_tags_are_not_indexed() -> None:
    serializer = TaggedJSONSerializer()
    serializer.register(PassDict)
    assert sorted(serializer.tags) == [" b", " d", " di", " m", " t", " u"]
    assert [type(t).__name__ for t in serializer.order][-1] == "PassDict"


class Point:
    def __init__(self, x: int, y: int) -> None:
        self.x, self.y = x, y

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Point) and (self.x, self.y) == (other.x, other.y)

    __hash__ = None  # type: ignore[assignment]


class TagPoint(JSONTag):
    __slots__ = ()
    key = " p"

    def check(self, value: Any) -> bool:
        return isinstance(value, Point)

    def to_json(self, value: Any) -> Any:
        return [value.x, value.y]

    def to_python(self, value: Any) -> Any:
        return Point(*value)


def test_custom_tag_round_trip() -> None:
    serializer = TaggedJSONSerializer()
    serializer.register(TagPoint)
    text = serializer.dumps({"at": Point(1, 2)})
    assert text == '{"at":{" p":[1,2]}}'
    assert serializer.loads(text) == {"at": Point(1, 2)}
    assert serializer.loads('{" p":[3,4],"other":1}') == {" p": [3, 4], "other": 1}


def test_index_puts_special_case_first() -> None:
    class TagTrueTuple(JSONTag):
        __slots__ = ()
        key = " tt"

        def check(self, value: Any) -> bool:
            return value == (True,)

        def to_json(self, value: Any) -> Any:
            return 1

        def to_python(self, value: Any) -> Any:
            return (True,)

    appended = TaggedJSONSerializer()
    appended.register(TagTrueTuple)
    assert appended.dumps((True,)) == '{" t":[true]}'

    first = TaggedJSONSerializer()
    first.register(TagTrueTuple, index=0)
    assert first.order[0].key == " tt"
    assert first.dumps((True,)) == '{" tt":1}'
    assert first.loads('{" tt":1}') == (True,)


def test_base_tag_methods_are_abstract() -> None:
    tag = JSONTag(TaggedJSONSerializer())
    with pytest.raises(NotImplementedError):
        tag.check(None)
    with pytest.raises(NotImplementedError):
        tag.to_json(None)
    with pytest.raises(NotImplementedError):
        tag.to_python(None)


def test_untag_leaves_unknown_shapes() -> None:
    serializer = TaggedJSONSerializer()
    assert serializer.untag({"x": 1}) == {"x": 1}
    assert serializer.untag({" t": [1], "y": 2}) == {" t": [1], "y": 2}
    assert serializer.untag({" t": [1]}) == (1,)


@pytest.fixture
def restore_codec() -> Iterator[None]:
    yield
    set_json_codec()


def test_json_codec_can_be_replaced(restore_codec: None) -> None:
    calls: list[tuple[str, Any]] = []

    def dumps(obj: Any, **kwargs: Any) -> str:
        calls.append(("dumps", kwargs))
        return json.dumps(obj, sort_keys=True, **kwargs)

    def loads(text: str | bytes) -> Any:
        calls.append(("loads", text))
        return json.loads(text)

    set_json_codec(dumps, loads)
    text = session_json_serializer.dumps({"b": 1, "a": (2,)})
    assert text == '{"a":{" t":[2]},"b":1}'
    assert session_json_serializer.loads(text) == {"a": (2,), "b": 1}
    assert calls == [("dumps", {"separators": (",", ":")}), ("loads", text)]


def test_default_codec_restored_by_none() -> None:
    set_json_codec(lambda obj, **kw: "[]", lambda text: [])
    set_json_codec()
    assert session_json_serializer.dumps({"a": (1,)}) == '{"a":{" t":[1]}}'
    assert session_json_serializer.loads('{"a":1}') == {"a": 1}


def test_tagged_dict_with_more_keys_loads_the_first() -> None:
    serializer = TaggedJSONSerializer()
    assert serializer.loads('{" di": {" x": 1, "y": 2}}') == {"": 1}
    assert serializer.loads('{" di": {"k__": [1], " x": 1}}') == {"k": [1]}


@pytest.mark.parametrize(("text", "shown"), [("{}", "{}"), ("[]", "[]"), ('""', "''")])
def test_empty_tagged_dict_is_refused_with_a_clear_error(text: str, shown: str) -> None:
    with pytest.raises(ValueError) as info:
        TaggedJSONSerializer().loads(f'{{" di": {text}}}')
    assert str(info.value) == f"a ' di' tagged dict needs a key; got {shown}"
