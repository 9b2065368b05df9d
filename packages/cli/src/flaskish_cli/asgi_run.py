"""``flaskish run --asgi``: the app's ``asgi_app`` served by uvicorn.

uvicorn is an optional dependency (the ``asgi`` extra). Its reloader runs
the app in a child process that imports it by name, so the app is passed to
uvicorn as the import string of :func:`load_served_asgi_app`, which finds
the app as ``flaskish --app`` did (the import path travels in the
environment).
"""

from __future__ import annotations

import os
from typing import Any

import click

from .flags import get_debug_flag
from .script_info import ScriptInfo

#: The environment variable carrying ``--app`` to uvicorn's child process.
APP_VARIABLE = "FLASKISH_ASGI_APP"
_FACTORY = "flaskish_cli.asgi_run:load_served_asgi_app"
_NO_UVICORN = (
    "Serving over ASGI needs uvicorn, which is not installed. Install it with"
    " 'pip install uvicorn' (or 'pip install flaskish-cli[asgi]')."
)


def _asgi_of(app: Any) -> Any:
    asgi = getattr(app, "asgi_app", None)
    if asgi is None:
        raise click.UsageError(
            f"{app!r} has no 'asgi_app': '--asgi' serves flaskish applications."
        )
    return asgi


def load_served_asgi_app() -> Any:
    """The ``asgi_app`` of the app ``flaskish run --asgi`` was asked to serve
    (uvicorn's factory in its reloader's child process)."""
    info = ScriptInfo(app_import_path=os.environ.get(APP_VARIABLE) or None)
    return _asgi_of(info.load_app())


def _ssl_files(cert: Any) -> dict[str, str]:
    if cert is None:
        return {}
    if isinstance(cert, tuple) and all(isinstance(part, str) for part in cert):
        return {"ssl_certfile": cert[0], "ssl_keyfile": cert[1]}
    raise click.BadParameter(
        "With '--asgi', give a certificate and a key as files ('--cert FILE"
        " --key FILE'); 'adhoc' and SSLContext objects are for the WSGI server.",
        param_hint="'--cert'",
    )


def serve_asgi(info: ScriptInfo, **options: Any) -> None:
    """Serve ``info``'s app with uvicorn, reloading on changes in debug mode."""
    try:
        import uvicorn
    except ImportError:
        raise click.UsageError(_NO_UVICORN) from None
    reload = options["reload"]
    if reload is None:
        reload = get_debug_flag()
    settings: dict[str, Any] = {
        "host": options["host"],
        "port": int(options["port"]),
        "log_level": "debug" if get_debug_flag() else "info",
        **_ssl_files(options["cert"]),
    }
    if reload and info.create_app is None:
        os.environ[APP_VARIABLE] = info.app_import_path or ""
        extra = [str(path) for path in options.get("extra_files") or ()]
        uvicorn.run(
            _FACTORY,
            factory=True,
            reload=True,
            reload_includes=extra or None,
            reload_excludes=list(options.get("exclude_patterns") or ()) or None,
            **settings,
        )
        return
    # Loaded here, so that a missing app is reported before uvicorn starts.
    uvicorn.run(_asgi_of(info.load_app()), **settings)


__all__ = ["APP_VARIABLE", "load_served_asgi_app", "serve_asgi"]
