"""The template loader every scaffold (application or blueprint) carries."""

from __future__ import annotations

import os
from functools import cached_property
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from jinja2 import BaseLoader


class JinjaLoaderMixin:
    """Give an app or blueprint a ``jinja_loader`` for its template folder.

    The class it is mixed into provides ``root_path`` and
    ``template_folder`` (relative to ``root_path``, or ``None`` for no
    templates of its own).
    """

    root_path: str
    template_folder: str | os.PathLike[str] | None

    @cached_property
    def jinja_loader(self) -> BaseLoader | None:
        """A :class:`jinja2.FileSystemLoader` for :attr:`template_folder`.

        ``None`` when there is no template folder. Computed on first access.
        """
        if self.template_folder is None:
            return None
        from jinja2 import FileSystemLoader

        return FileSystemLoader(os.path.join(self.root_path, self.template_folder))


__all__ = ["JinjaLoaderMixin"]
