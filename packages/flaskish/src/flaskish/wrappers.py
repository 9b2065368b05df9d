"""The request and response classes.

Re-exports at the module path applications import from; the
implementation lives in the flaskish components.
"""

from __future__ import annotations

from werkzeug.exceptions import BadRequest as BadRequest
from werkzeug.exceptions import HTTPException as HTTPException
from werkzeug.wrappers import Request as RequestBase  # noqa: F401 (public name at this path)
from werkzeug.wrappers import Response as ResponseBase  # noqa: F401 (public name at this path)

from flaskish_core.websocket import Websocket as Websocket
from flaskish_core.websocket import WebsocketDisconnect as WebsocketDisconnect
from flaskish_core.wrappers import Request as Request
from flaskish_core.wrappers import Response as Response

from .globals import current_app as current_app
