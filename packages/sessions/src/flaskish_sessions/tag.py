"""Tagged JSON: lossless JSON for a few types JSON itself lacks.

Each non-JSON value is written as a one-item object whose key is a tag
(``" t"`` for tuples, ``" b"`` for bytes, ...) and whose value is the JSON
form. :class:`TaggedJSONSerializer` walks values through its ordered list
of :class:`JSONTag` instances on the way out and restores tagged objects
on the way in. It is the payload serializer of session cookies. Support
for another type is a :class:`JSONTag` subclass passed to
:meth:`TaggedJSONSerializer.register`.
"""

from __future__ import annotations

import json
from base64 import b64decode
from base64 import b64encode
from datetime import datetime
from typing import Any
from typing import ClassVar
from uuid import UUID

from werkzeug.http import http_date
from werkzeug.http import parse_date

from .json_types import json_default


class JSONTag:
    """One tagged type of a :class:`TaggedJSONSerializer`.

    Subclasses set :attr:`key` and implement :meth:`check`,
    :meth:`to_json` and :meth:`to_python`. A tag with an empty key only
    transforms values on the way out and is never looked up on load.
    """

    __slots__ = ("serializer",)

    #: The tag written as the key of the wrapping object.
    key: str = ""

    def __init__(self, serializer: TaggedJSONSerializer) -> None:
        self.serializer = serializer

    def check(self, value: Any) -> bool:
        """Whether this tag handles ``value``."""
        raise NotImplementedError

    def to_json(self, value: Any) -> Any:
        """The JSON-compatible form of ``value``, without the tag."""
        raise NotImplementedError

    def to_python(self, value: Any) -> Any:
        """The Python value back from its untagged JSON form."""
        raise NotImplementedError

    def tag(self, value: Any) -> Any:
        """``value`` in JSON form, wrapped under :attr:`key`."""
        return {self.key: self.to_json(value)}


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
        ((inner_key, inner_value),) = value.items()
        return {inner_key[:-2]: inner_value}


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
        return b64encode(value).decode("ascii")

    def to_python(self, value: Any) -> Any:
        return b64decode(value)


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
        # markupsafe comes with werkzeug; imported here so dumping never
        # needs it and the module has no hard dependency on it.
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


class TaggedJSONSerializer:
    """Compact JSON with tags for dicts keyed by a tag, tuples, bytes,
    :class:`~markupsafe.Markup`, :class:`~uuid.UUID` and
    :class:`~datetime.datetime`.

    Used as the intermediate serializer of an :mod:`itsdangerous`
    serializer. Other values JSON cannot encode go through
    :func:`~flaskish_sessions.json_default`.
    """

    __slots__ = ("order", "tags")

    #: Tag classes every new serializer registers, in checking order.
    default_tags: ClassVar[list[type[JSONTag]]] = [
        TagDict,
        PassDict,
        TagTuple,
        PassList,
        TagBytes,
        TagMarkup,
        TagUUID,
        TagDateTime,
    ]

    def __init__(self) -> None:
        #: Tags by key, for loading.
        self.tags: dict[str, JSONTag] = {}
        #: Tags in the order values are checked against them when dumping.
        self.order: list[JSONTag] = []
        for tag_class in self.default_tags:
            self.register(tag_class)

    def register(
        self,
        tag_class: type[JSONTag],
        force: bool = False,
        index: int | None = None,
    ) -> None:
        """Instantiate ``tag_class`` for this serializer and add it.

        :param force: replace a tag already registered under the same key
            instead of raising :exc:`KeyError`.
        :param index: position in the checking order; ``None`` appends.
            Insert special cases of an existing tag before it.
        """
        new_tag = tag_class(self)
        if new_tag.key:
            if new_tag.key in self.tags and not force:
                raise KeyError(f"Tag '{new_tag.key}' is already registered.")
            self.tags[new_tag.key] = new_tag
        if index is not None:
            self.order.insert(index, new_tag)
        else:
            self.order.append(new_tag)

    def tag(self, value: Any) -> Any:
        """``value`` in tagged JSON form (unchanged if no tag applies)."""
        for candidate in self.order:
            if candidate.check(value):
                return candidate.tag(value)
        return value

    def untag(self, value: dict[str, Any]) -> Any:
        """The Python value of one tagged object; dicts that are not a
        single known tag come back unchanged."""
        if len(value) == 1:
            ((key, inner),) = value.items()
            found = self.tags.get(key)
            if found is not None:
                return found.to_python(inner)
        return value

    def _restore(self, value: Any) -> Any:
        # Innermost values first, so a tag sees already restored content.
        if isinstance(value, list):
            return [self._restore(item) for item in value]
        if isinstance(value, dict):
            restored = {key: self._restore(item) for key, item in value.items()}
            return self.untag(restored)
        return value

    def dumps(self, value: Any) -> str:
        """Tag ``value`` and encode it as compact JSON."""
        return json.dumps(self.tag(value), separators=(",", ":"), default=json_default)

    def loads(self, value: str | bytes) -> Any:
        """Decode JSON and restore every tagged value in it."""
        return self._restore(json.loads(value))
