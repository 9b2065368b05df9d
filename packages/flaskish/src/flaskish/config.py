"""Application configuration.

Re-exports at the module path applications import from; the
implementation lives in the flaskish components.
"""

from __future__ import annotations

from werkzeug.utils import import_string as import_string

from flaskish_core.config import Config as Config
from flaskish_core.config import ConfigAttribute as ConfigAttribute
