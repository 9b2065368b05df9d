"""The lines the development server prints when it starts."""

from __future__ import annotations

import click
from werkzeug.serving import is_running_from_reloader


def show_server_banner(
    debug: bool | None, app_import_path: str | None, *, plain_wsgi: bool = False
) -> None:
    """Print which app is served and the debug mode, once per server start.

    The reloader's child process prints nothing. With ``plain_wsgi`` (a
    flaskish addition) the served callable is called a WSGI app rather than
    a Flask app.
    """
    if is_running_from_reloader():
        return
    kind = "WSGI" if plain_wsgi else "Flask"
    lines = (
        None
        if app_import_path is None
        else f" * Serving {kind} app '{app_import_path}'",
        None if debug is None else f" * Debug mode: {'on' if debug else 'off'}",
    )
    for line in filter(None, lines):
        click.echo(line)
