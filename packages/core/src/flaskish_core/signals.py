"""The application's blinker signals.

The two template signals belong to flaskish-templating and are re-exported
here as the very same objects, so a receiver connected through either
module sees every send.
"""

from __future__ import annotations

from blinker import NamedSignal
from blinker import Namespace

from flaskish_templating.signals import before_render_template
from flaskish_templating.signals import template_rendered

#: The namespace holding the application's signals.
signals = Namespace()

#: Sent before the request pipeline starts, sender the app.
request_started: NamedSignal = signals.signal("request-started")
#: Sent after the response is final, sender the app, ``response=``.
request_finished: NamedSignal = signals.signal("request-finished")
#: Sent while the request context tears down, sender the app, ``exc=``.
request_tearing_down: NamedSignal = signals.signal("request-tearing-down")
#: Sent when an unhandled exception reaches the app, ``exception=``.
got_request_exception: NamedSignal = signals.signal("got-request-exception")
#: Sent while the app context tears down, sender the app, ``exc=``.
appcontext_tearing_down: NamedSignal = signals.signal("appcontext-tearing-down")
#: Sent after an app context was pushed, sender the app.
appcontext_pushed: NamedSignal = signals.signal("appcontext-pushed")
#: Sent after an app context was popped, sender the app.
appcontext_popped: NamedSignal = signals.signal("appcontext-popped")
#: Sent by :func:`~flaskish_core.helpers.flash`, ``message=``, ``category=``.
message_flashed: NamedSignal = signals.signal("message-flashed")

__all__ = [
    "Namespace",
    "appcontext_popped",
    "appcontext_pushed",
    "appcontext_tearing_down",
    "before_render_template",
    "got_request_exception",
    "message_flashed",
    "request_finished",
    "request_started",
    "request_tearing_down",
    "signals",
    "template_rendered",
]
