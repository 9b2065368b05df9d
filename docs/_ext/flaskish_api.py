"""The ``flaskish-api`` directive: the reference of one module's public names.

``.. flaskish-api:: flaskish.helpers`` documents every public name of the module
at that path. A name's public status is read from the module's source the way
type checkers read re-exports: ``__all__`` when the module has one, otherwise
the names it defines, the names it imports with an explicit ``as``, and the
names it binds lazily through ``lazy_attributes``.

An object reached through several paths (``flaskish.Flask`` is
``flaskish.app.Flask``) is documented in full at one of them (see
``_home``) and as a short entry pointing there at the others, so every path
is a cross-reference target and no docstring is rendered twice. Objects that
come from a library (werkzeug, click, Jinja, ...) are listed as re-exports
with a link to that library's documentation.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import types
from collections.abc import Collection
from pathlib import Path
from typing import Any

from docutils import nodes
from docutils.statemachine import StringList
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective
from sphinx.util.nodes import nested_parse_with_titles

# The modules with a reference page, in the order of the reference.
MODULES = [
    "flaskish",
    "flaskish.app",
    "flaskish.blueprints",
    "flaskish.cli",
    "flaskish.config",
    "flaskish.ctx",
    "flaskish.debughelpers",
    "flaskish.globals",
    "flaskish.helpers",
    "flaskish.json",
    "flaskish.json.provider",
    "flaskish.json.tag",
    "flaskish.logging",
    "flaskish.sessions",
    "flaskish.signals",
    "flaskish.templating",
    "flaskish.testing",
    "flaskish.typing",
    "flaskish.views",
    "flaskish.wrappers",
    "flaskish_core",
    "flaskish_blueprints",
    "flaskish_templating",
    "flaskish_cli",
    "flaskish_context",
    "flaskish_sessions",
    "flaskish_routing",
]


def public_names(module_name: str) -> list[str]:
    """The public names of a module, in the order its source binds them."""
    module = importlib.import_module(module_name)
    declared = getattr(module, "__all__", None)
    if declared is not None:
        return list(declared)
    source = Path(inspect.getfile(module)).read_text(encoding="utf-8")
    body = ast.parse(source).body
    mappings = _dict_assignments(body)
    names: list[str] = []
    for node in body:
        names.extend(_bound_names(node, mappings))
    seen: set[str] = set()
    return [
        n for n in names if not n.startswith("_") and not (n in seen or seen.add(n))
    ]


def _dict_assignments(body: list[ast.stmt]) -> dict[str, ast.expr]:
    """Module-level ``NAME = {...}`` (or ``frozenset({...})``) literals, for
    the arguments of ``lazy_attributes`` passed by name."""
    found: dict[str, ast.expr] = {}
    for node in body:
        if isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    found[target.id] = node.value
    return found


def _literal_strings(value: ast.expr, mappings: dict[str, ast.expr]) -> list[str]:
    """The string keys or items of a dict or set literal (or of the literal
    a name was bound to, or the one a ``frozenset``/``set`` call is given)."""
    if isinstance(value, ast.Name) and value.id in mappings:
        value = mappings[value.id]
    if isinstance(value, ast.Call) and value.args:
        value = value.args[0]
    if isinstance(value, ast.Dict):
        items: list[ast.expr | None] = list(value.keys)
    elif isinstance(value, ast.Set | ast.List | ast.Tuple):
        items = list(value.elts)
    else:
        return []
    return [
        k.value
        for k in items
        if isinstance(k, ast.Constant) and isinstance(k.value, str)
    ]


def _bound_names(node: ast.stmt, mappings: dict[str, ast.expr]) -> list[str]:
    if isinstance(node, ast.ImportFrom | ast.Import):
        # Only an explicit ``as`` marks an import as a re-export.
        return [alias.asname for alias in node.names if alias.asname]
    if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
        return [node.name]
    if isinstance(node, ast.Assign):
        if _is_lazy_call(node.value):
            return _lazy_names(node.value, mappings)  # type: ignore[arg-type]
        return [t.id for t in node.targets if isinstance(t, ast.Name)]
    if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
        return [node.target.id]
    return []  # ``if TYPE_CHECKING:`` blocks and the like bind no runtime names


def _is_lazy_call(value: ast.expr) -> bool:
    return (
        isinstance(value, ast.Call)
        and isinstance(value.func, ast.Name)
        and value.func.id == "lazy_attributes"
    )


def _lazy_names(call: ast.Call, mappings: dict[str, ast.expr]) -> list[str]:
    """The names a ``lazy_attributes`` call binds: its sources' keys, then
    its lazily imported submodules."""
    names = _literal_strings(call.args[1], mappings) if len(call.args) > 1 else []
    for keyword in call.keywords:
        if keyword.arg == "submodules":
            names.extend(_literal_strings(keyword.value, mappings))
    return names


def _is_ours(obj: Any) -> bool:
    module = getattr(obj, "__module__", None)
    if isinstance(obj, type | types.FunctionType):
        return isinstance(module, str) and module.startswith("flaskish")
    return True  # instances (proxies, signals, constants) belong to the path


def _kind(obj: Any) -> str:
    if isinstance(obj, type):
        return "class"
    if isinstance(obj, types.FunctionType | types.BuiltinFunctionType):
        return "function"
    return "data"


def _canonical_paths() -> dict[int, str]:
    paths: dict[int, list[str]] = {}
    objects: dict[int, Any] = {}
    for module_name in MODULES:
        module = importlib.import_module(module_name)
        for name in public_names(module_name):
            obj = getattr(module, name)
            if isinstance(obj, types.ModuleType) or not _is_ours(obj):
                continue
            if _kind(obj) == "data" and _is_simple_value(obj):
                continue  # equal constants are not the same name
            paths.setdefault(id(obj), []).append(f"{module_name}.{name}")
            objects[id(obj)] = obj
    return {key: _home(objects[key], found) for key, found in paths.items()}


# Where a kind of object is described when ``flaskish`` itself lacks it.
_DATA_HOMES = {"LocalProxy": "flaskish.globals", "NamedSignal": "flaskish.signals"}


def _home(obj: Any, paths: list[str]) -> str:
    """The path an object is described at: ``flaskish.X`` first, then the
    Flask module named like the component module that defines it
    (``flaskish_core.helpers`` -> ``flaskish.helpers``), then the first."""
    for path in paths:
        if path.rpartition(".")[0] == "flaskish":
            return path
    if _kind(obj) == "data":
        wanted = _DATA_HOMES.get(type(obj).__name__)
    else:
        wanted = "flaskish." + str(obj.__module__).partition(".")[2]
    for path in paths:
        if path.rpartition(".")[0] == wanted:
            return path
    return paths[0]


def _library_path(obj: Any, documented: Collection[str] = ()) -> str:
    """The import path of a library object that its documentation lists
    (``werkzeug.wrappers.Response`` rather than
    ``werkzeug.wrappers.response.Response``): of the modules that export the
    object, the first whose path is in ``documented``, else the shortest."""
    parts = str(obj.__module__).split(".")
    found: list[str] = []
    for end in range(1, len(parts) + 1):
        module_name = ".".join(parts[:end])
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            continue
        if getattr(module, obj.__name__, None) is obj:
            found.append(f"{module_name}.{obj.__name__}")
    for path in found:
        if path in documented:
            return path
    return found[0] if found else f"{obj.__module__}.{obj.__qualname__}"


def _is_simple_value(obj: Any) -> bool:
    return isinstance(obj, str | int | float | bool | tuple | frozenset | type(None))


_CANONICAL: dict[int, str] | None = None


def canonical_path(obj: Any) -> str | None:
    global _CANONICAL
    if _CANONICAL is None:
        _CANONICAL = _canonical_paths()
    return _CANONICAL.get(id(obj))


def _foreign_classes(cls: type) -> list[str]:
    return sorted(
        {
            base.__name__
            for base in cls.__mro__[1:]
            if not base.__module__.startswith("flaskish")
        }
    )


def _describe_data(path: str, obj: Any) -> list[str]:
    type_name = f"{type(obj).__module__}.{type(obj).__qualname__}"
    module_name, _, name = path.rpartition(".")
    lines = [
        f".. py:data:: {name}",
        f"   :module: {module_name}",
        f"   :type: {type_name}",
        "",
    ]
    if type(obj).__name__ == "LocalProxy":
        lines.append(
            "   A context-local proxy (:class:`werkzeug.local.LocalProxy`); it"
            " resolves to the object of the active context."
        )
    elif type(obj).__name__ == "NamedSignal":
        lines.append(f"   The blinker signal ``{obj.name}``.")
    else:
        lines.append(f"   ``{obj!r}``")
    return [*lines, ""]


def entry_lines(
    module_name: str, name: str, documented: Collection[str] = ()
) -> list[str]:
    """reStructuredText for one public name of a module; ``documented`` is
    the names the intersphinx inventories know."""
    module = importlib.import_module(module_name)
    obj = getattr(module, name)
    path = f"{module_name}.{name}"
    if isinstance(obj, types.ModuleType):
        return [f"* ``{name}``: the module :py:mod:`{obj.__name__}`", ""]
    kind = _kind(obj)
    if not _is_ours(obj):
        target = _library_path(obj, documented)
        role = "class" if kind == "class" else "func"
        return [
            f".. py:{kind}:: {name}",
            f"   :module: {module_name}",
            "   :no-index-entry:",
            "",
            f"   Re-exported from a library: :py:{role}:`{target}`.",
            "",
        ]
    first = canonical_path(obj)
    if first is not None and first != path:
        return [
            f".. py:{kind}:: {name}",
            f"   :module: {module_name}",
            "",
            f"   The same object as :py:obj:`{first}`.",
            "",
        ]
    if kind == "class":
        lines = [f".. autoclass:: {path}", "   :members:"]
        foreign = _foreign_classes(obj)
        lines.append(f"   :inherited-members: {','.join(foreign)}")
        return [*lines, ""]
    if kind == "function":
        return [f".. autofunction:: {path}", ""]
    return _describe_data(path, obj)


class FlaskishApi(SphinxDirective):
    """``.. flaskish-api:: module.name`` (in an ``{eval-rst}`` block of a Markdown page): the module's public names."""

    required_arguments = 1
    has_content = False

    def run(self) -> list[nodes.Node]:
        module_name = self.arguments[0]
        lines = [f".. py:module:: {module_name}", ""]
        inventory = getattr(self.env, "intersphinx_inventory", {})
        documented = {
            name
            for kind in ("py:class", "py:function", "py:exception", "py:data")
            for name in inventory.get(kind, {})
        }
        for name in public_names(module_name):
            lines.extend(entry_lines(module_name, name, documented))
        container = nodes.container()
        nested_parse_with_titles(
            self.state, StringList(lines, source=f"<api {module_name}>"), container
        )
        return container.children


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_directive("flaskish-api", FlaskishApi)
    return {"parallel_read_safe": True, "version": "1"}
