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

    # The rule ``blueprints`` was worked out for, and the answer: the
    # pipeline asks several times per request. (The class default matches
    # no rule, not even None.)
    _blueprints_of: tuple[object, list[str]] = (object(), [])

    @property
    def blueprints(self) -> list[str]:
        """The blueprint of the endpoint and its parents, innermost first."""
        rule, chain = self._blueprints_of
        if rule is self.url_rule:
            return chain
        name = self.blueprint
        chain = [] if name is None else _split_blueprint_path(name)
        self._blueprints_of = (self.url_rule, chain)
        return chain


__all__ = ["RoutedRequestMixin"]
