"""Where a blueprint's commands go on the application's command group."""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import click


class _Unset(enum.Enum):
    TOKEN = enum.auto()


#: ``cli_group`` default: a group named after the blueprint's registered name.
DEFAULT_CLI_GROUP = _Unset.TOKEN

#: What ``cli_group`` accepts: a group name, ``None`` (merge into the app's
#: group) or :data:`DEFAULT_CLI_GROUP`.
CliGroupOption = str | None | _Unset


def attach_commands(
    commands: click.Group, app_cli: click.Group, group: CliGroupOption, name: str
) -> None:
    """Put the blueprint's ``commands`` onto ``app_cli``.

    Nothing happens when the blueprint has no commands. ``group=None`` merges
    them into ``app_cli`` itself; otherwise they form a subgroup named
    ``group``, or ``name`` for :data:`DEFAULT_CLI_GROUP`. (flaskish helper.)
    """
    if not commands.commands:
        return
    if group is None:
        app_cli.commands.update(commands.commands)
        return
    commands.name = name if group is DEFAULT_CLI_GROUP else group
    app_cli.add_command(commands)
