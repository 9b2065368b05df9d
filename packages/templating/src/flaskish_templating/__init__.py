"""Jinja environment glue, template loaders, rendering and streaming for flaskish applications."""

from __future__ import annotations

from .app import AUTOESCAPE_EXTENSIONS
from .app import TemplatingAppMixin
from .environment import Environment
from .explain import explain_template_loading_attempts
from .loader import DispatchingJinjaLoader
from .processors import _default_template_ctx_processor
from .rendering import get_template_attribute
from .rendering import render_template
from .rendering import render_template_string
from .rendering import stream_template
from .rendering import stream_template_string
from .scaffold import JinjaLoaderMixin
from .signals import before_render_template
from .signals import template_rendered
from .string_cache import DEFAULT_STRING_CACHE_SIZE
from .string_cache import StringTemplateCache

__version__ = "0.1.0"

__all__ = [
    "AUTOESCAPE_EXTENSIONS",
    "DEFAULT_STRING_CACHE_SIZE",
    "DispatchingJinjaLoader",
    "Environment",
    "JinjaLoaderMixin",
    "StringTemplateCache",
    "TemplatingAppMixin",
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
