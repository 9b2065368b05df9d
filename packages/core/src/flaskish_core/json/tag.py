"""The tagged JSON serializer of sessions, at its application module path."""

from __future__ import annotations

from flaskish_sessions.tag import JSONTag
from flaskish_sessions.tag import PassDict
from flaskish_sessions.tag import PassList
from flaskish_sessions.tag import TagBytes
from flaskish_sessions.tag import TagDateTime
from flaskish_sessions.tag import TagDict
from flaskish_sessions.tag import TaggedJSONSerializer
from flaskish_sessions.tag import TagMarkup
from flaskish_sessions.tag import TagTuple
from flaskish_sessions.tag import TagUUID

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
