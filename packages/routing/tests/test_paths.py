"""Root path resolution and dotted blueprint names."""

from __future__ import annotations

import os
import sys
import types
from pathlib import Path

import pytest

from flaskish_routing import _split_blueprint_path
from flaskish_routing import get_root_path


def test_imported_module_uses_its_file() -> None:
    assert get_root_path(__name__) == os.path.dirname(os.path.abspath(__file__))
    import werkzeug.routing

    assert get_root_path("werkzeug.routing") == os.path.dirname(
        os.path.abspath(werkzeug.routing.__file__)
    )


def test_module_not_imported_yet_is_found_by_its_spec(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = tmp_path / "pkg_not_imported"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "mod.py").write_text("raise RuntimeError('must not be imported')")
    monkeypatch.syspath_prepend(str(tmp_path))
    assert get_root_path("pkg_not_imported.mod") == str(package)
    assert "pkg_not_imported.mod" not in sys.modules
    assert get_root_path("pkg_not_imported") == str(package)


def test_unknown_or_fileless_main_is_the_working_directory(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    assert get_root_path("no_such_module_for_flaskish_routing") == str(tmp_path)
    main = types.ModuleType("__main__")
    monkeypatch.setitem(sys.modules, "__main__", main)
    assert get_root_path("__main__") == str(tmp_path)


def test_module_without_a_file_is_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    class NoFileLoader:
        def create_module(self, spec: object) -> types.ModuleType:
            return types.ModuleType("fileless_for_routing")

        def exec_module(self, module: types.ModuleType) -> None:
            pass

    class Finder:
        def find_spec(self, name: str, path: object, target: object = None) -> object:
            if name != "fileless_for_routing":
                return None
            import importlib.machinery

            return importlib.machinery.ModuleSpec(name, NoFileLoader())  # type: ignore[arg-type]

    monkeypatch.setattr(sys, "meta_path", [Finder(), *sys.meta_path])
    monkeypatch.delitem(sys.modules, "fileless_for_routing", raising=False)
    with pytest.raises(RuntimeError) as info:
        get_root_path("fileless_for_routing")
    assert str(info.value) == (
        "No root path can be found for the provided module 'fileless_for_routing'."
        " This can happen because the module came from an import hook that does"
        " not provide file name information or because it's a namespace package."
        " In this case the root path needs to be explicitly provided."
    )


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("a", ["a"]),
        ("a.b", ["a.b", "a"]),
        ("a.b.c", ["a.b.c", "a.b", "a"]),
        ("admin.users.edit", ["admin.users.edit", "admin.users", "admin"]),
    ],
)
def test_split_blueprint_path(name: str, expected: list[str]) -> None:
    assert _split_blueprint_path(name) == expected
    assert _split_blueprint_path(name) is _split_blueprint_path(name)
