"""The context processor every application starts with."""

from __future__ import annotations

from typing import Any

from flaskish_context import _cv_app
from flaskish_context import request_or_none


def _default_template_ctx_processor() -> dict[str, Any]:
    """Put the real ``g`` and ``request`` objects in the template context.

    Templates then skip the proxy lookups. ``session`` stays the proxy from
    the environment's globals: reading it through the request context is
    what marks the session accessed, so it is only touched when a template
    uses it.
    """
    values: dict[str, Any] = {}
    app_ctx = _cv_app.get(None)
    if app_ctx is not None:
        values["g"] = app_ctx.g
    request = request_or_none()
    if request is not None:
        values["request"] = request
    return values


__all__ = ["_default_template_ctx_processor"]
