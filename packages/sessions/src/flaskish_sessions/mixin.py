"""The attributes every session object carries on top of a mapping."""

from __future__ import annotations

from collections.abc import MutableMapping
from typing import Any

_PERMANENT_KEY = "_permanent"


class SessionMixin(MutableMapping[str, Any]):
    """Session attributes added to a mutable mapping.

    ``permanent`` lives in the data itself under ``"_permanent"`` so it
    travels with the cookie. The class defaults of ``new``, ``modified``
    and ``accessed`` suit a backend that tracks nothing: it is never new
    and always saved, and responses always vary on the cookie.
    """

    #: Whether the session was created on this request. Backends that
    #: cannot tell (like signed cookies) leave it ``False``.
    new = False

    #: Whether the data changed; when ``True`` the session is saved.
    modified = True

    #: Whether the data was read or written; when ``True`` the response
    #: gets ``Vary: Cookie``.
    accessed = True

    @property
    def permanent(self) -> bool:
        """Whether the session outlives the browser session."""
        return bool(self.get(_PERMANENT_KEY, False))

    @permanent.setter
    def permanent(self, value: bool) -> None:
        self[_PERMANENT_KEY] = bool(value)
