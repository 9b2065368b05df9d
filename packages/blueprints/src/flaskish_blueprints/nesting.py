"""Options of a nested blueprint's registration, derived from its parent's."""

from __future__ import annotations

from typing import Any
from typing import TYPE_CHECKING

from .setup_state import slash_join

if TYPE_CHECKING:
    from .blueprint import Blueprint
    from .setup_state import BlueprintSetupState


def child_options(
    parent: BlueprintSetupState,
    parent_name: str,
    child: Blueprint,
    options: dict[str, Any],
) -> dict[str, Any]:
    """The registration options of ``child`` nested in the registration
    ``parent``, whose full dotted name is ``parent_name``.

    The child's subdomain goes before the parent's (``child.parent``), its
    URL prefix after the parent's, and its name under the parent's dotted
    name. (flaskish helper.)
    """
    combined = dict(options)

    subdomain = combined.get("subdomain")
    if subdomain is None:
        subdomain = child.subdomain
    subdomains = [part for part in (subdomain, parent.subdomain) if part is not None]
    if subdomains:
        combined["subdomain"] = ".".join(subdomains)

    prefix = combined.get("url_prefix")
    if prefix is None:
        prefix = child.url_prefix
    if parent.url_prefix is not None and prefix is not None:
        combined["url_prefix"] = slash_join(parent.url_prefix, prefix)
    elif prefix is not None or parent.url_prefix is not None:
        combined["url_prefix"] = parent.url_prefix if prefix is None else prefix

    combined["name_prefix"] = parent_name
    return combined
