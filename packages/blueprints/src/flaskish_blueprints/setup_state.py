"""The state handed to a blueprint's deferred functions at registration."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from typing import TYPE_CHECKING

from flaskish_routing import _endpoint_from_view_func

if TYPE_CHECKING:
    from .blueprint import Blueprint
    from .protocol import BlueprintApp


def slash_join(prefix: str, path: str) -> str:
    """Join two URL parts with exactly one slash between them.

    (flaskish helper.)
    """
    return f"{prefix.rstrip('/')}/{path.lstrip('/')}"


class BlueprintSetupState:
    """One registration of a blueprint on an application.

    Made by :meth:`Blueprint.make_setup_state` and passed to every function
    recorded with :meth:`Blueprint.record`. Registration options win over
    the blueprint's own ``url_prefix``, ``subdomain`` and ``url_defaults``.
    """

    def __init__(
        self,
        blueprint: Blueprint,
        app: BlueprintApp,
        options: Any,
        first_registration: bool,
    ) -> None:
        # app: the application; blueprint: the one being registered;
        # options: the keyword arguments of ``register_blueprint``;
        # first_registration: whether this blueprint object was not yet
        # registered on the app under any name.
        self.app, self.blueprint = app, blueprint
        self.options, self.first_registration = options, first_registration

        subdomain = options.get("subdomain")
        #: The subdomain the blueprint's rules match, or ``None``.
        self.subdomain: str | None = (
            blueprint.subdomain if subdomain is None else subdomain
        )
        url_prefix = options.get("url_prefix")
        #: The prefix of every rule of the blueprint, or ``None``.
        self.url_prefix: str | None = (
            blueprint.url_prefix if url_prefix is None else url_prefix
        )
        #: The blueprint's name for this registration (without parents).
        self.name: str = options.get("name", blueprint.name)
        #: The dotted name of the parent blueprints, ``""`` at the top level.
        self.name_prefix: str = options.get("name_prefix", "")
        #: Defaults added to every rule of the blueprint.
        self.url_defaults: dict[str, Any] = {
            **blueprint.url_values_defaults,
            **dict(options.get("url_defaults", ())),
        }

    def add_url_rule(
        self,
        rule: str,
        endpoint: str | None = None,
        view_func: Callable[..., Any] | None = None,
        **options: Any,
    ) -> None:
        """Add a rule to the app, with this registration's prefix, subdomain,
        defaults and the dotted blueprint name before the endpoint.
        """
        if self.url_prefix is not None:
            rule = slash_join(self.url_prefix, rule) if rule else self.url_prefix
        options.setdefault("subdomain", self.subdomain)
        if endpoint is None:
            endpoint = _endpoint_from_view_func(view_func)
        defaults = self.url_defaults
        if "defaults" in options:
            defaults = {**defaults, **options.pop("defaults")}
        full_endpoint = f"{self.name_prefix}.{self.name}.{endpoint}".lstrip(".")
        self.app.add_url_rule(
            rule, full_endpoint, view_func, defaults=defaults, **options
        )
