"""The lines the development server prints when it starts."""

from __future__ import annotations

import click
from werkzeug.serving import is_running_from_reloader


def show_server_banner(debug: bool | None, app_import_path: str | None) -> None:
    """Print which app is served and the debug mode, once per server start.

    The reloader's child process prints nothing.
    """
    if is_running_from_reloader():
        return
    if app_import_path is not None:
        click.echo(f" * Serving Flask app '{app_import_path}'")
    if debug is not None:
        click.echo(f" * Debug mode: {'on' if debug else 'off'}")
