"""What the CLI needs from an application, and how it recognises one.

The CLI never imports the application class: a flaskish (or Flask)
application is recognised by the attributes it has.
"""

from __future__ import annotations

from typing import Any
from typing import Protocol
from typing import runtime_checkable
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from contextlib import AbstractContextManager

    from werkzeug.routing import Map


@runtime_checkable
class CliApp(Protocol):
    """The members of an application that the command line uses."""

    cli: click.Group
    url_map: Map
    debug: bool
    import_name: str
    instance_path: str

    def wsgi_app(self, environ: Any, start_response: Any) -> Any:
        """Run the application for one WSGI request."""

    def app_context(self) -> AbstractContextManager[Any]:
        """Return a new application context for this application."""

    def make_shell_context(self) -> dict[str, Any]:
        """Return the names the ``shell`` command makes available."""


def is_app(obj: object) -> bool:
    """Return whether ``obj`` is an application instance (duck-typed).

    An application has a callable ``wsgi_app``, a callable ``app_context``
    and a :class:`click.Group` as ``cli``. Classes never count, and objects
    whose attribute access fails (an unbound proxy, say) are not apps.
    """
    if isinstance(obj, type):
        return False
    try:
        return (
            isinstance(getattr(obj, "cli", None), click.Group)
            and callable(getattr(obj, "wsgi_app", None))
            and callable(getattr(obj, "app_context", None))
        )
    except Exception:
        return False
