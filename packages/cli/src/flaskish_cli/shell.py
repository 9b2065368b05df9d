"""The ``shell`` command: an interactive interpreter in the app context."""

from __future__ import annotations

import os
import sys
from typing import Any

import click

from flaskish_context import app_or_none

from .app_group import with_appcontext


def _run_startup_file(namespace: dict[str, Any]) -> None:
    """Honour ``PYTHONSTARTUP`` as the plain interpreter does."""
    startup = os.environ.get("PYTHONSTARTUP")
    if not startup or not os.path.isfile(startup):
        return
    with open(startup) as f:
        source = f.read()
    exec(compile(source, startup, "exec"), namespace)


def _enter_interactive_mode(namespace: dict[str, Any]) -> None:
    """Run ``sys.__interactivehook__`` (readline setup), completing names
    from the shell's namespace rather than ``__main__``'s."""
    hook = getattr(sys, "__interactivehook__", None)
    if hook is None:
        return
    try:
        import readline
        import rlcompleter
    except ImportError:
        hook()
        return
    readline.set_completer(rlcompleter.Completer(namespace).complete)
    hook()


@click.command("shell", short_help="Run a shell in the app context.")
@with_appcontext
def shell_command() -> None:
    """Run an interactive Python shell in the application's context.

    The names of the app's shell context (``app``, ``g`` and whatever its
    shell context processors add) are predefined.
    """
    import code

    app: Any = app_or_none()
    banner = "\n".join(
        (
            f"Python {sys.version} on {sys.platform}",
            f"App: {app.import_name}",
            f"Instance: {app.instance_path}",
        )
    )
    namespace: dict[str, Any] = {}
    _run_startup_file(namespace)
    namespace.update(app.make_shell_context())
    _enter_interactive_mode(namespace)
    code.interact(banner=banner, local=namespace)
