"""Application and request contexts on contextvars, with the current_app, g, request and session proxies."""

from typing import TYPE_CHECKING

from .ctx import _AppCtxGlobals as _AppCtxGlobals
from .ctx import AppContext as AppContext
from .ctx import RequestContext as RequestContext
from .files import send_file as send_file
from .files import send_from_directory as send_from_directory
from .globals import _cv_app as _cv_app
from .globals import _cv_request as _cv_request
from .globals import app_ctx as app_ctx
from .globals import app_or_none as app_or_none
from .globals import current_app as current_app
from .globals import g as g
from .globals import get_app as get_app
from .globals import request as request
from .globals import request_ctx as request_ctx
from .globals import request_or_none as request_or_none
from .globals import session as session
from .globals import websocket as websocket
from .helpers import after_this_request as after_this_request
from .helpers import copy_current_request_context as copy_current_request_context
from .helpers import has_app_context as has_app_context
from .helpers import has_request_context as has_request_context
from .helpers import has_websocket_context as has_websocket_context
from .helpers import stream_with_context as stream_with_context
from .lazy import lazy_attributes
from .lazy import lazy_dir
from .static import StaticFilesMixin as StaticFilesMixin

if TYPE_CHECKING:
    from .middleware import ContextMiddleware as ContextMiddleware
    from .protocol import ContextApp as ContextApp

__version__ = "0.1.0"

# Used without the framework, or for type checking only: loaded on access.
_LAZY = {"ContextMiddleware": ".middleware", "ContextApp": ".protocol"}
__getattr__ = lazy_attributes(__name__, _LAZY)
__dir__ = lazy_dir(__name__, _LAZY)
