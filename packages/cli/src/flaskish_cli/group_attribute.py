"""The ``cli`` attribute of applications and blueprints, created on first use."""

from __future__ import annotations

from typing import Any
from typing import overload
from typing import Protocol
from typing import Self
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import click


class _Named(Protocol):
    name: str


class AppGroupAttribute:
    """A class attribute giving each instance its own command group.

    Reading it the first time creates an :class:`~flaskish_cli.AppGroup`
    named after the instance's ``name``, so an application that never
    registers a command never imports click. Assigning replaces the group;
    :meth:`created` returns it only when it already exists.
    """

    def __init__(self) -> None:
        self._attribute = "cli"

    def __set_name__(self, owner: type[Any], name: str) -> None:
        self._attribute = name

    @overload
    def __get__(self, instance: None, owner: type[Any]) -> Self: ...
    @overload
    def __get__(
        self, instance: _Named, owner: type[Any] | None = None
    ) -> click.Group: ...
    def __get__(
        self, instance: _Named | None, owner: type[Any] | None = None
    ) -> Self | click.Group:
        if instance is None:
            return self
        namespace = vars(instance)
        group: click.Group | None = namespace.get(self._attribute)
        if group is None:
            from .app_group import AppGroup

            group = namespace[self._attribute] = AppGroup(instance.name)
        return group

    def __set__(self, instance: _Named, value: click.Group) -> None:
        vars(instance)[self._attribute] = value

    def created(self, instance: _Named) -> click.Group | None:
        """The instance's group, or ``None`` when it was never created."""
        group: click.Group | None = vars(instance).get(self._attribute)
        return group


__all__ = ["AppGroupAttribute"]
