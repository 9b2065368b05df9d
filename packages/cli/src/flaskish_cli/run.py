"""The ``run`` command: werkzeug's development server."""

from __future__ import annotations

import os
import traceback
from typing import Any

import click
from werkzeug.serving import is_running_from_reloader
from werkzeug.serving import run_simple

from .banner import show_server_banner
from .flags import get_debug_flag
from .group_options import debug_option
from .param_types import CertParamType
from .param_types import SeparatedPathType
from .param_types import validate_key
from .script_info import pass_script_info
from .script_info import ScriptInfo


def _failing_app(error: Exception) -> Any:
    """A WSGI app re-raising ``error``, for the reloader's child process."""

    def app(environ: Any, start_response: Any) -> Any:
        raise error from None

    return app


def _load_served_app(info: ScriptInfo) -> Any:
    try:
        return info.load_wsgi_app()
    except Exception as exc:
        if not is_running_from_reloader():
            raise exc from None
        # Under the reloader, keep serving so a fix is picked up; the error
        # is printed now and raised again on each request.
        traceback.print_exc()
        return _failing_app(exc)


@click.command("run", short_help="Run a development server.")
@click.option("--host", "-h", default="127.0.0.1", help="The interface to bind to.")
@click.option("--port", "-p", default=5000, help="The port to bind to.")
@click.option(
    "--cert",
    type=CertParamType(),
    is_eager=True,
    help="Specify a certificate file to use HTTPS.",
)
@click.option(
    "--key",
    type=click.Path(exists=True, dir_okay=False, resolve_path=True),
    callback=validate_key,
    expose_value=False,
    help="The key file to use when specifying a certificate.",
)
@click.option(
    "--reload/--no-reload",
    default=None,
    help="Enable or disable the reloader. On by default in debug mode.",
)
@click.option(
    "--debugger/--no-debugger",
    default=None,
    help="Enable or disable the debugger. On by default in debug mode.",
)
@click.option(
    "--with-threads/--without-threads",
    default=True,
    help="Enable or disable multithreading.",
)
@click.option(
    "--extra-files",
    default=None,
    type=SeparatedPathType(),
    help=(
        f"More files whose change triggers a reload, separated by {os.path.pathsep!r}."
    ),
)
@click.option(
    "--exclude-patterns",
    default=None,
    type=SeparatedPathType(),
    help=(
        "fnmatch patterns of files whose change does not trigger a reload,"
        f" separated by {os.path.pathsep!r}."
    ),
)
@pass_script_info
def run_command(
    info: ScriptInfo,
    host: str,
    port: int,
    reload: bool | None,
    debugger: bool | None,
    with_threads: bool,
    cert: Any,
    extra_files: list[str] | None,
    exclude_patterns: list[str] | None,
) -> None:
    """Run a local development server.

    For development only: it is neither as stable, as secure nor as fast as
    a production WSGI server. '--debug' turns on the reloader and the
    debugger. '--app module:name' may name any WSGI callable.
    """
    app = _load_served_app(info)
    debug = get_debug_flag()
    show_server_banner(debug, info.app_import_path)
    run_simple(
        host,
        port,
        app,
        use_reloader=debug if reload is None else reload,
        use_debugger=debug if debugger is None else debugger,
        threaded=with_threads,
        ssl_context=cert,
        extra_files=extra_files,
        exclude_patterns=exclude_patterns,
    )


run_command.params.insert(0, debug_option)
