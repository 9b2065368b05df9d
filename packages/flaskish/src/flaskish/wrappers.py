"""The request and response classes.

Re-exports at the module path applications import from; the
implementation lives in the flaskish components.
"""

from __future__ import annotations

from werkzeug.exceptions import BadRequest as BadRequest
from werkzeug.exceptions import HTTPException as HTTPException

from flaskish_context import current_app as current_app
from flaskish_core.wrappers import Request as Request
from flaskish_core.wrappers import Response as Response
