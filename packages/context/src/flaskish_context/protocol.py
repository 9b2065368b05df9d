"""What the contexts need from an application object.

The contexts never import the application class. Anything with these members
can be pushed: flaskish's ``Flask`` implements them, and so can a small object
written for a plain WSGI application.
"""

from __future__ import annotations

from collections.abc import Callable
from collections.abc import Mapping
from typing import Any
from typing import Protocol
from typing import TYPE_CHECKING

from werkzeug.routing import MapAdapter
from werkzeug.wrappers import Request

if TYPE_CHECKING:
    from werkzeug.sansio.response import Response

    from .ctx import AppContext


class ContextApp(Protocol):
    """The application as seen by :class:`AppContext` and :class:`RequestContext`.

    Members marked *seam* have no Flask counterpart; they are the points where
    the application customises a context.
    """

    # Read-only here, so that subclasses and subtypes satisfy them.

    @property
    def app_ctx_globals_class(self) -> type:
        """Class instantiated for ``g`` in every application context."""
        ...

    @property
    def config(self) -> Mapping[str, Any]:
        """Configuration; the file helpers read ``USE_X_SENDFILE`` and
        ``SEND_FILE_MAX_AGE_DEFAULT``."""
        ...

    @property
    def root_path(self) -> str:
        """Folder that relative file paths are resolved against."""
        ...

    @property
    def response_class(self) -> type[Response]:
        """Response class built by the file helpers."""
        ...

    def app_context(self) -> AppContext:
        """Create an application context for this application."""
        ...

    def make_request(self, environ: dict[str, Any]) -> Request:
        """Seam: build the request object of a request context."""
        ...

    def create_url_adapter(self, request: Request | None) -> MapAdapter | None:
        """Bind the URL map to a request, or to the configuration when ``None``."""
        ...

    def open_request_session(self, request: Request) -> Any:
        """Seam: open the session on the first access of ``ctx.session``."""
        ...

    def do_teardown_request(self, exc: BaseException | None) -> None:
        """Run the request teardown functions."""
        ...

    def do_teardown_appcontext(self, exc: BaseException | None) -> None:
        """Run the application context teardown functions."""
        ...

    def notify_app_context_pushed(self) -> None:
        """Seam: called right after an application context was pushed."""
        ...

    def notify_app_context_popped(self) -> None:
        """Seam: called last when an application context is popped."""
        ...

    def ensure_sync(self, func: Callable[..., Any]) -> Callable[..., Any]:
        """Return a synchronous callable for ``func`` (which may be async)."""
        ...

    def get_send_file_max_age(self, filename: str | None) -> int | None:
        """Default ``max_age`` of a file sent with the file helpers."""
        ...
