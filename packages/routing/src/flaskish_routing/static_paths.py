"""The static folder and static URL path of an app or a blueprint."""

from __future__ import annotations

import os


class StaticPaths:
    """``static_folder`` (relative to ``root_path``) and ``static_url_path``."""

    root_path: str
    _static_folder: str | None = None
    _static_url_path: str | None = None

    @property
    def static_folder(self) -> str | None:
        """Absolute path of the static folder, or ``None`` if there is none."""
        folder = self._static_folder
        return None if folder is None else os.path.join(self.root_path, folder)

    @static_folder.setter
    def static_folder(self, value: str | os.PathLike[str] | None) -> None:
        self._static_folder = None if value is None else os.fspath(value).rstrip("\\/")

    @property
    def has_static_folder(self) -> bool:
        """Whether a static folder is configured."""
        return self.static_folder is not None

    @property
    def static_url_path(self) -> str | None:
        """URL prefix of the static route; by default the folder's name."""
        if self._static_url_path is not None:
            return self._static_url_path
        folder = self.static_folder
        if folder is None:
            return None
        return ("/" + os.path.basename(folder)).rstrip("/")

    @static_url_path.setter
    def static_url_path(self, value: str | None) -> None:
        self._static_url_path = None if value is None else value.rstrip("/")
