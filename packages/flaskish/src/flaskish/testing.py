"""The test client and CLI runner.

Re-exports at the module path applications import from; the
implementation lives in the flaskish components. The CLI runner's names
load click on first access.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from werkzeug.test import Client as Client
from werkzeug.wrappers import Request as BaseRequest  # noqa: F401 (public name at this path)

from flaskish_context.lazy import lazy_attributes
from flaskish_core.testing import EnvironBuilder as EnvironBuilder
from flaskish_core.testing import FlaskClient as FlaskClient
from flaskish_core.testing_websocket import WebsocketClosed as WebsocketClosed
from flaskish_core.testing_websocket import WebsocketRejected as WebsocketRejected
from flaskish_sessions import SessionMixin as SessionMixin

if TYPE_CHECKING:
    from click.testing import CliRunner as CliRunner
    from click.testing import Result as Result

    from flaskish_cli import ScriptInfo as ScriptInfo
    from flaskish_core.cli_runner import FlaskCliRunner as FlaskCliRunner

__getattr__ = lazy_attributes(
    __name__,
    {
        "CliRunner": "click.testing",
        "Result": "click.testing",
        "ScriptInfo": "flaskish_cli",
        "FlaskCliRunner": "flaskish_core.cli_runner",
    },
)
