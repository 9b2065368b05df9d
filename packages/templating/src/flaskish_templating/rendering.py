"""Rendering and streaming templates with the current application."""

from __future__ import annotations

from typing import Any
from typing import TYPE_CHECKING

from flaskish_context import _cv_request
from flaskish_context import get_app
from flaskish_context import stream_with_context

from .signals import before_render_template
from .signals import template_rendered

if TYPE_CHECKING:
    from collections.abc import Iterator

    from blinker import Signal
    from jinja2 import Template

    from .protocol import RenderingApp

    #: A template name, a compiled template, or a list of either to try in order.
    TemplateRef = str | Template | list[str | Template]


def _send(
    signal: Signal, app: RenderingApp, template: Template, context: dict[str, Any]
) -> None:
    if signal.receivers:
        signal.send(
            app, _async_wrapper=app.ensure_sync, template=template, context=context
        )


def _render(app: RenderingApp, template: Template, context: dict[str, Any]) -> str:
    app.update_template_context(context)
    _send(before_render_template, app, template, context)
    rendered = template.render(context)
    _send(template_rendered, app, template, context)
    return rendered


def _stream(
    app: RenderingApp, template: Template, context: dict[str, Any]
) -> Iterator[str]:
    app.update_template_context(context)
    _send(before_render_template, app, template, context)

    def chunks() -> Iterator[str]:
        yield from template.generate(context)
        _send(template_rendered, app, template, context)

    if _cv_request.get(None) is None:
        return chunks()
    # Keep the request context alive while the response body is generated.
    return stream_with_context(chunks())


def render_template(template_name_or_list: TemplateRef, **context: Any) -> str:
    """Render the named template (the first existing one of a list)."""
    app: RenderingApp = get_app()
    template = app.jinja_env.get_or_select_template(template_name_or_list)
    return _render(app, template, context)


def render_template_string(source: str, **context: Any) -> str:
    """Render a template given as source. Identical sources are compiled once
    (see :class:`~flaskish_templating.StringTemplateCache`).
    """
    app: RenderingApp = get_app()
    return _render(app, app.jinja_env.from_string_cached(source), context)


def stream_template(
    template_name_or_list: TemplateRef, **context: Any
) -> Iterator[str]:
    """Render the named template piece by piece, as an iterator of strings.

    Inside a request the iterator keeps the request context alive, so it can
    be returned as a streaming response body.
    """
    app: RenderingApp = get_app()
    template = app.jinja_env.get_or_select_template(template_name_or_list)
    return _stream(app, template, context)


def stream_template_string(source: str, **context: Any) -> Iterator[str]:
    """Render a template given as source piece by piece (see
    :func:`stream_template`).
    """
    app: RenderingApp = get_app()
    return _stream(app, app.jinja_env.from_string_cached(source), context)


def get_template_attribute(template_name: str, attribute: str) -> Any:
    """Return a macro or variable a template exports, e.g. to call a macro
    from Python: ``get_template_attribute("_macros.html", "hello")("World")``.
    """
    module = get_app().jinja_env.get_template(template_name).module
    return getattr(module, attribute)


__all__ = [
    "TemplateRef",
    "get_template_attribute",
    "render_template",
    "render_template_string",
    "stream_template",
    "stream_template_string",
]
