"""JSON helpers that follow the current app's provider.

Re-exports at the module path applications import from; the
implementation lives in the flaskish components.
"""

from __future__ import annotations

from flaskish.globals import current_app as current_app
from flaskish_core.json import dump as dump
from flaskish_core.json import dumps as dumps
from flaskish_core.json import jsonify as jsonify
from flaskish_core.json import load as load
from flaskish_core.json import loads as loads

from . import provider as provider
from . import tag as tag
