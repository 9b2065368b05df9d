from __future__ import annotations

from collections.abc import Callable

import pytest

from flaskish_blueprints import Blueprint
from flaskish_routing import Router

Rules = Callable[[Router], dict[str, str]]


def _view() -> str:
    return ""


@pytest.mark.parametrize(
    ("prefix", "rule", "expected"),
    [
        ("", "/", "/"),
        ("/", "", "/"),
        ("/", "/", "/"),
        ("/a", "", "/a"),
        ("/a/", "", "/a/"),
        ("", "/b", "/b"),
        ("/a", "/b", "/a/b"),
        ("/a/", "/b", "/a/b"),
        ("/a/", "b", "/a/b"),
        ("/a", "b", "/a/b"),
        ("/a/", "//b", "/a/b"),
        ("/a//", "/b", "/a/b"),
        ("/a", "/b/", "/a/b/"),
    ],
)
def test_url_prefix_joining(
    app: Router, rules: Rules, prefix: str, rule: str, expected: str
) -> None:
    bp = Blueprint("bp", __name__, url_prefix=prefix)
    bp.add_url_rule(rule, "view", _view)
    app.register_blueprint(bp)
    assert rules(app)["bp.view"] == expected


def test_registration_prefix_overrides_the_blueprints(
    app: Router, rules: Rules
) -> None:
    bp = Blueprint("bp", __name__, url_prefix="/own")
    bp.add_url_rule("/x", "view", _view)
    app.register_blueprint(bp, url_prefix="/given")
    app.register_blueprint(bp, name="own")
    assert rules(app) == {"bp.view": "/given/x", "own.view": "/own/x"}


def test_no_prefix_keeps_the_rule(app: Router, rules: Rules) -> None:
    bp = Blueprint("bp", __name__)
    bp.add_url_rule("/x", "view", _view)
    app.register_blueprint(bp)
    assert rules(app) == {"bp.view": "/x"}


@pytest.mark.parametrize(
    ("parent_own", "child_own", "parent_given", "child_given"),
    [
        ("/parent", "/child", None, None),
        ("/parent", None, None, "/child"),
        (None, None, "/parent", "/child"),
        ("/other", "/something", "/parent", "/child"),
        ("/parent/", "/child/", None, None),
    ],
)
def test_nested_prefixes_combine(
    app: Router,
    rules: Rules,
    parent_own: str | None,
    child_own: str | None,
    parent_given: str | None,
    child_given: str | None,
) -> None:
    parent = Blueprint("parent", __name__, url_prefix=parent_own)
    child = Blueprint("child", __name__, url_prefix=child_own)
    child.add_url_rule("/", "index", _view)
    parent.register_blueprint(child, url_prefix=child_given)
    app.register_blueprint(parent, url_prefix=parent_given)
    assert rules(app) == {"parent.child.index": "/parent/child/"}


def test_nested_prefix_only_on_one_level(app: Router, rules: Rules) -> None:
    parent = Blueprint("parent", __name__)
    child = Blueprint("child", __name__, url_prefix="/child")
    grandchild = Blueprint("grandchild", __name__)
    child.add_url_rule("/c", "view", _view)
    grandchild.add_url_rule("/g", "view", _view)
    parent.add_url_rule("/p", "view", _view)
    child.register_blueprint(grandchild)
    parent.register_blueprint(child)
    app.register_blueprint(parent)
    assert rules(app) == {
        "parent.view": "/p",
        "parent.child.view": "/child/c",
        "parent.child.grandchild.view": "/child/g",
    }


def test_three_levels_of_prefixes(app: Router, rules: Rules) -> None:
    a = Blueprint("a", __name__, url_prefix="/a")
    b = Blueprint("b", __name__, url_prefix="/b/")
    c = Blueprint("c", __name__, url_prefix="c")
    c.add_url_rule("/", "index", _view)
    b.register_blueprint(c)
    a.register_blueprint(b)
    app.register_blueprint(a, url_prefix="/root/")
    assert rules(app) == {"a.b.c.index": "/root/b/c/"}


def test_subdomain(app: Router) -> None:
    bp = Blueprint("bp", __name__, subdomain="api")
    bp.add_url_rule("/", "index", _view)
    bp.add_url_rule("/own", "own", _view, subdomain="own")
    app.register_blueprint(bp)
    app.register_blueprint(bp, name="other", subdomain="other")
    subdomains = {r.endpoint: r.subdomain for r in app.url_map.iter_rules()}
    assert subdomains == {
        "bp.index": "api",
        "bp.own": "own",
        "other.index": "other",
        "other.own": "own",
    }


@pytest.mark.parametrize(
    ("parent_sub", "child_sub", "child_given", "expected"),
    [
        ("parent", "child", None, "child.parent"),
        ("parent", None, None, "parent"),
        (None, "child", None, "child"),
        ("parent", "own", "given", "given.parent"),
        (None, None, None, ""),
    ],
)
def test_nested_subdomains(
    app: Router,
    parent_sub: str | None,
    child_sub: str | None,
    child_given: str | None,
    expected: str,
) -> None:
    parent = Blueprint("parent", __name__, subdomain=parent_sub)
    child = Blueprint("child", __name__, subdomain=child_sub)
    child.add_url_rule("/", "index", _view)
    parent.register_blueprint(child, subdomain=child_given)
    app.register_blueprint(parent)
    (rule,) = app.url_map.iter_rules()
    assert rule.subdomain == expected


def test_url_defaults(app: Router) -> None:
    bp = Blueprint("bp", __name__, url_defaults={"page": 1, "lang": "en"})
    bp.add_url_rule("/a", "a", _view)
    bp.add_url_rule("/b", "b", _view, defaults={"page": 2})
    app.register_blueprint(bp)
    app.register_blueprint(bp, name="fr", url_defaults={"lang": "fr"})
    defaults = {r.endpoint: r.defaults for r in app.url_map.iter_rules()}
    assert defaults == {
        "bp.a": {"page": 1, "lang": "en"},
        "bp.b": {"page": 2, "lang": "en"},
        "fr.a": {"page": 1, "lang": "fr"},
        "fr.b": {"page": 2, "lang": "fr"},
    }
    assert bp.url_values_defaults == {"page": 1, "lang": "en"}


def test_nested_blueprint_keeps_its_own_defaults(app: Router) -> None:
    parent = Blueprint("parent", __name__, url_defaults={"p": 1})
    child = Blueprint("child", __name__, url_defaults={"c": 2})
    parent.add_url_rule("/p", "view", _view)
    child.add_url_rule("/c", "view", _view)
    parent.register_blueprint(child, url_defaults={"given": 3})
    app.register_blueprint(parent)
    defaults = {r.endpoint: r.defaults for r in app.url_map.iter_rules()}
    assert defaults == {
        "parent.view": {"p": 1},
        "parent.child.view": {"c": 2, "given": 3},
    }


def test_url_building_across_blueprints(app: Router) -> None:
    users = Blueprint("users", __name__, url_prefix="/users")
    admin = Blueprint("admin", __name__, url_prefix="/admin")
    users.add_url_rule("/<int:user_id>", "show", _view)
    admin.add_url_rule("/", "index", _view)
    admin.register_blueprint(users)
    app.register_blueprint(users)
    app.register_blueprint(admin)
    adapter = app.url_map.bind("example.test")
    assert adapter.build("users.show", {"user_id": 3}) == "/users/3"
    assert adapter.build("admin.index") == "/admin/"
    assert adapter.build("admin.users.show", {"user_id": 4}) == "/admin/users/4"
