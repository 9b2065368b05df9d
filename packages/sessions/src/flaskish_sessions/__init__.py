"""Signed cookie sessions and the tagged JSON serializer, usable in any WSGI stack."""

from .config import DEFAULT_SESSION_CONFIG as DEFAULT_SESSION_CONFIG
from .cookie_session import SecureCookieSession as SecureCookieSession
from .interface import SessionInterface as SessionInterface
from .json_types import json_default as json_default
from .middleware import ENVIRON_KEY as ENVIRON_KEY
from .middleware import MiddlewareNullSession as MiddlewareNullSession
from .middleware import SessionMiddleware as SessionMiddleware
from .mixin import SessionMixin as SessionMixin
from .null_session import NullSession as NullSession
from .protocol import SessionApp as SessionApp
from .secure_cookie import SecureCookieSessionInterface as SecureCookieSessionInterface
from .secure_cookie import session_json_serializer as session_json_serializer

__version__ = "0.1.0"
