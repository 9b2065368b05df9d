"""Blueprints on a bare router, with flaskish-templating and flaskish-cli absent."""

from __future__ import annotations

import subprocess
import sys
import textwrap

# Runs in a fresh interpreter where importing the optional components fails,
# as when only flaskish-routing and flaskish-context are installed.
SCRIPT = textwrap.dedent(
    """
    import sys

    class Absent:
        def find_spec(self, name, path=None, target=None):
            if name.split(".")[0] in {"flaskish_templating", "flaskish_cli",
                                      "jinja2", "click", "blinker"}:
                raise ModuleNotFoundError(f"No module named {name!r}", name=name)
            return None

    sys.meta_path.insert(0, Absent())

    from werkzeug.test import Client
    from flaskish_blueprints import Blueprint
    from flaskish_routing import Router

    bp = Blueprint("api", __name__, url_prefix="/api")

    @bp.get("/ping")
    def ping():
        return "pong"

    @bp.before_app_request
    def mark():
        pass

    router = Router(__name__)
    router.register_blueprint(bp)
    assert Client(router).get("/api/ping").text == "pong"
    assert bp.jinja_loader is None

    def error_of(action):
        try:
            action()
        except (AttributeError, RuntimeError) as e:
            return str(e)
        raise AssertionError("no error")

    print(error_of(lambda: bp.cli))
    print(error_of(lambda: Blueprint("t", __name__, template_folder="t").jinja_loader))
    print(error_of(lambda: bp.app_template_filter()))
    print(hasattr(bp, "cli"))
    print(sorted(m for m in sys.modules if m.split(".")[0] in
                 {"flaskish_templating", "flaskish_cli", "jinja2", "click"}))
    """
)


def test_blueprint_works_on_a_router_without_templating_and_cli() -> None:
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "Blueprint.cli needs flaskish-cli, which is not installed:"
        " pip install 'flaskish-blueprints[cli]'.",
        "The template folder of 't' needs flaskish-templating, which is not"
        " installed: pip install 'flaskish-blueprints[templating]'.",
        "Blueprint.app_template_filter needs flaskish-templating, which is not"
        " installed: pip install 'flaskish-blueprints[templating]'.",
        "False",
        "[]",
    ]
