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
from collections.abc import Callable
from typing import Any
from typing import ClassVar

from .builtin_tags import PassDict as PassDict
from .builtin_tags import PassList as PassList
from .builtin_tags import TagBytes as TagBytes
from .builtin_tags import TagDateTime as TagDateTime
from .builtin_tags import TagDict as TagDict
from .builtin_tags import TagMarkup as TagMarkup
from .builtin_tags import TagTuple as TagTuple
from .builtin_tags import TagUUID as TagUUID
from .json_tag import JSONTag as JSONTag
from .json_types import json_default
from .plain import is_plain


def _plain_dumps(obj: Any, **kwargs: Any) -> str:
    kwargs.setdefault("default", json_default)
    return json.dumps(obj, **kwargs)


_codec: dict[str, Callable[..., Any]] = {"dumps": _plain_dumps, "loads": json.loads}


def set_json_codec(
    dumps: Callable[..., str] | None = None, loads: Callable[..., Any] | None = None
) -> None:
    """Choose the JSON functions every :class:`TaggedJSONSerializer` uses.

    A flaskish seam: the framework installs functions that defer to the
    current application's JSON provider, so session cookies follow the
    app's JSON settings. ``dumps`` is called with the tagged value and
    ``separators``; ``loads`` with the text. ``None`` (the default)
    selects :func:`json.dumps` with :func:`~flaskish_sessions.json_default`
    and :func:`json.loads`.
    """
    _codec["dumps"] = dumps or _plain_dumps
    _codec["loads"] = loads or json.loads


_CONTAINER_TAGS: list[type[JSONTag]] = [TagDict, PassDict, TagTuple, PassList]
_VALUE_TAGS: list[type[JSONTag]] = [TagBytes, TagMarkup, TagUUID, TagDateTime]
_BUILTIN_TAGS = frozenset([*_CONTAINER_TAGS, *_VALUE_TAGS])


class TaggedJSONSerializer:
    """Compact JSON with tags for dicts keyed by a tag, tuples, bytes,
    markup (anything with ``__html__``), :class:`~uuid.UUID` and
    :class:`~datetime.datetime`.

    Used as the intermediate serializer of an :mod:`itsdangerous`
    serializer. Other values JSON cannot encode go through
    :func:`~flaskish_sessions.json_default`.
    """

    __slots__ = ("order", "tags")

    #: Tag classes every new serializer registers, in checking order.
    default_tags: ClassVar[list[type[JSONTag]]] = [*_CONTAINER_TAGS, *_VALUE_TAGS]

    def __init__(self) -> None:
        #: Tags by key, for loading.
        self.tags: dict[str, JSONTag] = {}
        #: Tags in the order values are checked against them when dumping.
        self.order: list[JSONTag] = []
        self._register_defaults()

    def _register_defaults(self) -> None:
        for tag_class in self.default_tags:
            self.register(tag_class)

    def register(
        self, tag_class: type[JSONTag], force: bool = False, index: int | None = None
    ) -> None:
        """Instantiate ``tag_class`` for this serializer and add it.

        :param force: replace a tag already registered under the same key
            instead of raising :exc:`KeyError`.
        :param index: position in the checking order; ``None`` appends.
            Insert special cases of an existing tag before it.
        """
        new_tag = tag_class(self)
        key = new_tag.key
        if key:
            if key in self.tags and not force:
                raise KeyError(f"Tag '{key}' is already registered.")
            self.tags[key] = new_tag
        self.order.insert(len(self.order) if index is None else index, new_tag)

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

    def _keeps_plain_values(self) -> bool:
        # Plain JSON passes through the built-in tags unchanged (see
        # ``plain``); custom tags or an overridden ``tag`` may not.
        return type(self).tag is TaggedJSONSerializer.tag and _BUILTIN_TAGS.issuperset(
            map(type, self.order)
        )

    def dumps(self, value: Any) -> str:
        """Tag ``value`` and encode it as compact JSON."""
        tags = self.tags
        if not (self._keeps_plain_values() and is_plain(value, tags)):
            value = self.tag(value)
        text: str = _codec["dumps"](value, separators=(",", ":"))
        return text

    def loads(self, value: str | bytes) -> Any:
        """Decode JSON and restore every tagged value in it."""
        decoded = _codec["loads"](value)
        cls = type(self)
        if (
            cls._restore is TaggedJSONSerializer._restore
            and cls.untag is TaggedJSONSerializer.untag
            and is_plain(decoded, self.tags)
        ):
            return decoded
        return self._restore(decoded)
