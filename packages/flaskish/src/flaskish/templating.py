"""Rendering and streaming Jinja templates.

Re-exports at the module path applications import from; the
implementation lives in the flaskish components. The Jinja classes load on
first access.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from flaskish_context import stream_with_context as stream_with_context
from flaskish_context.lazy import lazy_attributes
from flaskish_templating import before_render_template as before_render_template
from flaskish_templating import render_template as render_template
from flaskish_templating import render_template_string as render_template_string
from flaskish_templating import stream_template as stream_template
from flaskish_templating import stream_template_string as stream_template_string
from flaskish_templating import template_rendered as template_rendered

from .globals import current_app as current_app
from .globals import request as request

if TYPE_CHECKING:
    from jinja2 import BaseLoader as BaseLoader
    from jinja2 import Environment as BaseEnvironment  # noqa: F401
    from jinja2 import Template as Template
    from jinja2 import TemplateNotFound as TemplateNotFound

    from flaskish_templating import DispatchingJinjaLoader as DispatchingJinjaLoader
    from flaskish_templating import Environment as Environment

__getattr__ = lazy_attributes(
    __name__,
    {
        "BaseLoader": "jinja2",
        "BaseEnvironment": "jinja2:Environment",
        "Template": "jinja2",
        "TemplateNotFound": "jinja2",
        "DispatchingJinjaLoader": "flaskish_templating",
        "Environment": "flaskish_templating",
    },
)
