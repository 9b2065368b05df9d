"""The namespace object behind ``g``."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from .globals import _cv_app

_MISSING: Any = object()


class _AppCtxGlobals:
    """A plain attribute namespace, one per application context.

    Besides attribute access it offers a few dict-like helpers. Values live in
    the instance ``__dict__``, so reads and writes cost what normal attributes
    cost.
    """

    def __getattr__(self, name: str) -> Any:
        # Only reached for missing names; report the bare name like a mapping.
        raise AttributeError(name)

    def __setattr__(self, name: str, value: Any) -> None:
        self.__dict__[name] = value

    def __delattr__(self, name: str) -> None:
        if self.__dict__.pop(name, _MISSING) is _MISSING:
            raise AttributeError(name)

    def get(self, name: str, default: Any | None = None) -> Any:
        """Return the value of ``name``, or ``default`` when it is not set."""
        return self.__dict__.get(name, default)

    def pop(self, name: str, default: Any = _MISSING) -> Any:
        """Remove ``name`` and return its value.

        Without a ``default``, a missing name raises :exc:`KeyError`.
        """
        if default is _MISSING:
            return self.__dict__.pop(name)
        return self.__dict__.pop(name, default)

    def setdefault(self, name: str, default: Any = None) -> Any:
        """Return the value of ``name``, setting it to ``default`` first if unset."""
        return self.__dict__.setdefault(name, default)

    def __contains__(self, item: str) -> bool:
        return item in self.__dict__

    def __iter__(self) -> Iterator[str]:
        return iter(self.__dict__)

    def __repr__(self) -> str:
        ctx = _cv_app.get(None)
        if ctx is None:
            return object.__repr__(self)
        return f"<flaskish.g of {_app_name(ctx.app)!r}>"


def _app_name(app: Any) -> str:
    name = getattr(app, "name", None)
    return type(app).__name__ if name is None else str(name)
