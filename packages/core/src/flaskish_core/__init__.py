"""The flaskish application object and request pipeline: config, wrappers,
JSON, helpers, signals, logging, testing.

Names are loaded from their submodule on first access, so importing one
piece (``flaskish_core.config``) does not import the whole pipeline.
"""

from __future__ import annotations

import typing as t

from flaskish_context.lazy import lazy_attributes

__version__ = "0.1.0"

# Public name -> submodule that defines it.
_EXPORTS: dict[str, str] = {
    "Flask": "app",
    "Config": "config",
    "ConfigAttribute": "config",
    "DEFAULT_CONFIG": "config",
    "Request": "wrappers",
    "Response": "wrappers",
    "JSONProvider": "json.provider",
    "DefaultJSONProvider": "json.provider",
    "jsonify": "json",
    "abort": "helpers",
    "flash": "helpers",
    "get_flashed_messages": "helpers",
    "make_response": "helpers",
    "redirect": "helpers",
    "url_for": "helpers",
    "create_logger": "logging",
    "default_handler": "logging",
    "FlaskClient": "testing",
    "FlaskCliRunner": "cli_runner",
}

if t.TYPE_CHECKING:
    from .app import Flask as Flask
    from .cli_runner import FlaskCliRunner as FlaskCliRunner
    from .config import Config as Config
    from .config import ConfigAttribute as ConfigAttribute
    from .config import DEFAULT_CONFIG as DEFAULT_CONFIG
    from .helpers import abort as abort
    from .helpers import flash as flash
    from .helpers import get_flashed_messages as get_flashed_messages
    from .helpers import make_response as make_response
    from .helpers import redirect as redirect
    from .helpers import url_for as url_for
    from .json import jsonify as jsonify
    from .json.provider import DefaultJSONProvider as DefaultJSONProvider
    from .json.provider import JSONProvider as JSONProvider
    from .logging import create_logger as create_logger
    from .logging import default_handler as default_handler
    from .testing import FlaskClient as FlaskClient
    from .wrappers import Request as Request
    from .wrappers import Response as Response


__getattr__ = lazy_attributes(
    __name__, {name: f".{module}" for name, module in _EXPORTS.items()}
)


def __dir__() -> list[str]:
    return sorted({*globals(), *_EXPORTS})


__all__ = sorted(_EXPORTS)
