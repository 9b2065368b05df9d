"""The options every :class:`FlaskGroup` has: ``--env-file``, ``--app``, ``--debug``.

They do their work in eager callbacks rather than in a group callback, so a
custom group callback keeps the behaviour.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

import click
from click.core import ParameterSource

from .env_files import _import_dotenv
from .env_files import load_dotenv
from .script_info import ScriptInfo

Callback = Callable[[click.Context, click.Parameter, Any], Any]


def _callback_option(
    decls: list[str], callback: Callback, help: str, **extra: Any
) -> click.Option:
    """An option that only acts through ``callback`` (no value is passed on)."""
    return click.Option(
        decls, callback=callback, expose_value=False, help=help, **extra
    )


def _remember_app(
    ctx: click.Context, param: click.Parameter, value: str | None
) -> str | None:
    if value is not None:
        ctx.ensure_object(ScriptInfo).app_import_path = value
    return value


#: ``-A/--app``; eager so the app's commands show up in ``--help``.
app_option = _callback_option(
    ["-A", "--app"],
    _remember_app,
    "The application or factory to load, as 'module:name'. The module may"
    " be a dotted import or a file path. The name can be left out when it"
    " is 'app', 'application', 'create_app' or 'make_app', and can be"
    " 'name(args)' to call a factory with arguments. Any other WSGI"
    " callable named this way can be served by 'run'.",
    metavar="IMPORT",
    envvar=["FLASKISH_APP", "FLASK_APP"],
    is_eager=True,
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
debug_option = _callback_option(
    ["--debug/--no-debug"], _export_debug, "Set debug mode."
)


def _load_env_file(
    ctx: click.Context, param: click.Parameter, value: str | None
) -> str | None:
    # Without a file given, a missing python-dotenv is only the hint that
    # load_dotenv prints below.
    if value is not None and _import_dotenv() is None:
        message = "python-dotenv must be installed to load an env file."
        raise click.BadParameter(message, ctx, param)
    defaults = ctx.ensure_object(ScriptInfo).load_dotenv_defaults
    if value is not None or defaults:
        load_dotenv(value, load_defaults=defaults)
    return value


#: ``-e/--env-file``; the first eager option, so ``--app`` can come from it.
env_file_option = _callback_option(
    ["-e", "--env-file"],
    _load_env_file,
    "Read environment variables from this file; it overrides '.env' and"
    " '.flaskenv', and variables already set in the environment override"
    " all of them. Needs python-dotenv.",
    type=click.Path(dir_okay=False, exists=True),
    is_eager=True,
)
