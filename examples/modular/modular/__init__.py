"""An application factory with an ``admin`` blueprint under ``/admin``, a
``frontend`` blueprint, and a custom CLI command.

    flaskish --app modular run
    flaskish --app modular stats
"""

from __future__ import annotations

from typing import Any

import click

from flaskish import current_app
from flaskish import Flask


def create_app(config: dict[str, Any] | None = None) -> Flask:
    app = Flask(__name__)
    app.config.from_mapping(SITE_NAME="Modular", ARTICLES=["Hello", "Blueprints"])
    if config:
        app.config.from_mapping(config)

    from modular.admin import bp as admin_bp
    from modular.frontend import bp as frontend_bp

    app.register_blueprint(frontend_bp)
    app.register_blueprint(admin_bp, url_prefix="/admin")

    @app.context_processor
    def site() -> dict[str, Any]:
        return {"site_name": current_app.config["SITE_NAME"]}

    @app.cli.command("stats")
    @click.option("--verbose", is_flag=True, help="List every article.")
    def stats(verbose: bool) -> None:
        """Print how many articles the site has."""
        articles = current_app.config["ARTICLES"]
        click.echo(f"{len(articles)} articles")
        if verbose:
            for title in articles:
                click.echo(f"- {title}")

    return app
