"""What URL matching records on a request, shared by every request class."""

from __future__ import annotations

from typing import Any

from werkzeug.exceptions import HTTPException
from werkzeug.routing import Rule

from .paths import _split_blueprint_path
from .paths import endpoint_blueprint


class RoutedRequestMixin:
    """The matched rule, its arguments and the blueprint names derived from
    its endpoint; mixed into the router's and the application's request
    classes (before werkzeug's ``Request``)."""

    #: The matched rule, or ``None`` when matching failed or has not run.
    url_rule: Rule | None = None
    #: The values matched from the URL, or ``None`` without a match.
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
        return endpoint_blueprint(self.endpoint)

    @property
    def blueprints(self) -> list[str]:
        """The blueprint of the endpoint and its parents, innermost first."""
        rule = self.url_rule
        # The pipeline asks several times per request: remembered per rule.
        known = self.__dict__.get("_blueprints_of")
        if known is not None and known[0] is rule:
            return known[1]  # type: ignore[no-any-return]
        name = self.blueprint
        chain = [] if name is None else _split_blueprint_path(name)
        self.__dict__["_blueprints_of"] = (rule, chain)
        return chain


__all__ = ["RoutedRequestMixin"]
