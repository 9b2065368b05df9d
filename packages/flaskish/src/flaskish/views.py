"""Class-based views.

Re-exports at the module path applications import from; the
implementation lives in the flaskish components.
"""

from __future__ import annotations

from flaskish_routing import http_method_funcs as http_method_funcs
from flaskish_routing import MethodView as MethodView
from flaskish_routing import View as View

from .globals import current_app as current_app
from .globals import request as request
