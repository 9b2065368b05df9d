"""The base class of the tags of a tagged JSON serializer."""

from __future__ import annotations

from typing import Any
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .tag import TaggedJSONSerializer


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
