"""The options every :class:`FlaskGroup` has: ``--env-file``, ``--app``, ``--debug``.

They do their work in eager callbacks rather than in a group callback, so a
custom group callback keeps the behaviour.
"""

from __future__ import annotations

import os

import click
from click.core import ParameterSource

from .env_files import load_dotenv
from .script_info import ScriptInfo


def _remember_app(
    ctx: click.Context, param: click.Parameter, value: str | None
) -> str | None:
    if value is not None:
        ctx.ensure_object(ScriptInfo).app_import_path = value
    return value


#: ``-A/--app``; eager so the app's commands show up in ``--help``.
app_option = click.Option(
    ["-A", "--app"],
    metavar="IMPORT",
    envvar=["FLASKISH_APP", "FLASK_APP"],
    help=(
        "The application or factory to load, as 'module:name'. The module may"
        " be a dotted import or a file path. The name can be left out when it"
        " is 'app', 'application', 'create_app' or 'make_app', and can be"
        " 'name(args)' to call a factory with arguments. Any other WSGI"
        " callable named this way can be served by 'run'."
    ),
    is_eager=True,
    expose_value=False,
    callback=_remember_app,
)


def _export_debug(
    ctx: click.Context, param: click.Parameter, value: bool
) -> bool | None:
    # An unset flag defaults to False: leave FLASK_DEBUG alone then.
    source = ctx.get_parameter_source(param.name or "debug")
    if source in (ParameterSource.DEFAULT, ParameterSource.DEFAULT_MAP):
        return None
    # Through the environment, so an app factory can read it while loading.
    os.environ["FLASK_DEBUG"] = "1" if value else "0"
    return value


#: ``--debug/--no-debug``; also added to the ``run`` command.
debug_option = click.Option(
    ["--debug/--no-debug"],
    callback=_export_debug,
    expose_value=False,
    help="Set debug mode.",
)


def _load_env_file(
    ctx: click.Context, param: click.Parameter, value: str | None
) -> str | None:
    try:
        import dotenv  # noqa: F401
    except ImportError:
        # Without a file given, load_dotenv below still prints its hint.
        if value is not None:
            message = "python-dotenv must be installed to load an env file."
            raise click.BadParameter(message, ctx, param) from None

    defaults = ctx.ensure_object(ScriptInfo).load_dotenv_defaults
    if value is not None or defaults:
        load_dotenv(value, load_defaults=defaults)
    return value


#: ``-e/--env-file``; the first eager option, so ``--app`` can come from it.
env_file_option = click.Option(
    ["-e", "--env-file"],
    type=click.Path(dir_okay=False, exists=True),
    help=(
        "Read environment variables from this file; it overrides '.env' and"
        " '.flaskenv', and variables already set in the environment override"
        " all of them. Needs python-dotenv."
    ),
    is_eager=True,
    expose_value=False,
    callback=_load_env_file,
)
