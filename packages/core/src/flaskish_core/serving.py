"""``app.run()``: the development server from Python code."""

from __future__ import annotations

import os
import typing as t

from werkzeug.serving import is_running_from_reloader

import flaskish_cli
from flaskish_cli import get_debug_flag
from flaskish_cli import get_load_dotenv

_BLOCKED_BY_CLI = (
    " * Ignoring a call to 'app.run()' that would block the current 'flask'"
    " CLI command.\n   Only call 'app.run()' in an 'if __name__ =="
    ' "__main__"\' guard.'
)

_T = t.TypeVar("_T")
_Maybe: t.TypeAlias = "_T | None"

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 5000


def server_address(
    server_name: str | None, host: str | None, port: int | str | None
) -> tuple[str, int]:
    """The host and port to serve on: the arguments, else those of
    ``SERVER_NAME``, else ``127.0.0.1:5000``."""
    name_host, _, name_port = (server_name or "").partition(":")
    if not host:
        host = name_host or DEFAULT_HOST
    if port or port == 0:
        return host, int(port)
    return host, int(name_port) if name_port else DEFAULT_PORT


class ServingMixin:
    """The application's :meth:`run`."""

    if t.TYPE_CHECKING:
        config: dict[str, t.Any]

        name: str

        @property
        def debug(self) -> bool: ...
        @debug.setter
        def debug(self, value: bool) -> None: ...

        _got_first_request: bool

    def run(
        self,
        host: _Maybe[str] = None,
        port: _Maybe[int] = None,
        debug: _Maybe[bool] = None,
        load_dotenv: bool = True,
        **options: t.Any,
    ) -> None:
        """Serve the app with werkzeug's development server (never in
        production).

        ``.env``/``.flaskenv`` are loaded first (unless ``load_dotenv`` is
        false or ``FLASK_SKIP_DOTENV`` is set); ``debug`` overrides the app's
        debug mode, which enables the reloader and debugger by default.
        ``options`` go to :func:`werkzeug.serving.run_simple`. A call made
        while the ``flaskish run`` command is serving is ignored.
        """
        if os.environ.get("FLASK_RUN_FROM_CLI") == "true":
            if not is_running_from_reloader():
                # Loaded here, as is the rest of the CLI: most apps never call run().
                import click

                click.secho(_BLOCKED_BY_CLI, fg="red")
            return

        env_files_loaded = get_load_dotenv(load_dotenv)
        if env_files_loaded:
            flaskish_cli.load_dotenv()
        # The argument wins; FLASK_DEBUG is re-read only with the env files.
        if debug is not None:
            self.debug = bool(debug)
        elif env_files_loaded and "FLASK_DEBUG" in os.environ:
            self.debug = get_debug_flag()

        bind_host, bind_port = server_address(
            self.config.get("SERVER_NAME"), host, port
        )
        # Debug mode turns on the reloader and debugger unless told otherwise.
        server_options: dict[str, t.Any] = {
            "use_reloader": self.debug,
            "use_debugger": self.debug,
            "threaded": True,
            **options,
        }
        flaskish_cli.show_server_banner(self.debug, self.name)
        # Looked up at call time, so that tests can replace werkzeug's function.
        from werkzeug.serving import run_simple

        try:
            run_simple(bind_host, bind_port, self, **server_options)  # type: ignore[arg-type]
        finally:
            # A server stopped from an interactive session may be restarted.
            self._got_first_request = False


__all__ = ["ServingMixin", "server_address"]
