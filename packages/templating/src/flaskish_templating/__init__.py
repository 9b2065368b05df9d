"""Jinja environment glue, template loaders, rendering and streaming for flaskish applications.

Jinja itself loads when an application first needs its environment or a
loader, or when one of the Jinja-based classes here is imported, not when
this package is.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from flaskish_context.lazy import lazy_attributes
from flaskish_context.lazy import lazy_dir

from .app import AUTOESCAPE_EXTENSIONS
from .app import TemplatingAppMixin
from .processors import _default_template_ctx_processor
from .rendering import get_template_attribute
from .rendering import render_template
from .rendering import render_template_string
from .rendering import stream_template
from .rendering import stream_template_string
from .scaffold import JinjaLoaderMixin
from .signals import before_render_template
from .signals import template_rendered

if TYPE_CHECKING:
    from .environment import Environment
    from .explain import explain_template_loading_attempts
    from .loader import DispatchingJinjaLoader
    from .protocol import TemplatingHost
    from .string_cache import DEFAULT_STRING_CACHE_SIZE
    from .string_cache import StringTemplateCache
    from .templates import Templates

__version__ = "0.1.0"

_LAZY = {
    "Environment": ".environment",
    "explain_template_loading_attempts": ".explain",
    "DispatchingJinjaLoader": ".loader",
    "DEFAULT_STRING_CACHE_SIZE": ".string_cache",
    "StringTemplateCache": ".string_cache",
    "Templates": ".templates",
    "TemplatingHost": ".protocol",
}
__getattr__ = lazy_attributes(__name__, _LAZY)
__dir__ = lazy_dir(__name__, _LAZY)

__all__ = [
    "AUTOESCAPE_EXTENSIONS",
    "DEFAULT_STRING_CACHE_SIZE",
    "DispatchingJinjaLoader",
    "Environment",
    "JinjaLoaderMixin",
    "StringTemplateCache",
    "Templates",
    "TemplatingAppMixin",
    "TemplatingHost",
    "_default_template_ctx_processor",
    "before_render_template",
    "explain_template_loading_attempts",
    "get_template_attribute",
    "render_template",
    "render_template_string",
    "stream_template",
    "stream_template_string",
    "template_rendered",
]
