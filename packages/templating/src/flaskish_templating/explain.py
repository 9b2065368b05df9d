"""Logging of template lookups, for ``EXPLAIN_TEMPLATE_LOADING``.

flaskish-core re-exports :func:`explain_template_loading_attempts` as
``flaskish.debughelpers.explain_template_loading_attempts``.
"""

from __future__ import annotations

from collections.abc import Callable
from collections.abc import Iterator
from collections.abc import Sequence
from typing import Any
from typing import TYPE_CHECKING

from jinja2 import BaseLoader

from flaskish_context import request_or_none

if TYPE_CHECKING:
    from .protocol import LoaderApp

#: What a Jinja loader's ``get_source`` returns.
SourceTriple = tuple[str, str | None, Callable[[], bool] | None]

#: One lookup: the loader, the app or blueprint owning it, its result or None.
LoadAttempt = tuple[BaseLoader, Any, SourceTriple | None]

_SCALARS = (str, int, float, bool)

_NONE_FOUND = "Error: the template could not be found."
_SEVERAL_FOUND = "Warning: multiple loaders returned a match for the template."
#: Added when a lookup that did not find exactly one template ran in a
#: request routed to a blueprint (``{}``: the blueprint's name).
_BLUEPRINT_HINTS = (
    "  The template was looked up from an endpoint that belongs to the blueprint {!r}.",
    "  Maybe you did not place a template in the right folder?",
    "  See https://flaskish.dev/docs/blueprints/#templates",
)


def _request_blueprint() -> str | None:
    """The blueprint of the current request, if there is one."""
    # Plain werkzeug requests (standalone use) have no blueprint.
    return getattr(request_or_none(), "blueprint", None)


def _describe_loader(loader: BaseLoader) -> Iterator[str]:
    """Yield lines describing a loader's class and public simple attributes."""
    cls = type(loader)
    yield f"class: {cls.__module__}.{cls.__name__}"
    for attr in sorted(vars(loader)):
        if attr[:1] == "_":
            continue
        value = vars(loader)[attr]
        if isinstance(value, list | tuple):
            if all(isinstance(item, str) for item in value):
                yield f"{attr}:"
                yield from (f"  - {item}" for item in value)
        elif isinstance(value, _SCALARS):
            yield f"{attr}: {value!r}"


def _describe_source(app: LoaderApp, source: Any) -> str:
    if source is app:
        return f"application {app.import_name!r}"
    name = getattr(source, "name", None)
    import_name = getattr(source, "import_name", None)
    if isinstance(name, str) and isinstance(import_name, str):
        return f"blueprint {name!r} ({import_name})"
    return repr(source)


def explain_template_loading_attempts(
    app: LoaderApp, template: str, attempts: Sequence[LoadAttempt]
) -> None:
    """Log, at INFO level on ``app.logger``, where ``template`` was looked for.

    Each attempt is listed with the loader's details and whether it matched.
    Finding nothing, or more than one match, is called out, with a hint
    when the lookup came from a blueprint's request.
    """
    lines = [f"Locating template {template!r}:"]
    found = 0
    for number, (loader, source, result) in enumerate(attempts, start=1):
        lines.append(f"{number:5}: trying loader of {_describe_source(app, source)}")
        lines.extend(f"       {line}" for line in _describe_loader(loader))
        if result is None:
            lines.append("       -> no match")
        else:
            found += 1
            lines.append(f"       -> found ({result[1] or '<string>'!r})")

    if found != 1:
        lines.append(_NONE_FOUND if found == 0 else _SEVERAL_FOUND)
        blueprint = _request_blueprint()
        if blueprint is not None:
            lines.extend(hint.format(blueprint) for hint in _BLUEPRINT_HINTS)

    app.logger.info("\n".join(lines))


__all__ = ["LoadAttempt", "SourceTriple", "explain_template_loading_attempts"]
