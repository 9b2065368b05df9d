"""The test client and CLI runner.

Re-exports at the module path applications import from; the
implementation lives in the flaskish components.
"""

from __future__ import annotations

from click.testing import CliRunner as CliRunner
from click.testing import Result as Result
from werkzeug.test import Client as Client
from werkzeug.wrappers import Request as BaseRequest  # noqa: F401 (public name at this path)

from flaskish_cli import ScriptInfo as ScriptInfo
from flaskish_core.testing import EnvironBuilder as EnvironBuilder
from flaskish_core.testing import FlaskClient as FlaskClient
from flaskish_core.testing import FlaskCliRunner as FlaskCliRunner
from flaskish_sessions import SessionMixin as SessionMixin
