"""Where a blueprint's commands go on the application's command group."""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import click

    from .protocol import BlueprintApp


class _Unset(enum.Enum):
    TOKEN = enum.auto()


#: ``cli_group`` default: a group named after the blueprint's registered name.
DEFAULT_CLI_GROUP = _Unset.TOKEN

#: What ``cli_group`` accepts: a group name, ``None`` (merge into the app's
#: group) or :data:`DEFAULT_CLI_GROUP`.
CliGroupOption = str | None | _Unset


def attach_commands(
    commands: click.Group, app: BlueprintApp, group: CliGroupOption, name: str
) -> None:
    """Put the blueprint's ``commands`` onto ``app.cli``.

    Nothing happens when the blueprint has no commands. ``group=None`` merges
    them into ``app.cli`` itself; otherwise they form a subgroup named
    ``group``, or ``name`` for :data:`DEFAULT_CLI_GROUP`. (flaskish helper.)
    """
    if not commands.commands:
        return
    # ``app.cli`` is only looked up here: an app without a CLI (the
    # standalone router) takes blueprints that have no commands.
    if group is None:
        app.cli.commands.update(commands.commands)
        return
    commands.name = name if group is DEFAULT_CLI_GROUP else group
    app.cli.add_command(commands)
