"""Application and request contexts.

Re-exports at the module path applications import from; the
implementation lives in the flaskish components.
"""

from __future__ import annotations

from werkzeug.exceptions import HTTPException as HTTPException

from flaskish_context import _AppCtxGlobals as _AppCtxGlobals
from flaskish_context import after_this_request as after_this_request
from flaskish_context import AppContext as AppContext
from flaskish_context import (
    copy_current_request_context as copy_current_request_context,
)
from flaskish_context import has_app_context as has_app_context
from flaskish_context import has_request_context as has_request_context
from flaskish_context import has_websocket_context as has_websocket_context
from flaskish_core.request_context import RequestContext as RequestContext
from flaskish_core.signals import appcontext_popped as appcontext_popped
from flaskish_core.signals import appcontext_pushed as appcontext_pushed
