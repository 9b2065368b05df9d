"""The read-only stand-in used when sessions are unavailable."""

from __future__ import annotations

from typing import Any
from typing import ClassVar
from typing import NoReturn

from .cookie_session import SecureCookieSession

_NO_SECRET_KEY = (
    "The session is unavailable because no secret key was set."
    "  Set the secret_key on the application to something unique and secret."
)


def _refuse(self: NullSession, *args: Any, **kwargs: Any) -> NoReturn:
    raise RuntimeError(self.unavailable_message)


class NullSession(SecureCookieSession):
    """An always empty session: reads work, any write raises
    :exc:`RuntimeError` explaining that the secret key is not set."""

    #: The message of that error; says what to set (flaskish seam).
    unavailable_message: ClassVar[str] = _NO_SECRET_KEY

    __setitem__ = __delitem__ = _refuse
    setdefault = pop = popitem = _refuse
    update = clear = __ior__ = _refuse
