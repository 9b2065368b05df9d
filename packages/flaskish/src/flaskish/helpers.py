"""Helpers for views.

Re-exports at the module path applications import from; the
implementation lives in the flaskish components.
"""

from __future__ import annotations

import werkzeug.utils  # noqa: F401 (``helpers.werkzeug``, as code patching it expects)
from werkzeug.wrappers import Response as BaseResponse  # noqa: F401 (public name at this path)

from flaskish_context import request_ctx as request_ctx
from flaskish_context import send_file as send_file
from flaskish_context import send_from_directory as send_from_directory
from flaskish_context import stream_with_context as stream_with_context
from flaskish_core.helpers import abort as abort
from flaskish_core.helpers import flash as flash
from flaskish_core.helpers import get_debug_flag as get_debug_flag
from flaskish_core.helpers import get_flashed_messages as get_flashed_messages
from flaskish_core.helpers import get_load_dotenv as get_load_dotenv
from flaskish_core.helpers import get_root_path as get_root_path
from flaskish_core.helpers import get_template_attribute as get_template_attribute
from flaskish_core.helpers import make_response as make_response
from flaskish_core.helpers import redirect as redirect
from flaskish_core.helpers import url_for as url_for
from flaskish_core.signals import message_flashed as message_flashed

from .globals import current_app as current_app
from .globals import request as request
from .globals import session as session
