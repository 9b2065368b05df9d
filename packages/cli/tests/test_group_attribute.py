from __future__ import annotations

import click

from flaskish_cli import AppGroup
from flaskish_cli import AppGroupAttribute


class Owner:
    commands = AppGroupAttribute()

    def __init__(self, name: str) -> None:
        self.name = name


def test_group_is_created_on_first_read_and_named_after_the_owner() -> None:
    owner = Owner("shop")
    assert Owner.commands.created(owner) is None
    group = owner.commands
    assert isinstance(group, AppGroup)
    assert group.name == "shop"
    assert owner.commands is group
    assert Owner.commands.created(owner) is group


def test_each_instance_gets_its_own_group() -> None:
    first, second = Owner("a"), Owner("b")
    first.commands.add_command(click.Command("hello"))
    assert list(first.commands.commands) == ["hello"]
    assert second.commands.commands == {}


def test_assignment_replaces_the_group() -> None:
    owner = Owner("shop")
    replacement = click.Group("other")
    owner.commands = replacement
    assert owner.commands is replacement
    assert Owner.commands.created(owner) is replacement


def test_the_attribute_name_comes_from_the_class_body() -> None:
    owner = Owner("shop")
    group = owner.commands
    assert vars(owner)["commands"] is group


def test_class_access_gives_the_descriptor() -> None:
    assert isinstance(Owner.commands, AppGroupAttribute)
