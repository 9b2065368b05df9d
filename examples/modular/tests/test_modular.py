from __future__ import annotations

from typing import Any

import pytest


def test_frontend_index_uses_blueprint_templates_and_static(client: Any) -> None:
    html = client.get("/").get_data(as_text=True)
    assert "<title>Home · Modular</title>" in html
    assert 'href="/frontend-static/front.css"' in html
    assert '<a href="/articles/1">Blueprints</a>' in html


def test_article_and_404(client: Any) -> None:
    assert "<h1>Blueprints</h1>" in client.get("/articles/1").get_data(as_text=True)
    assert client.get("/articles/5").status_code == 404


@pytest.mark.parametrize(
    ("path", "mimetype", "needle"),
    [
        ("/frontend-static/front.css", "text/css", b"Georgia"),
        ("/admin/static/admin.css", "text/css", b"monospace"),
    ],
)
def test_blueprint_static_folders(
    client: Any, path: str, mimetype: str, needle: bytes
) -> None:
    # The admin blueprint's before_request guards its static files too.
    response = client.get(path, headers={"X-Admin-Token": "s3cret"})
    assert response.status_code == 200
    assert response.mimetype == mimetype
    assert needle in response.data
    response.close()


def test_admin_requires_token_with_blueprint_error_handler(client: Any) -> None:
    response = client.get("/admin/")
    assert response.status_code == 403
    assert "<h1>Admins only</h1>" in response.get_data(as_text=True)
    wrong = client.get("/admin/", headers={"X-Admin-Token": "nope"})
    assert wrong.status_code == 403


def test_admin_dashboard(client: Any) -> None:
    response = client.get("/admin/", headers={"X-Admin-Token": "s3cret"})
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "2 articles." in html
    assert '<a href="/">View site</a>' in html
    assert '<a href="/admin/">Reload</a>' in html
    assert 'href="/admin/static/admin.css"' in html


def test_admin_hooks_guard_admin_static_but_not_frontend(client: Any) -> None:
    assert client.get("/admin/static/admin.css").status_code == 403
    response = client.get("/frontend-static/front.css")
    assert response.status_code == 200
    response.close()


def test_endpoints(app: Any) -> None:
    endpoints = {rule.endpoint for rule in app.url_map.iter_rules()}
    assert {
        "static",
        "frontend.index",
        "frontend.article",
        "frontend.static",
        "admin.dashboard",
        "admin.static",
    } <= endpoints


def test_stats_command(app: Any) -> None:
    runner = app.test_cli_runner()
    result = runner.invoke(args=["stats"])
    assert result.exit_code == 0
    assert result.output == "2 articles\n"
    verbose = runner.invoke(args=["stats", "--verbose"])
    assert verbose.output == "2 articles\n- Hello\n- Blueprints\n"
