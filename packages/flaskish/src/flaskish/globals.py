"""The context-local proxies.

Re-exports at the module path applications import from; the
implementation lives in the flaskish components.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from werkzeug.local import LocalProxy as LocalProxy

import flaskish_context
from flaskish_context import _cv_app as _cv_app
from flaskish_context import _cv_request as _cv_request
from flaskish_context import app_ctx as app_ctx
from flaskish_context import g as g
from flaskish_context import request_ctx as request_ctx

if TYPE_CHECKING:
    from flaskish_core.app import Flask
    from flaskish_core.websocket import Websocket
    from flaskish_core.wrappers import Request
    from flaskish_sessions import SessionMixin

# The context component types these three as Any (the application, request
# and session classes live above it); here they get the types they have in
# Flask, so application code type-checks the same. Every other module path
# re-exports them from here.
current_app: Flask = flaskish_context.current_app
request: Request = flaskish_context.request
session: SessionMixin = flaskish_context.session
#: The connection in a WebSocket handler (flaskish addition, Quart's name).
websocket: Websocket = flaskish_context.websocket
