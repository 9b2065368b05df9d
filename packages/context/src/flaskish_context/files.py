"""werkzeug's file senders, bound to the current application and request.

werkzeug's functions are looked up on :mod:`werkzeug.utils` at each call, so
patching them there (as tests do) reaches these helpers.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import datetime
from typing import Any
from typing import IO

import werkzeug.utils
from werkzeug.wrappers import Response

from .globals import get_app
from .globals import request

PathText = os.PathLike[str] | str
#: A path (relative to the app's ``root_path``) or a file opened in binary mode.
FileSource = PathText | IO[bytes]
MaybeText = str | None
#: ``True`` to compute an ETag, ``False`` for none, or the ETag itself.
ETag = bool | str
LastModified = datetime | int | float | None
#: Seconds, or a function of the file name giving them; ``None`` asks the app.
MaxAge = int | Callable[[str | None], int | None] | None


def _bind(options: dict[str, Any]) -> dict[str, Any]:
    # Both raise the usual "outside of context" errors.
    app = get_app()
    environ = request.environ
    if options.get("max_age") is None:
        options["max_age"] = app.get_send_file_max_age
    options["environ"] = environ
    options["use_x_sendfile"] = app.config["USE_X_SENDFILE"]
    options["response_class"] = app.response_class
    options["_root_path"] = app.root_path
    return options


def send_file(
    path_or_file: FileSource,
    mimetype: MaybeText = None,
    as_attachment: bool = False,
    download_name: MaybeText = None,
    conditional: bool = True,
    etag: ETag = True,
    last_modified: LastModified = None,
    max_age: MaxAge = None,
) -> Response:
    """Send a file (a path relative to the app's ``root_path``, or a binary file).

    werkzeug's :func:`~werkzeug.utils.send_file` with the current request's
    environ and the application's ``USE_X_SENDFILE``, response class and
    ``get_send_file_max_age`` (when ``max_age`` is ``None``).
    """
    options = _bind(
        {
            "mimetype": mimetype,
            "as_attachment": as_attachment,
            "download_name": download_name,
            "conditional": conditional,
            "etag": etag,
            "last_modified": last_modified,
            "max_age": max_age,
        }
    )
    return werkzeug.utils.send_file(path_or_file, **options)


def send_from_directory(
    directory: PathText,
    path: PathText,
    **kwargs: Any,
) -> Response:
    """Send ``path`` from inside ``directory``; paths escaping it give 404.

    Takes the keyword arguments of :func:`send_file`. A missing file raises
    werkzeug's :exc:`~werkzeug.exceptions.NotFound`.
    """
    return werkzeug.utils.send_from_directory(directory, path, **_bind(kwargs))
