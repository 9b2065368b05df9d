"""What an error handler can be registered for."""

from __future__ import annotations

from typing import Any

from werkzeug.exceptions import default_exceptions
from werkzeug.exceptions import HTTPException


def exc_class_and_code(
    exc_class_or_code: type[Exception] | int,
) -> tuple[type[Exception], int | None]:
    """The exception class and status code (``None`` for non-HTTP classes)
    an error handler is registered under.

    :raises ValueError: for an unknown status code or a class that is not
        an :class:`Exception`.
    :raises TypeError: for an exception instance.
    """
    if isinstance(exc_class_or_code, int):
        found = default_exceptions.get(exc_class_or_code)
        if found is None:
            raise ValueError(
                f"'{exc_class_or_code}' is not a recognized HTTP error code. Use a subclass of HTTPException with that code instead."
            )
        exc_class: Any = found
    else:
        exc_class = exc_class_or_code
    rule_of_handlers = (
        " Handlers can only be registered for Exception classes or HTTP error codes."
    )
    if isinstance(exc_class, BaseException):
        raise TypeError(f"{exc_class!r} is an instance, not a class.{rule_of_handlers}")
    if not issubclass(exc_class, Exception):
        raise ValueError(
            f"'{exc_class.__name__}' is not a subclass of Exception.{rule_of_handlers}"
        )
    code = exc_class.code if issubclass(exc_class, HTTPException) else None
    return exc_class, code
