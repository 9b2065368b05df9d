"""Signed cookie sessions.

Re-exports at the module path applications import from; the
implementation lives in the flaskish components.
"""

from __future__ import annotations

from itsdangerous import BadSignature as BadSignature
from itsdangerous import URLSafeTimedSerializer as URLSafeTimedSerializer
from werkzeug.datastructures import CallbackDict as CallbackDict

from flaskish_sessions import NullSession as NullSession
from flaskish_sessions import SecureCookieSession as SecureCookieSession
from flaskish_sessions import (
    SecureCookieSessionInterface as SecureCookieSessionInterface,
)
from flaskish_sessions import session_json_serializer as session_json_serializer
from flaskish_sessions import SessionInterface as SessionInterface
from flaskish_sessions import SessionMixin as SessionMixin
from flaskish_sessions.tag import TaggedJSONSerializer as TaggedJSONSerializer
