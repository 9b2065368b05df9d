"""Helpers for views: URLs, redirects, aborting, flashing, responses, files.

Most defer to the current application (``current_app.url_for``,
``current_app.redirect``, ``current_app.aborter``, ...), so an app
subclass that overrides those methods changes the helpers too.
"""

from __future__ import annotations

import typing as t

from werkzeug.exceptions import abort as _werkzeug_abort
from werkzeug.exceptions import Aborter
from werkzeug.utils import redirect as _werkzeug_redirect

from flaskish_cli import get_debug_flag
from flaskish_cli import get_load_dotenv
from flaskish_context import app_or_none
from flaskish_context import get_app
from flaskish_context import request_ctx
from flaskish_context import send_file
from flaskish_context import send_from_directory
from flaskish_context import session
from flaskish_context import stream_with_context
from flaskish_routing import get_root_path
from flaskish_templating import get_template_attribute

from .signals import message_flashed
from .url_building import UrlBuildingMixin

if t.TYPE_CHECKING:
    from werkzeug.wrappers import Response as BaseResponse

    from .wrappers import Response

_OptStr: t.TypeAlias = "str | None"
_FLASHES = "_flashes"
_ABORTER_CALL = Aborter.__call__
_APP_URL_FOR = UrlBuildingMixin.url_for


def make_response(*args: t.Any) -> Response:
    """Turn a view-style return value into a response object.

    No argument gives an empty response, one argument is converted as a
    view's return value, several are treated as a ``(body, status,
    headers)`` tuple.
    """
    if not args:
        return get_app().response_class()  # type: ignore[no-any-return]
    value = args[0] if len(args) == 1 else args
    return get_app().make_response(value)  # type: ignore[no-any-return]


def url_for(
    endpoint: str,
    *,
    _anchor: _OptStr = None,
    _method: _OptStr = None,
    _scheme: _OptStr = None,
    _external: bool | None = None,
    **values: t.Any,
) -> str:
    """Build the URL of ``endpoint`` with the current app (see the app's
    ``url_for``)."""
    app: UrlBuildingMixin = get_app()
    build = app.url_for
    if getattr(build, "__func__", None) is _APP_URL_FOR:
        # Neither the app's class nor the app itself replaces url_for: its
        # work, without passing every keyword argument on once more.
        return app._build_url_for(
            endpoint, values, _anchor, _method, _scheme, _external
        )
    return build(
        endpoint, _external=_external, _scheme=_scheme, _method=_method,
        _anchor=_anchor, **values,
    )  # fmt: skip


def redirect(
    location: str, code: int = 302, Response: type[BaseResponse] | None = None
) -> BaseResponse:
    """A redirect response to ``location``: the app's ``redirect`` inside
    an app context (``Response`` is then ignored), werkzeug's outside."""
    app = app_or_none()
    if app is not None:
        return app.redirect(location, code=code)  # type: ignore[no-any-return]
    return _werkzeug_redirect(location, code=code, Response=Response)


def abort(code: int | BaseResponse, *args: t.Any, **kwargs: t.Any) -> t.NoReturn:
    """Raise the HTTP exception for ``code`` (or the given response) with
    the app's ``aborter``, or werkzeug's outside an app context."""
    app = app_or_none()
    if app is not None:
        aborter = app.aborter
        if type(aborter).__call__ is _ABORTER_CALL and type(code) is int:
            # What werkzeug's Aborter raises for a status code, without the
            # import it runs on every call.
            mapping = aborter.mapping
            if code in mapping:
                raise mapping[code](*args, **kwargs)
        aborter(code, *args, **kwargs)
    _werkzeug_abort(code, *args, **kwargs)


def flash(message: str, category: str = "message") -> None:
    """Store ``message`` in the session for the next
    :func:`get_flashed_messages` and send :data:`message_flashed`."""
    pending = session.get(_FLASHES, [])
    pending.append((category, message))
    session[_FLASHES] = pending
    app = get_app()
    message_flashed.send(
        app, _async_wrapper=app.ensure_sync, message=message, category=category
    )


def get_flashed_messages(
    with_categories: bool = False, category_filter: t.Iterable[str] = ()
) -> list[str] | list[tuple[str, str]]:
    """Take the flashed messages out of the session.

    They are read once per request and kept on the request context, so
    later calls in the same request return them again. ``category_filter``
    keeps only those categories; ``with_categories`` returns
    ``(category, message)`` pairs instead of messages.
    """
    ctx = request_ctx._get_current_object()  # type: ignore[attr-defined]
    messages: list[tuple[str, str]] | None = ctx.flashes
    if messages is None:
        current = ctx.session
        messages = current.pop(_FLASHES) if _FLASHES in current else []
        ctx.flashes = messages
    if category_filter:
        wanted = set(category_filter)
        messages = [pair for pair in messages if pair[0] in wanted]
    if with_categories:
        return messages
    return [text for _, text in messages]


__all__ = [
    "abort",
    "flash",
    "get_debug_flag",
    "get_flashed_messages",
    "get_load_dotenv",
    "get_root_path",
    "get_template_attribute",
    "make_response",
    "redirect",
    "send_file",
    "send_from_directory",
    "stream_with_context",
    "url_for",
]
