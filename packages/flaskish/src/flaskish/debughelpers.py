"""Errors that explain common mistakes in debug mode.

Re-exports at the module path applications import from; the
implementation lives in the flaskish components.
"""

from __future__ import annotations

from jinja2 import BaseLoader as BaseLoader
from werkzeug.routing import RequestRedirect as RequestRedirect

from flaskish_blueprints import Blueprint as Blueprint
from flaskish_context import request_ctx as request_ctx
from flaskish_core.debughelpers import (
    attach_enctype_error_multidict as attach_enctype_error_multidict,
)
from flaskish_core.debughelpers import DebugFilesKeyError as DebugFilesKeyError
from flaskish_core.debughelpers import (
    explain_template_loading_attempts as explain_template_loading_attempts,
)
from flaskish_core.debughelpers import (
    FormDataRoutingRedirect as FormDataRoutingRedirect,
)
from flaskish_core.debughelpers import UnexpectedUnicodeError as UnexpectedUnicodeError
