"""Session payloads with sorted keys, as an application writes them.

A Flask application serializes its session in a request, through its JSON
provider, which sorts object keys; :class:`TaggedJSONSerializer` on its own
keeps insertion order, as Flask's does outside an app context. The session
middleware writes what the application writes.
"""

from __future__ import annotations

from typing import Any

from .plain import is_plain
from .tag import _codec
from .tag import TaggedJSONSerializer


class SortedTaggedJSONSerializer(TaggedJSONSerializer):
    """Tagged JSON with the keys of every object sorted."""

    __slots__ = ()

    def dumps(self, value: Any) -> str:
        """Tag ``value`` and encode it as compact JSON with sorted keys."""
        if not (self._keeps_plain_values() and is_plain(value, self.tags)):
            value = self.tag(value)
        text: str = _codec["dumps"](value, separators=(",", ":"), sort_keys=True)
        return text


#: The payload serializer of :class:`~flaskish_sessions.SessionMiddleware`.
sorted_session_serializer = SortedTaggedJSONSerializer()
