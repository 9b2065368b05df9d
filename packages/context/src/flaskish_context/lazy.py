"""Module attributes that import their source on first access.

The flaskish packages use this for names whose modules pull in a heavy
dependency (click, Jinja) that many applications never touch, so importing
the framework does not load it.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable
from collections.abc import Collection
from collections.abc import Mapping
from typing import Any


def lazy_attributes(
    module_name: str,
    sources: Mapping[str, str],
    submodules: Collection[str] = (),
) -> Callable[[str], Any]:
    """Return a module ``__getattr__`` (PEP 562) for ``module_name``.

    ``sources`` maps each lazy name to ``"module"`` (the same name there) or
    ``"module:name"``; a leading dot makes the module relative to
    ``module_name``'s package. On first access the module is imported and
    every lazy name it provides is bound in ``module_name``, so later
    lookups are plain attribute reads. Binding them all matters for
    submodules of a package: importing ``pkg.main`` sets the attribute
    ``pkg.main`` to the submodule, which the lazy name ``main`` replaces.
    """
    package = (
        module_name if _is_package(module_name) else module_name.rpartition(".")[0]
    )
    parsed = {name: _parse(name, source) for name, source in sources.items()}

    def __getattr__(name: str) -> Any:
        found = parsed.get(name)
        if found is None:
            if name in submodules:
                return importlib.import_module(f"{module_name}.{name}")
            raise AttributeError(f"module {module_name!r} has no attribute {name!r}")
        source_module = importlib.import_module(found[0], package)
        namespace = vars(sys.modules[module_name])
        for lazy_name, (other_module, attribute) in parsed.items():
            if other_module == found[0]:
                namespace[lazy_name] = getattr(source_module, attribute)
        return namespace[name]

    return __getattr__


def lazy_dir(module_name: str, *lazy: Collection[str]) -> Callable[[], list[str]]:
    """Return a module ``__dir__`` listing the module's attributes and the
    names in ``lazy`` (those of :func:`lazy_attributes`), loaded or not."""

    def __dir__() -> list[str]:
        names = set(vars(sys.modules[module_name]))
        for collection in lazy:
            names.update(collection)
        return sorted(names)

    return __dir__


def _is_package(module_name: str) -> bool:
    return hasattr(sys.modules[module_name], "__path__")


def _parse(name: str, source: str) -> tuple[str, str]:
    module, _, attribute = source.partition(":")
    return module, attribute or name


__all__ = ["lazy_attributes", "lazy_dir"]
