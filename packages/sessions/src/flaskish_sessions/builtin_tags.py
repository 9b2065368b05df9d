"""The tags every :class:`~flaskish_sessions.tag.TaggedJSONSerializer`
starts with."""

from __future__ import annotations

import base64
from datetime import datetime
from typing import Any
from uuid import UUID

from werkzeug.http import http_date
from werkzeug.http import parse_date

from .json_tag import JSONTag


class TagDict(JSONTag):
    """A one-item dict whose key is itself a registered tag.

    The key gets a ``__`` suffix so the dict is not mistaken for a tagged
    value; loading strips the suffix again.
    """

    key = " di"
    __slots__ = ()

    def check(self, value: Any) -> bool:
        if not isinstance(value, dict) or len(value) != 1:
            return False
        (only,) = value
        return only in self.serializer.tags

    def to_json(self, value: Any) -> Any:
        ((inner_key, inner_value),) = value.items()
        return {inner_key + "__": self.serializer.tag(inner_value)}

    def to_python(self, value: Any) -> Any:
        # Only the first key counts (a dict written by to_json has one), as
        # in Flask, so hand-made data with more keys still loads.
        for inner_key in value:
            return {inner_key[:-2]: value[inner_key]}
        raise ValueError(f"a {self.key!r} tagged dict needs a key; got {value!r}")


class PassDict(JSONTag):
    """Any other dict: its values are tagged, the dict itself is not."""

    __slots__ = ()

    def check(self, value: Any) -> bool:
        return isinstance(value, dict)

    def to_json(self, value: Any) -> Any:
        convert = self.serializer.tag
        return {name: convert(item) for name, item in value.items()}

    def tag(self, value: Any) -> Any:
        return self.to_json(value)


class TagTuple(JSONTag):
    """A tuple, stored as a list of tagged items."""

    key = " t"
    __slots__ = ()

    def check(self, value: Any) -> bool:
        return isinstance(value, tuple)

    def to_json(self, value: Any) -> Any:
        return list(map(self.serializer.tag, value))

    def to_python(self, value: Any) -> Any:
        return tuple(value)


class PassList(JSONTag):
    """A list: its items are tagged, the list itself is not."""

    __slots__ = ()

    def check(self, value: Any) -> bool:
        return isinstance(value, list)

    def to_json(self, value: Any) -> Any:
        return list(map(self.serializer.tag, value))

    def tag(self, value: Any) -> Any:
        return self.to_json(value)


class TagBytes(JSONTag):
    """Bytes, stored as standard base64 text."""

    key = " b"
    __slots__ = ()

    def check(self, value: Any) -> bool:
        return isinstance(value, bytes)

    def to_json(self, value: Any) -> Any:
        return base64.b64encode(value).decode("ascii")

    def to_python(self, value: Any) -> Any:
        return base64.b64decode(value)


class TagMarkup(JSONTag):
    """Anything with an ``__html__`` method, stored as that HTML and
    loaded back as :class:`~markupsafe.Markup`."""

    key = " m"
    __slots__ = ()

    def check(self, value: Any) -> bool:
        return callable(getattr(value, "__html__", None))

    def to_json(self, value: Any) -> Any:
        return str(value.__html__())

    def to_python(self, value: Any) -> Any:
        # Imported on first load of markup, so that dumping never loads it.
        from markupsafe import Markup

        return Markup(value)


class TagUUID(JSONTag):
    """A UUID, stored as its 32 hex digits."""

    key = " u"
    __slots__ = ()

    def check(self, value: Any) -> bool:
        return isinstance(value, UUID)

    def to_json(self, value: Any) -> Any:
        return value.hex

    def to_python(self, value: Any) -> Any:
        return UUID(value)


class TagDateTime(JSONTag):
    """A datetime, stored as an HTTP date (whole seconds, UTC)."""

    key = " d"
    __slots__ = ()

    def check(self, value: Any) -> bool:
        return isinstance(value, datetime)

    def to_json(self, value: Any) -> Any:
        return http_date(value)

    def to_python(self, value: Any) -> Any:
        return parse_date(value)
