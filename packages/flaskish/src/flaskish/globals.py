"""The context-local proxies.

Re-exports at the module path applications import from; the
implementation lives in the flaskish components.
"""

from __future__ import annotations

from werkzeug.local import LocalProxy as LocalProxy

from flaskish_context import _cv_app as _cv_app
from flaskish_context import _cv_request as _cv_request
from flaskish_context import app_ctx as app_ctx
from flaskish_context import current_app as current_app
from flaskish_context import g as g
from flaskish_context import request as request
from flaskish_context import request_ctx as request_ctx
from flaskish_context import session as session
