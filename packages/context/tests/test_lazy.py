import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest


@pytest.fixture
def package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A throwaway package ``lazypkg`` whose ``__init__`` uses lazy_attributes."""
    root = tmp_path / "lazypkg"
    root.mkdir()
    (root / "__init__.py").write_text(
        textwrap.dedent(
            """
            from flaskish_context.lazy import lazy_attributes

            __getattr__ = lazy_attributes(
                __name__,
                {
                    "main": ".main",
                    "helper": ".main",
                    "Renamed": ".shapes:Shape",
                    "dumps": "json",
                },
            )
            """
        )
    )
    (root / "main.py").write_text("def main():\n    return 'main'\n\nhelper = 42\n")
    (root / "shapes.py").write_text("class Shape:\n    pass\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    yield root
    for name in [n for n in sys.modules if n == "lazypkg" or n.startswith("lazypkg.")]:
        del sys.modules[name]


def test_source_module_is_imported_on_first_access_only(package: Path) -> None:
    import lazypkg

    assert "lazypkg.shapes" not in sys.modules
    shape = lazypkg.Renamed
    assert "lazypkg.shapes" in sys.modules
    assert shape is sys.modules["lazypkg.shapes"].Shape
    assert vars(lazypkg)["Renamed"] is shape


def test_every_name_of_the_loaded_module_is_bound(package: Path) -> None:
    import lazypkg

    assert lazypkg.helper == 42
    # Importing the submodule set ``lazypkg.main`` to the module; the lazy
    # name replaced it with the function.
    assert callable(lazypkg.main)
    assert lazypkg.main() == "main"


def test_name_bound_even_when_submodule_was_imported_first(package: Path) -> None:
    import lazypkg.main

    assert lazypkg.helper == 42
    assert lazypkg.main() == "main"


def test_absolute_module_source(package: Path) -> None:
    import json

    import lazypkg

    assert lazypkg.dumps is json.dumps


def test_from_import_works(package: Path) -> None:
    from lazypkg import Renamed

    assert Renamed.__name__ == "Shape"


def test_unknown_name_raises_attribute_error(package: Path) -> None:
    import lazypkg

    with pytest.raises(AttributeError) as info:
        lazypkg.missing  # noqa: B018
    assert str(info.value) == "module 'lazypkg' has no attribute 'missing'"
    assert not hasattr(lazypkg, "other")


def test_plain_module_resolves_relative_sources_in_its_package(
    package: Path,
) -> None:
    (package / "reexports.py").write_text(
        "from flaskish_context.lazy import lazy_attributes\n"
        "__getattr__ = lazy_attributes(__name__, {'Shape': '.shapes'})\n"
    )
    from lazypkg import reexports

    assert reexports.Shape is sys.modules["lazypkg.shapes"].Shape


def test_submodules_are_imported_on_first_access(package: Path) -> None:
    (package / "extra.py").write_text("VALUE = 1\n")
    (package / "__init__.py").write_text(
        "from flaskish_context.lazy import lazy_attributes\n"
        "__getattr__ = lazy_attributes(__name__, {}, submodules={'extra'})\n"
    )
    import lazypkg

    assert "lazypkg.extra" not in sys.modules
    assert lazypkg.extra.VALUE == 1
    assert lazypkg.extra is sys.modules["lazypkg.extra"]
    with pytest.raises(AttributeError):
        lazypkg.shapes  # noqa: B018


def test_lazy_dir_lists_lazy_names_before_they_load(package: Path) -> None:
    (package / "extra.py").write_text("VALUE = 1\n")
    (package / "__init__.py").write_text(
        "from flaskish_context.lazy import lazy_attributes, lazy_dir\n"
        "EAGER = 1\n"
        "_LAZY = {'Renamed': '.shapes:Shape'}\n"
        "__getattr__ = lazy_attributes(__name__, _LAZY, submodules={'extra'})\n"
        "__dir__ = lazy_dir(__name__, _LAZY, {'extra'})\n"
    )
    import lazypkg

    names = dir(lazypkg)
    assert names == sorted(names)
    assert {"EAGER", "Renamed", "extra", "lazy_dir"} <= set(names)
    assert "lazypkg.shapes" not in sys.modules
    assert "lazypkg.extra" not in sys.modules
    lazypkg.Renamed  # noqa: B018
    assert dir(lazypkg).count("Renamed") == 1
