import importlib.metadata

import flaskish_cli


def test_version_matches_distribution_metadata() -> None:
    assert flaskish_cli.__version__ == importlib.metadata.version("flaskish-cli")


def _modules_after(code: str) -> set[str]:
    """The top-level modules loaded by running ``code`` in a fresh interpreter."""
    import subprocess
    import sys

    script = f"{code}\nimport sys\nprint(' '.join(sorted(sys.modules)))"
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    return set(result.stdout.split())


def test_importing_the_package_does_not_import_click() -> None:
    loaded = _modules_after("import flaskish_cli; flaskish_cli.get_debug_flag()")
    assert "flaskish_cli" in loaded
    assert "click" not in loaded


def test_click_based_names_load_on_first_access() -> None:
    loaded = _modules_after(
        "import flaskish_cli, click\n"
        "assert issubclass(flaskish_cli.AppGroup, click.Group)\n"
        "assert callable(flaskish_cli.main) and callable(flaskish_cli.with_appcontext)"
    )
    assert {"click", "flaskish_cli.app_group", "flaskish_cli.main"} <= loaded
