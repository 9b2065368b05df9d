"""Static files and resources, shared by applications and blueprints."""

from __future__ import annotations

import os
from datetime import timedelta
from typing import Any
from typing import IO
from typing import Protocol

from werkzeug.wrappers import Response

from .files import send_from_directory
from .globals import get_app

_READ_MODES = frozenset({"r", "rt", "rb"})


class _StaticHost(Protocol):
    """What a class must provide to use :class:`StaticFilesMixin`."""

    root_path: str

    @property
    def static_folder(self) -> str | None: ...

    @property
    def has_static_folder(self) -> bool: ...

    def get_send_file_max_age(self, filename: str | None) -> int | None: ...


class StaticFilesMixin:
    """``send_static_file``, ``get_send_file_max_age`` and ``open_resource``.

    Mixed into classes that have ``root_path``, ``static_folder`` and
    ``has_static_folder``: the application and its blueprints.
    """

    def get_send_file_max_age(self, filename: str | None) -> int | None:
        """Cache ``max_age`` for a sent file: ``SEND_FILE_MAX_AGE_DEFAULT``.

        ``None`` (the default) lets browsers revalidate with conditional
        requests; a :class:`~datetime.timedelta` is converted to seconds.
        """
        value = get_app().config["SEND_FILE_MAX_AGE_DEFAULT"]
        if isinstance(value, timedelta):
            return int(value.total_seconds())
        return value  # type: ignore[no-any-return]

    def send_static_file(self: _StaticHost, filename: str) -> Response:
        """Serve ``filename`` from ``static_folder``: the static route's view."""
        if not self.has_static_folder:
            raise RuntimeError("'static_folder' must be set to serve static_files.")
        # Ask this object, not the app, so a blueprint's override applies.
        max_age = self.get_send_file_max_age(filename)
        folder: str = self.static_folder  # type: ignore[assignment]
        return send_from_directory(folder, filename, max_age=max_age)

    def open_resource(
        self: _StaticHost,
        resource: str,
        mode: str = "rb",
        encoding: str | None = None,
    ) -> IO[Any]:
        """Open ``resource`` (relative to ``root_path``) for reading.

        ``mode`` is ``"rb"`` (default), ``"r"`` or ``"rt"``; ``encoding``
        applies to the text modes.
        """
        if mode not in _READ_MODES:
            raise ValueError("Resources can only be opened for reading.")
        path = os.path.join(self.root_path, resource)
        if mode == "rb":
            return open(path, mode)
        return open(path, mode, encoding=encoding)
