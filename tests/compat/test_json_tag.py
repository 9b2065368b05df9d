"""The tagged JSON serializer that session cookies use."""

from __future__ import annotations

import datetime
import uuid

import pytest
from markupsafe import Markup

from flaskish.json.tag import JSONTag
from flaskish.json.tag import TaggedJSONSerializer


class TagSet(JSONTag):
    """Stores sets as sorted lists under the ``" set"`` key."""

    __slots__ = ()
    key = " set"

    def check(self, value: object) -> bool:
        return isinstance(value, set)

    def to_json(self, value: set[int]) -> list[int]:
        return sorted(value)

    def to_python(self, value: list[int]) -> set[int]:
        return set(value)


@pytest.fixture
def serializer() -> TaggedJSONSerializer:
    return TaggedJSONSerializer()


def test_tagged_output(serializer: TaggedJSONSerializer) -> None:
    value = {
        "t": (1, 2),
        "b": b"x",
        "m": Markup("<b>"),
        "u": uuid.UUID(int=1),
        "d": datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC),
        " t": 1,
    }
    assert serializer.dumps(value) == (
        '{"t":{" t":[1,2]},"b":{" b":"eA=="},"m":{" m":"<b>"},'
        '"u":{" u":"00000000000000000000000000000001"},'
        '"d":{" d":"Mon, 01 Jan 2024 00:00:00 GMT"}," t":1}'
    )


@pytest.mark.parametrize(
    "value",
    [
        {" t": [1]},
        {"nested": {"tuple": (1, (2, 3))}},
        [b"\x00", Markup("<i>")],
        {" di": {"looks": "tagged"}},
    ],
)
def test_round_trip(serializer: TaggedJSONSerializer, value: object) -> None:
    assert serializer.loads(serializer.dumps(value)) == value


def test_unknown_tag_is_left_alone(serializer: TaggedJSONSerializer) -> None:
    assert serializer.loads('{" x": 1}') == {" x": 1}


def test_register_custom_tag(serializer: TaggedJSONSerializer) -> None:
    serializer.register(TagSet)
    assert serializer.dumps({3, 1, 2}) == '{" set":[1,2,3]}'
    assert serializer.loads(serializer.dumps({"s": {2, 1}})) == {"s": {1, 2}}


def test_register_twice(serializer: TaggedJSONSerializer) -> None:
    serializer.register(TagSet)
    with pytest.raises(KeyError) as info:
        serializer.register(TagSet)
    assert info.value.args == ("Tag ' set' is already registered.",)
    serializer.register(TagSet, force=True, index=0)
    assert serializer.order[0].key == " set"


@pytest.mark.parametrize(
    ("text", "loaded"),
    [
        ('{" di": {"a__": 1}}', {"a": 1}),
        # Only the first key of a tagged dict counts; the rest is ignored.
        ('{" di": {" x": 1, "y": 2}}', {"": 1}),
        ('{" di": {"y__": 2, " x": 1}}', {"y": 2}),
    ],
)
def test_tagged_dict_loads_its_first_key(
    serializer: TaggedJSONSerializer, text: str, loaded: object
) -> None:
    assert serializer.loads(text) == loaded
