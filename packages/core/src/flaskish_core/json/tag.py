"""The tagged JSON serializer of sessions, at its application module path."""

from __future__ import annotations

from flaskish_sessions.tag import (
    JSONTag,
    PassDict,
    PassList,
    TagBytes,
    TagDateTime,
    TagDict,
    TagMarkup,
    TaggedJSONSerializer,
    TagTuple,
    TagUUID,
)

__all__ = [
    "JSONTag",
    "PassDict",
    "PassList",
    "TagBytes",
    "TagDateTime",
    "TagDict",
    "TagMarkup",
    "TagTuple",
    "TagUUID",
    "TaggedJSONSerializer",
]
