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
from .protocol import is_app
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


def _serve(info: ScriptInfo, **options: Any) -> None:
    """Run a local development server.

    For development only: it is neither as stable, as secure nor as fast as
    a production WSGI server. '--debug' turns on the reloader and the
    debugger. Any WSGI callable that '--app' names can be served. With
    '--asgi', the app's 'asgi_app' is served by uvicorn instead.
    """
    if options.pop("asgi", False):
        from .asgi_run import serve_asgi

        serve_asgi(info, **options)
        return
    app = _load_served_app(info)
    debug = get_debug_flag()
    reload, debugger = options["reload"], options["debugger"]
    show_server_banner(debug, info.app_import_path, plain_wsgi=not is_app(app))
    run_simple(
        options["host"],
        options["port"],
        app,
        use_reloader=debug if reload is None else reload,
        use_debugger=debug if debugger is None else debugger,
        threaded=options["with_threads"],
        ssl_context=options["cert"],
        extra_files=options["extra_files"],
        exclude_patterns=options["exclude_patterns"],
    )


def _path_list_option(name: str, help: str) -> click.Option:
    return click.Option([name], type=SeparatedPathType(), default=None, help=help)


_SEPARATOR = repr(os.path.pathsep)

#: ``flaskish run``: werkzeug's ``run_simple`` with Flask's options.
run_command = click.Command(
    "run",
    callback=pass_script_info(_serve),
    help=_serve.__doc__,
    short_help="Run a development server.",
    params=[
        debug_option,
        click.Option(
            ["--host", "-h"], help="The interface to bind to.", default="127.0.0.1"
        ),
        click.Option(["--port", "-p"], help="The port to bind to.", default=5000),
        click.Option(
            ["--cert"],
            is_eager=True,
            type=CertParamType(),
            help="Specify a certificate file to use HTTPS.",
        ),
        click.Option(
            ["--key"],
            expose_value=False,
            callback=validate_key,
            type=click.Path(dir_okay=False, exists=True, resolve_path=True),
            help="The key file to use when specifying a certificate.",
        ),
        click.Option(
            ["--reload/--no-reload"],
            help="Enable or disable the reloader. On by default in debug mode.",
            default=None,
        ),
        click.Option(
            ["--debugger/--no-debugger"],
            help="Enable or disable the debugger. On by default in debug mode.",
            default=None,
        ),
        click.Option(
            ["--asgi"],
            is_flag=True,
            default=False,
            help="Serve the app's asgi_app with uvicorn (needs uvicorn).",
        ),
        click.Option(
            ["--with-threads/--without-threads"],
            help="Enable or disable multithreading.",
            default=True,
        ),
        _path_list_option(
            "--extra-files",
            f"More files whose change triggers a reload, separated by {_SEPARATOR}.",
        ),
        _path_list_option(
            "--exclude-patterns",
            "fnmatch patterns of files whose change does not trigger a reload,"
            f" separated by {_SEPARATOR}.",
        ),
    ],
)
