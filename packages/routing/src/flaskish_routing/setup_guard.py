"""The guard of setup methods: registration is refused once setup is over."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any
from typing import TypeVar

F = TypeVar("F", bound=Callable[..., Any])


def setupmethod(f: F) -> F:
    """Mark ``f`` as a setup method: it asks the object whether setup is
    still open (``_check_setup_finished``) before doing its work.
    """

    @wraps(f)
    def guarded(self: Any, *args: Any, **kwargs: Any) -> Any:
        self._check_setup_finished(f.__name__)
        return f(self, *args, **kwargs)

    return guarded  # type: ignore[return-value]


__all__ = ["setupmethod"]
