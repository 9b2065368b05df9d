"""The Content-Type werkzeug gives a new response, worked out once per mimetype."""

from __future__ import annotations

from werkzeug.sansio.response import Response as BaseResponse
from werkzeug.utils import get_content_type
from werkzeug.wrappers import Response

from .bounded import remember

_WERKZEUG_INIT = Response.__init__
_SANS_IO_INIT = BaseResponse.__init__
#: Content-Type header values by mimetype, as werkzeug derives them.
_content_types: dict[str, str] = {}


def known_content_type(
    response_class: type[Response], mimetype: str | None = None
) -> str | None:
    """The ``Content-Type`` werkzeug's constructor gives a response of
    ``response_class`` made without headers, with ``mimetype`` or else the
    class's ``default_mimetype``; ``None`` when making one runs an
    ``__init__`` other than werkzeug's two (it must get the arguments as
    written) or there is no mimetype.

    Passed as ``content_type=``, it saves the constructor a lookup in a new,
    empty ``Headers`` (which raises and catches a ``KeyError``) and the
    derivation from the mimetype: about 2 us of every plain response.
    """
    if (
        response_class.__init__ is not _WERKZEUG_INIT
        # The __init__ werkzeug's calls through super(): the sans-IO one, or
        # one a subclass put between them.
        or super(Response, response_class).__init__ is not _SANS_IO_INIT
    ):
        return None
    if mimetype is None:
        mimetype = response_class.default_mimetype
    if type(mimetype) is not str:
        return None
    content_type = _content_types.get(mimetype)
    if content_type is None:
        content_type = remember(
            _content_types, mimetype, get_content_type(mimetype, "utf-8"), 64
        )
    return content_type


__all__ = ["known_content_type"]
