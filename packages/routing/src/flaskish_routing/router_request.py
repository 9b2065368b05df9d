"""The request object of the standalone router."""

from __future__ import annotations

from typing import Any

from werkzeug.exceptions import HTTPException
from werkzeug.routing import MapAdapter
from werkzeug.routing import Rule
from werkzeug.wrappers import Request

from .paths import _split_blueprint_path


class RouterRequest(Request):
    """werkzeug's request plus what URL matching found for it."""

    #: The URL adapter bound to this request's environ.
    url_adapter: MapAdapter | None = None
    #: The matched rule, or ``None`` when matching failed.
    url_rule: Rule | None = None
    #: The values matched from the URL, or ``None`` when matching failed.
    view_args: dict[str, Any] | None = None
    #: The 404/405/redirect raised by matching, raised again at dispatch.
    routing_exception: HTTPException | None = None

    @property
    def endpoint(self) -> str | None:
        """The matched endpoint, or ``None``."""
        rule = self.url_rule
        return None if rule is None else rule.endpoint

    @property
    def blueprint(self) -> str | None:
        """The dotted name of the blueprint of the matched endpoint, or ``None``."""
        endpoint = self.endpoint
        if endpoint is None or "." not in endpoint:
            return None
        return endpoint.rpartition(".")[0]

    @property
    def blueprints(self) -> list[str]:
        """The blueprint of the endpoint and its parents, innermost first."""
        name = self.blueprint
        return [] if name is None else _split_blueprint_path(name)
