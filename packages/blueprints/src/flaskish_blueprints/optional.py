"""The parts of a blueprint that come from optional components.

A blueprint's template folder needs flaskish-templating and its command
group flaskish-cli (``pip install 'flaskish-blueprints[templating,cli]'``,
which flaskish-core requires). Without them a blueprint registers on a bare
router; using a missing part raises an error saying what to install.
"""

from __future__ import annotations

import os
from typing import Any
from typing import TYPE_CHECKING

_INSTALL = "pip install 'flaskish-blueprints[{extra}]'"


def missing(feature: str, extra: str) -> str:
    """The message of an error for ``feature`` of the ``extra`` component."""
    return (
        f"{feature} needs flaskish-{extra}, which is not installed:"
        f" {_INSTALL.format(extra=extra)}."
    )


class _NoTemplates:
    """``jinja_loader`` without flaskish-templating: ``None`` when there is
    no template folder, an error when one was given."""

    template_folder: str | os.PathLike[str] | None
    name: str

    @property
    def jinja_loader(self) -> None:
        if self.template_folder is None:
            return None
        raise RuntimeError(
            missing(f"The template folder of {self.name!r}", "templating")
        )


class _NoCli:
    """``cli`` without flaskish-cli: the blueprint has no commands to attach."""

    def __get__(self, instance: Any, owner: type[Any] | None = None) -> Any:
        if instance is None:
            return self
        group = vars(instance).get("cli")
        if group is None:
            raise AttributeError(missing("Blueprint.cli", "cli"))
        return group

    def __set__(self, instance: Any, value: Any) -> None:
        vars(instance)["cli"] = value

    def created(self, instance: Any) -> Any:
        """The group assigned to ``instance``, if any."""
        return vars(instance).get("cli")


if TYPE_CHECKING:
    from flaskish_cli import AppGroupAttribute as AppGroupAttribute
    from flaskish_templating import JinjaLoaderMixin as JinjaLoaderMixin
else:
    try:
        from flaskish_cli import AppGroupAttribute
    except ImportError:
        AppGroupAttribute = _NoCli
    try:
        from flaskish_templating import JinjaLoaderMixin
    except ImportError:
        JinjaLoaderMixin = _NoTemplates

__all__ = ["AppGroupAttribute", "JinjaLoaderMixin", "missing"]
