"""The application logger and its default handler.

Re-exports at the module path applications import from; the
implementation lives in the flaskish components.
"""

from __future__ import annotations

from werkzeug.local import LocalProxy as LocalProxy

from flaskish_core.logging import create_logger as create_logger
from flaskish_core.logging import default_handler as default_handler
from flaskish_core.logging import has_level_handler as has_level_handler
from flaskish_core.logging import wsgi_errors_stream as wsgi_errors_stream

from .globals import request as request
