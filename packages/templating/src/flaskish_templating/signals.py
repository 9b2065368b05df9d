"""The two template signals.

Both are sent with the application as sender and ``template`` and
``context`` keyword arguments. flaskish-core re-exports these exact objects
as ``flaskish.signals.template_rendered`` and
``flaskish.signals.before_render_template``.
"""

from __future__ import annotations

from blinker import Namespace

#: The namespace holding the templating signals.
template_signals = Namespace()

#: Sent after a template rendered (for a stream: after its last chunk).
template_rendered = template_signals.signal("template-rendered")

#: Sent before a template renders, once the context is complete.
before_render_template = template_signals.signal("before-render-template")

__all__ = ["before_render_template", "template_rendered", "template_signals"]
