"""The application's blinker signals.

Re-exports at the module path applications import from; the
implementation lives in the flaskish components.
"""

from __future__ import annotations

from flaskish_core.signals import appcontext_popped as appcontext_popped
from flaskish_core.signals import appcontext_pushed as appcontext_pushed
from flaskish_core.signals import appcontext_tearing_down as appcontext_tearing_down
from flaskish_core.signals import before_render_template as before_render_template
from flaskish_core.signals import got_request_exception as got_request_exception
from flaskish_core.signals import message_flashed as message_flashed
from flaskish_core.signals import Namespace as Namespace
from flaskish_core.signals import request_finished as request_finished
from flaskish_core.signals import request_started as request_started
from flaskish_core.signals import request_tearing_down as request_tearing_down
from flaskish_core.signals import template_rendered as template_rendered
