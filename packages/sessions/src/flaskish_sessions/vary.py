"""Adding ``Cookie`` to a response's ``Vary`` header."""

from __future__ import annotations

from werkzeug.sansio.response import Response as _SansIOResponse
from werkzeug.wrappers import Response

_WERKZEUG_VARY = _SansIOResponse.vary


def vary_on_cookie(response: Response) -> None:
    """Add ``Cookie`` to ``response.vary``.

    Without a ``Vary`` header the header is written directly, which is
    what werkzeug's ``vary`` set does, minus parsing and re-serializing it.
    (``getlist`` finds the header as ``in`` does, without the ``KeyError``
    ``in`` raises and catches when the header is missing.)
    """
    headers = response.headers
    if type(response).vary is _WERKZEUG_VARY and not headers.getlist("Vary"):
        headers.add("Vary", "Cookie")
    else:
        response.vary.add("Cookie")
