"""Signed cookie sessions and the tagged JSON serializer, usable in any WSGI stack."""

from typing import Any
from typing import TYPE_CHECKING

from .config import DEFAULT_SESSION_CONFIG as DEFAULT_SESSION_CONFIG
from .cookie_session import SecureCookieSession as SecureCookieSession
from .interface import SessionInterface as SessionInterface
from .json_types import json_default as json_default
from .mixin import SessionMixin as SessionMixin
from .null_session import NullSession as NullSession
from .protocol import SessionApp as SessionApp
from .secure_cookie import SecureCookieSessionInterface as SecureCookieSessionInterface
from .secure_cookie import session_json_serializer as session_json_serializer

if TYPE_CHECKING:
    from .middleware import ENVIRON_KEY as ENVIRON_KEY
    from .middleware import SessionMiddleware as SessionMiddleware

__version__ = "0.1.0"


# The middleware is for WSGI stacks without flaskish apps: loaded on first use.
_LAZY = {"ENVIRON_KEY": ".middleware", "SessionMiddleware": ".middleware"}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import import_module

    return getattr(import_module(module, __name__), name)
