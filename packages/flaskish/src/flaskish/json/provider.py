"""JSON providers.

Re-exports at the module path applications import from; the
implementation lives in the flaskish components.
"""

from __future__ import annotations

from werkzeug.http import http_date as http_date

from flaskish_core.json.provider import DefaultJSONProvider as DefaultJSONProvider
from flaskish_core.json.provider import JSONProvider as JSONProvider
