"""FlaskGroup: the command group that knows how to load the application."""

from __future__ import annotations

import importlib.metadata
import os
import traceback
from typing import Any
from typing import cast
from typing import TYPE_CHECKING

import click

from flaskish_context import app_or_none

from .app_group import AppGroup
from .errors import NoAppException
from .group_options import app_option
from .group_options import debug_option
from .group_options import env_file_option
from .protocol import is_app
from .routes import routes_command
from .run import run_command
from .script_info import ScriptInfo
from .shell import shell_command
from .version import version_option

ParentContext = click.Context | None

if TYPE_CHECKING:
    from collections.abc import Callable
    from collections.abc import Iterable

    from .protocol import CliApp

#: Entry-point groups whose entries are added as commands.
PLUGIN_GROUPS = ("flask.commands", "flaskish.commands")


def _report(error: NoAppException) -> None:
    click.secho(f"Error: {error.format_message()}\n", err=True, fg="red")


class FlaskGroup(AppGroup):
    """The group behind the ``flaskish`` command, usable for custom scripts.

    It adds the ``--env-file``, ``--app`` and ``--debug`` options (and
    ``--version``), the ``run``, ``shell`` and ``routes`` commands, the
    commands of installed plugins, and the commands of the loaded app's
    ``app.cli``, which run inside its app context.

    :param add_default_commands: add ``run``, ``shell`` and ``routes``.
    :param create_app: callable returning the app, instead of ``--app``.
    :param add_version_option: add ``--version``.
    :param load_dotenv: load the default ``.env`` and ``.flaskenv`` files.
    :param set_debug_flag: set the app's ``debug`` from ``FLASK_DEBUG``.
    """

    def __init__(
        self,
        add_default_commands: bool = True,
        create_app: Callable[..., Any] | None = None,
        add_version_option: bool = True,
        load_dotenv: bool = True,
        set_debug_flag: bool = True,
        **extra: Any,
    ) -> None:
        params: list[click.Parameter] = [*(extra.pop("params", None) or ())]
        # --env-file first: eager options run in order, and --app may be
        # set by the file.
        params += [env_file_option, app_option, debug_option]
        if add_version_option:
            params.append(version_option)
        settings = extra.setdefault("context_settings", {})
        settings.setdefault("auto_envvar_prefix", "FLASK")
        super().__init__(params=params, **extra)
        self.create_app = create_app
        self.load_dotenv, self.set_debug_flag = load_dotenv, set_debug_flag
        self._plugins_loaded = False
        if add_default_commands:
            self._add_all(
                (command, None)
                for command in (run_command, shell_command, routes_command)
            )

    def _add_all(self, commands: Iterable[tuple[click.Command, str | None]]) -> None:
        for command, name in commands:
            self.add_command(command, name)

    def _load_plugin_commands(self) -> None:
        if self._plugins_loaded:
            return
        self._add_all(
            (entry.load(), entry.name)
            for group in PLUGIN_GROUPS
            for entry in importlib.metadata.entry_points(group=group)
        )
        self._plugins_loaded = True

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        """Find a built-in or plugin command, else one of the app's commands.

        Loading the app pushes its context for the command's callbacks. A
        failure to load it is printed and the command is not found.
        """
        self._load_plugin_commands()
        command = super().get_command(ctx, name)
        if command is not None:
            return command

        try:
            app = self._load_app_if_any(ctx)
        except NoAppException as exc:
            _report(exc)
            return None
        if app is None:
            return None
        if app_or_none() is not app:
            ctx.with_resource(app.app_context())
        return app.cli.get_command(ctx, name)

    def list_commands(self, ctx: click.Context) -> list[str]:
        """Built-in, plugin and app command names, sorted.

        A failure to load the app is printed (with the traceback unless it
        is a :class:`NoAppException`) and the app's commands left out.
        """
        self._load_plugin_commands()
        names = set(super().list_commands(ctx))
        try:
            app = self._load_app_if_any(ctx)
        except NoAppException as exc:
            _report(exc)
        except Exception:
            click.secho(f"{traceback.format_exc()}\n", err=True, fg="red")
        else:
            if app is not None:
                names.update(app.cli.list_commands(ctx))
        return sorted(names)

    @staticmethod
    def _load_app_if_any(ctx: click.Context) -> CliApp | None:
        """The app, or ``None`` when ``--app`` names a plain WSGI callable."""
        target = ctx.ensure_object(ScriptInfo).load_wsgi_app()
        return cast("CliApp", target) if is_app(target) else None

    def make_context(
        self,
        info_name: str | None,
        args: list[str],
        parent: ParentContext = None,
        **extra: Any,
    ) -> click.Context:
        """Create the context with a :class:`ScriptInfo` as its ``obj``."""
        obj_given = "obj" in extra or "obj" in self.context_settings
        if not obj_given:
            settings = (self.create_app, self.set_debug_flag, self.load_dotenv)
            extra["obj"] = ScriptInfo(None, *settings)
        # app.run() reads this: under the CLI it must not start a second server.
        os.environ["FLASK_RUN_FROM_CLI"] = "true"
        return super().make_context(info_name, args, parent, **extra)

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        """Process ``--env-file`` and ``--app`` from the environment before
        help is shown for an empty command line or a lone help flag, so the
        app's commands are listed."""
        showing_help = (not args and self.no_args_is_help) or (
            len(args) == 1 and args[0] in self.get_help_option_names(ctx)
        )
        if showing_help:
            for option in (env_file_option, app_option):
                option.handle_parse_result(ctx, {}, [])
        try:
            return super().parse_args(ctx, args)
        except BaseException:
            # Help and usage errors end the run here, and click never closes
            # this context then: pop an app context that listing pushed.
            ctx.close()
            raise
