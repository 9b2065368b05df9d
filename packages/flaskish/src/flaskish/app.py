"""The application class and what its module offers.

Re-exports at the module path applications import from; the
implementation lives in the flaskish components.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from werkzeug.datastructures import Headers as Headers
from werkzeug.datastructures import ImmutableDict as ImmutableDict
from werkzeug.exceptions import BadRequestKeyError as BadRequestKeyError
from werkzeug.exceptions import HTTPException as HTTPException
from werkzeug.exceptions import InternalServerError as InternalServerError
from werkzeug.routing import BuildError as BuildError
from werkzeug.routing import MapAdapter as MapAdapter
from werkzeug.routing import RequestRedirect as RequestRedirect
from werkzeug.routing import RoutingException as RoutingException
from werkzeug.routing import Rule as Rule
from werkzeug.serving import is_running_from_reloader as is_running_from_reloader
from werkzeug.wrappers import Response as BaseResponse  # noqa: F401 (public name at this path)
from werkzeug.wsgi import get_host as get_host

from flaskish_cli import get_debug_flag as get_debug_flag
from flaskish_cli import get_load_dotenv as get_load_dotenv
from flaskish_context import AppContext as AppContext
from flaskish_context import g as g
from flaskish_context import request_ctx as request_ctx
from flaskish_context import send_from_directory as send_from_directory
from flaskish_context.lazy import lazy_attributes
from flaskish_core.app import Flask as Flask
from flaskish_core.helpers import get_flashed_messages as get_flashed_messages
from flaskish_core.request_context import RequestContext as RequestContext
from flaskish_core.signals import appcontext_tearing_down as appcontext_tearing_down
from flaskish_core.signals import got_request_exception as got_request_exception
from flaskish_core.signals import request_finished as request_finished
from flaskish_core.signals import request_started as request_started
from flaskish_core.signals import request_tearing_down as request_tearing_down
from flaskish_core.wrappers import Request as Request
from flaskish_core.wrappers import Response as Response
from flaskish_sessions import (
    SecureCookieSessionInterface as SecureCookieSessionInterface,
)
from flaskish_sessions import SessionInterface as SessionInterface

from .globals import current_app as current_app
from .globals import request as request
from .globals import session as session

if TYPE_CHECKING:
    from flaskish_templating import Environment as Environment

# Jinja loads with the first template, not with the application module.
__getattr__ = lazy_attributes(__name__, {"Environment": "flaskish_templating"})
