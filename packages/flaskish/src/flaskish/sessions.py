"""Signed cookie sessions.

Re-exports at the module path applications import from; the
implementation lives in the flaskish components.
The itsdangerous names load on first access.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from werkzeug.datastructures import CallbackDict as CallbackDict

from flaskish_context.lazy import lazy_attributes
from flaskish_context.lazy import lazy_dir
from flaskish_sessions import NullSession as NullSession
from flaskish_sessions import SecureCookieSession as SecureCookieSession
from flaskish_sessions import (
    SecureCookieSessionInterface as SecureCookieSessionInterface,
)
from flaskish_sessions import session_json_serializer as session_json_serializer
from flaskish_sessions import SessionInterface as SessionInterface
from flaskish_sessions import SessionMixin as SessionMixin
from flaskish_sessions.tag import TaggedJSONSerializer as TaggedJSONSerializer

if TYPE_CHECKING:
    from itsdangerous import BadSignature as BadSignature
    from itsdangerous import URLSafeTimedSerializer as URLSafeTimedSerializer

# itsdangerous loads with the first signed session, not with this module.
_LAZY = {"BadSignature": "itsdangerous", "URLSafeTimedSerializer": "itsdangerous"}
__getattr__ = lazy_attributes(__name__, _LAZY)
__dir__ = lazy_dir(__name__, _LAZY)
