"""Copy a blueprint's own registries into the application's."""

from __future__ import annotations

from collections import defaultdict
from typing import Any
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .blueprint import Blueprint
    from .protocol import BlueprintApp

#: The registries merged by appending, keyed by blueprint name.
HOOK_REGISTRIES = (
    "before_request_funcs",
    "after_request_funcs",
    "teardown_request_funcs",
    "url_default_functions",
    "url_value_preprocessors",
    "template_context_processors",
    "before_websocket_funcs",
    "after_websocket_funcs",
    "teardown_websocket_funcs",
)


def _qualified(name: str, key: str | None) -> str:
    # ``None`` is the blueprint itself; other keys are its nested blueprints
    # registered on it directly through the scaffold API.
    return name if key is None else f"{name}.{key}"


def merge_registries(blueprint: Blueprint, app: BlueprintApp, name: str) -> None:
    """Add ``blueprint``'s handlers to ``app`` under the dotted ``name``.

    View functions keep their endpoints; error handlers replace the app's
    entry for the name; hook lists are appended in registration order.
    (flaskish helper.)
    """
    for key, spec in blueprint.error_handler_spec.items():
        app.error_handler_spec[_qualified(name, key)] = defaultdict(
            dict, {code: dict(handlers) for code, handlers in spec.items()}
        )

    app.view_functions.update(blueprint.view_functions)

    for attribute in HOOK_REGISTRIES:
        source: dict[str | None, list[Any]] = getattr(blueprint, attribute)
        if not source:
            continue
        target: dict[str | None, list[Any]] = getattr(app, attribute)
        for key, funcs in source.items():
            if funcs:
                target.setdefault(_qualified(name, key), []).extend(funcs)
