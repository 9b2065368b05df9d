import importlib.metadata

import flaskish_templating


def test_version_matches_distribution_metadata() -> None:
    assert flaskish_templating.__version__ == importlib.metadata.version(
        "flaskish-templating"
    )


def test_importing_the_package_does_not_import_jinja() -> None:
    import subprocess
    import sys

    code = (
        "import sys, flaskish_templating\n"
        "loaded = 'jinja2' in sys.modules\n"
        "env_class = flaskish_templating.TemplatingAppMixin.jinja_environment\n"
        "print(loaded, env_class is flaskish_templating.Environment,"
        " 'jinja2' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    # Jinja loads when the environment class is first read, and that class
    # is the package's Environment.
    assert result.stdout.split() == ["False", "True", "True"]


def test_lazy_names_are_the_implementing_classes() -> None:
    from flaskish_templating.environment import Environment
    from flaskish_templating.loader import DispatchingJinjaLoader
    from flaskish_templating.string_cache import StringTemplateCache

    assert flaskish_templating.Environment is Environment
    assert flaskish_templating.DispatchingJinjaLoader is DispatchingJinjaLoader
    assert flaskish_templating.StringTemplateCache is StringTemplateCache
