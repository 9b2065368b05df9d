"""JSON helpers that follow the current application's JSON provider.

Inside an app context each function defers to ``current_app.json``;
outside one, :func:`dumps` and :func:`dump` use the standard library with
the provider's default conversions, and :func:`loads`/:func:`load` plain
:mod:`json`.
"""

from __future__ import annotations

import json as _json
import typing as t

from flaskish_context import app_or_none
from flaskish_context import get_app
from flaskish_sessions import json_default

if t.TYPE_CHECKING:
    from flaskish_core.wrappers import Response


def _provider() -> t.Any:
    """The current app's provider, or ``None`` outside an app context."""
    app = app_or_none()
    return None if app is None else app.json


def dumps(obj: t.Any, **kwargs: t.Any) -> str:
    """Serialize ``obj`` to a JSON string."""
    provider = _provider()
    if provider is not None:
        return provider.dumps(obj, **kwargs)  # type: ignore[no-any-return]
    kwargs.setdefault("default", json_default)
    return _json.dumps(obj, **kwargs)


def dump(obj: t.Any, fp: t.IO[str], **kwargs: t.Any) -> None:
    """Serialize ``obj`` and write it to the text file ``fp``."""
    provider = _provider()
    if provider is not None:
        provider.dump(obj, fp, **kwargs)
        return
    kwargs.setdefault("default", json_default)
    _json.dump(obj, fp, **kwargs)


def loads(s: str | bytes, **kwargs: t.Any) -> t.Any:
    """Parse a JSON document."""
    provider = _provider()
    if provider is not None:
        return provider.loads(s, **kwargs)
    return _json.loads(s, **kwargs)


def load(fp: t.IO[t.AnyStr], **kwargs: t.Any) -> t.Any:
    """Read the file ``fp`` and parse it."""
    provider = _provider()
    if provider is not None:
        return provider.load(fp, **kwargs)
    return _json.load(fp, **kwargs)


def jsonify(*args: t.Any, **kwargs: t.Any) -> Response:
    """Build a JSON response of the arguments with the current app's
    provider (see :meth:`~flaskish_core.json.provider.JSONProvider.response`).
    Needs an app context."""
    return get_app().json.response(*args, **kwargs)  # type: ignore[no-any-return]


__all__ = ["dump", "dumps", "jsonify", "load", "loads"]
