"""The application logger and the handler it gets by default."""

from __future__ import annotations

import logging
import sys
import typing as t

from werkzeug.local import LocalProxy

from flaskish_context import request


class _NamedApp(t.Protocol):
    @property
    def name(self) -> str: ...

    @property
    def debug(self) -> bool: ...


def _errors_stream() -> t.TextIO:
    # Inside a request, log where the WSGI server wants errors to go.
    if request:
        return request.environ["wsgi.errors"]  # type: ignore[no-any-return]
    return sys.stderr


#: ``wsgi.errors`` of the current request, or ``sys.stderr`` outside one.
wsgi_errors_stream: t.TextIO = LocalProxy(_errors_stream)  # type: ignore[assignment]


def has_level_handler(logger: logging.Logger) -> bool:
    """Whether some handler on ``logger`` or the ancestors it propagates to
    would emit a record at the logger's effective level."""
    level = logger.getEffectiveLevel()
    node: logging.Logger | None = logger
    while node is not None:
        if any(handler.level <= level for handler in node.handlers):
            return True
        if not node.propagate:
            return False
        node = node.parent
    return False


#: The handler an application logger gets when nothing would emit its records.
default_handler = logging.StreamHandler(wsgi_errors_stream)
default_handler.setFormatter(
    logging.Formatter("[%(asctime)s] %(levelname)s in %(module)s: %(message)s")
)


def create_logger(app: _NamedApp) -> logging.Logger:
    """Return the logger named ``app.name``, set to ``DEBUG`` when the app
    is in debug mode and the logger has no level of its own, with
    :data:`default_handler` added when no handler covers its level."""
    logger = logging.getLogger(app.name)
    if app.debug and logger.level == logging.NOTSET:
        logger.setLevel(logging.DEBUG)
    if not has_level_handler(logger):
        logger.addHandler(default_handler)
    return logger


__all__ = [
    "create_logger",
    "default_handler",
    "has_level_handler",
    "wsgi_errors_stream",
]
