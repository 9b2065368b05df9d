"""import-linter contracts generated from each package's declared dependencies.

The layer contract in the root ``pyproject.toml`` keeps components from
importing upwards. The contracts made here keep each package from importing
a third-party package it does not declare (in ``dependencies`` or an extra):
one ``forbidden`` contract per package, listing every third-party module
(imported by the workspace or installed) minus the ones the package
declares. They
are computed from the ``pyproject.toml`` files each time, so they cannot
drift from the declarations. Only direct imports count (a package may use a
sibling that uses its own dependencies), and imports made only for type
checking are ignored.

``python tools/import_contracts.py [CONFIG]`` writes a complete import-linter
configuration (the root layer contract plus these) to CONFIG (by default
``.importlinter-generated.toml``); ``tests/test_layers.py`` runs it.
"""

from __future__ import annotations

import importlib.metadata
import re
import sys
import tomllib
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ROOT / "packages"


def _project(folder: Path) -> dict[str, Any]:
    with (folder / "pyproject.toml").open("rb") as f:
        project: dict[str, Any] = tomllib.load(f)["project"]
    return project


def _normalize(dist: str) -> str:
    return re.sub(r"[-_.]+", "-", dist).lower()


def _dist_name(requirement: str) -> str:
    return _normalize(re.split(r"[<>=!~;\[ ]", requirement, maxsplit=1)[0])


def package_folders() -> list[Path]:
    """Every package folder of the workspace."""
    return sorted(p.parent for p in PACKAGES.glob("*/pyproject.toml"))


def module_of(folder: Path) -> str:
    """The import name of the package in ``folder``."""
    return _normalize(_project(folder)["name"]).replace("-", "_")


def declared_distributions(folder: Path) -> set[str]:
    """The distributions a package requires, with those of its extras."""
    project = _project(folder)
    requirements = list(project.get("dependencies", []))
    for extra in project.get("optional-dependencies", {}).values():
        requirements += extra
    return {_dist_name(req) for req in requirements}


def _modules_by_distribution() -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for module, dists in importlib.metadata.packages_distributions().items():
        for dist in dists:
            found.setdefault(_normalize(dist), set()).add(module)
    return found


def third_party_modules(roots: list[str]) -> set[str]:
    """Top-level third-party modules: those the packages import at runtime
    and those of every installed distribution."""
    import grimp

    graph = grimp.build_graph(
        *roots, include_external_packages=True, exclude_type_checking_imports=True
    )
    installed = set(importlib.metadata.packages_distributions())
    excluded = set(roots) | set(sys.stdlib_module_names) | {"__future__"}
    return {
        module
        for module in graph.modules | installed
        if module.split(".")[0] not in excluded
        and module.isidentifier()
        and not module.startswith("__")
    }


def contracts() -> list[dict[str, Any]]:
    """One ``forbidden`` contract per package (see the module docstring)."""
    folders = package_folders()
    roots = [module_of(folder) for folder in folders]
    universe = third_party_modules(roots)
    by_dist = _modules_by_distribution()
    made = []
    for folder, module in zip(folders, roots, strict=True):
        allowed: set[str] = set()
        for dist in declared_distributions(folder):
            allowed |= by_dist.get(dist, set())
        forbidden = sorted(universe - allowed)
        if not forbidden:
            continue
        made.append(
            {
                "name": f"{module} imports only the third-party packages it declares",
                "type": "forbidden",
                "source_modules": [module],
                "forbidden_modules": forbidden,
                "allow_indirect_imports": "True",
            }
        )
    return made


def configuration() -> str:
    """The root import-linter settings with the generated contracts added."""
    with (ROOT / "pyproject.toml").open("rb") as f:
        settings = tomllib.load(f)["tool"]["importlinter"]
    lines = ["[tool.importlinter]"]
    lines.append(f"root_packages = {_toml(settings['root_packages'])}")
    lines.append("include_external_packages = true")
    lines.append("exclude_type_checking_imports = true")
    for contract in [*settings["contracts"], *contracts()]:
        lines.append("\n[[tool.importlinter.contracts]]")
        lines += [f"{key} = {_toml(value)}" for key, value in contract.items()]
    return "\n".join(lines) + "\n"


def _toml(value: Any) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(_toml(item) for item in value) + "]"
    return '"' + str(value).replace("\\", "\\\\").replace('"', '\\"') + '"'


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else ".importlinter-generated.toml")
    target.write_text(configuration())
    print(target)
