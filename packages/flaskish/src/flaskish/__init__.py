"""A Flask-compatible WSGI web framework, faster on every request and cut
into installable components.

This package assembles the components and exposes the framework's public
API at the module paths applications import from (``flaskish``,
``flaskish.app``, ``flaskish.json.tag``, ...). Code that imports ``flask``
runs on it after :func:`install_as_flask` (or ``import flaskish.as_flask``);
importing this package alone changes nothing about ``flask``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from flaskish_context import after_this_request as after_this_request
from flaskish_context import (
    copy_current_request_context as copy_current_request_context,
)
from flaskish_context import g as g
from flaskish_context import has_app_context as has_app_context
from flaskish_context import has_request_context as has_request_context
from flaskish_context import has_websocket_context as has_websocket_context
from flaskish_context import send_file as send_file
from flaskish_context import send_from_directory as send_from_directory
from flaskish_context import stream_with_context as stream_with_context
from flaskish_context.lazy import lazy_attributes
from flaskish_context.lazy import lazy_dir
from flaskish_core.app import Flask as Flask
from flaskish_core.config import Config as Config
from flaskish_core.helpers import abort as abort
from flaskish_core.helpers import flash as flash
from flaskish_core.helpers import get_flashed_messages as get_flashed_messages
from flaskish_core.helpers import make_response as make_response
from flaskish_core.helpers import redirect as redirect
from flaskish_core.helpers import url_for as url_for
from flaskish_core.json import jsonify as jsonify
from flaskish_core.signals import appcontext_popped as appcontext_popped
from flaskish_core.signals import appcontext_pushed as appcontext_pushed
from flaskish_core.signals import appcontext_tearing_down as appcontext_tearing_down
from flaskish_core.signals import before_render_template as before_render_template
from flaskish_core.signals import got_request_exception as got_request_exception
from flaskish_core.signals import message_flashed as message_flashed
from flaskish_core.signals import request_finished as request_finished
from flaskish_core.signals import request_started as request_started
from flaskish_core.signals import request_tearing_down as request_tearing_down
from flaskish_core.signals import template_rendered as template_rendered
from flaskish_core.wrappers import Request as Request
from flaskish_core.wrappers import Response as Response
from flaskish_templating import get_template_attribute as get_template_attribute
from flaskish_templating import render_template as render_template
from flaskish_templating import render_template_string as render_template_string
from flaskish_templating import stream_template as stream_template
from flaskish_templating import stream_template_string as stream_template_string

from . import globals as globals
from .globals import current_app as current_app
from .globals import request as request
from .globals import session as session
from .globals import websocket as websocket

if TYPE_CHECKING:
    from flaskish_blueprints import Blueprint as Blueprint

    from . import app as app
    from . import blueprints as blueprints
    from . import cli as cli
    from . import config as config
    from . import ctx as ctx
    from . import helpers as helpers
    from . import json as json
    from . import logging as logging
    from . import sessions as sessions
    from . import signals as signals
    from . import templating as templating
    from . import typing as typing
    from . import wrappers as wrappers
    from ._switch import install_as_flask as install_as_flask

# What an application may never use loads on first access: blueprints, the
# command line (and click), the import switch (and importlib.metadata, whose
# finder API it extends), and the modules at Flask's paths, which are
# attributes of the package as they are of Flask's.
_LAZY = {"Blueprint": "flaskish_blueprints", "install_as_flask": "._switch"}
_SUBMODULES = frozenset(
    {
        "app",
        "blueprints",
        "cli",
        "config",
        "ctx",
        "helpers",
        "json",
        "logging",
        "sessions",
        "signals",
        "templating",
        "typing",
        "wrappers",
    }
)
__getattr__ = lazy_attributes(__name__, _LAZY, submodules=_SUBMODULES)
__dir__ = lazy_dir(__name__, _LAZY, _SUBMODULES)

__version__ = "0.1.0"
