from __future__ import annotations

import pytest

from flaskish_blueprints import Blueprint
from flaskish_routing import Router


def test_empty_name_is_rejected() -> None:
    with pytest.raises(ValueError) as info:
        Blueprint("", __name__)
    assert str(info.value) == "'name' may not be empty."


@pytest.mark.parametrize("name", [".", "a.b", "bp."])
def test_dotted_name_is_rejected(name: str) -> None:
    with pytest.raises(ValueError) as info:
        Blueprint(name, __name__)
    assert str(info.value) == "'name' may not contain a dot '.' character."


def test_dotted_endpoint_is_rejected() -> None:
    bp = Blueprint("bp", __name__)
    with pytest.raises(ValueError) as info:
        bp.add_url_rule("/", endpoint="a.b", view_func=lambda: "")
    assert str(info.value) == "'endpoint' may not contain a dot '.' character."
    assert bp.deferred_functions == []


def test_dotted_view_function_name_is_rejected() -> None:
    bp = Blueprint("bp", __name__)

    def view() -> str:
        return ""

    view.__name__ = "a.b"
    with pytest.raises(ValueError) as info:
        bp.add_url_rule("/", view_func=view)
    assert str(info.value) == "'view_func' name may not contain a dot '.' character."
    with pytest.raises(ValueError):
        bp.route("/")(view)


def test_route_decorator_defers_until_registration(app: Router) -> None:
    bp = Blueprint("bp", __name__)

    @bp.route("/")
    def index() -> str:
        return "index"

    assert len(bp.deferred_functions) == 1
    assert list(app.url_map.iter_rules()) == []
    app.register_blueprint(bp)
    assert app.view_functions["bp.index"] is index


def test_endpoint_naming(app: Router) -> None:
    bp = Blueprint("bp", __name__)

    def plain() -> str:
        return ""

    bp.add_url_rule("/plain", view_func=plain)
    bp.add_url_rule("/named", endpoint="named", view_func=plain)
    bp.add_url_rule("/none", endpoint="without_view")
    app.register_blueprint(bp)
    assert {r.endpoint for r in app.url_map.iter_rules()} == {
        "bp.plain",
        "bp.named",
        "bp.without_view",
    }
    assert app.view_functions["bp.plain"] is plain
    assert app.view_functions["bp.named"] is plain
    assert "bp.without_view" not in app.view_functions


def test_endpoint_decorator_registers_under_the_bare_name(app: Router) -> None:
    bp = Blueprint("bp", __name__)
    bp.add_url_rule("/", endpoint="index")

    @bp.endpoint("bp.index")
    def index() -> str:
        return "index"

    app.register_blueprint(bp)
    assert app.view_functions["bp.index"] is index


def test_register_on_itself_is_rejected() -> None:
    bp = Blueprint("bp", __name__)
    with pytest.raises(ValueError) as info:
        bp.register_blueprint(bp)
    assert str(info.value) == "Cannot register a blueprint on itself"


def test_setup_methods_fail_after_registration(app: Router) -> None:
    bp = Blueprint("bp", __name__)
    app.register_blueprint(bp)
    with pytest.raises(AssertionError) as info:
        bp.route("/late")(lambda: "")
    assert str(info.value) == (
        "The setup method 'route' can no longer be called on the blueprint"
        " 'bp'. It has already been registered at least once, any changes will"
        " not be applied consistently.\nMake sure all imports, decorators,"
        " functions, etc. needed to set up the blueprint are done before"
        " registering it."
    )
    for late in (
        lambda: bp.before_request(lambda: None),
        lambda: bp.before_app_request(lambda: None),
        lambda: bp.record(lambda state: None),
        lambda: bp.register_blueprint(Blueprint("child", __name__)),
    ):
        with pytest.raises(AssertionError, match="can no longer be called"):
            late()


def test_record_runs_on_every_registration_record_once_on_the_first(
    app: Router,
) -> None:
    bp = Blueprint("bp", __name__)
    seen: list[tuple[str, str, bool]] = []
    bp.record(lambda s: seen.append(("record", s.name, s.first_registration)))
    bp.record_once(lambda s: seen.append(("once", s.name, s.first_registration)))
    app.register_blueprint(bp)
    app.register_blueprint(bp, name="alt")
    assert seen == [
        ("record", "bp", True),
        ("once", "bp", True),
        ("record", "alt", False),
    ]


def test_record_once_keeps_the_function_name() -> None:
    bp = Blueprint("bp", __name__)

    def setup(state: object) -> None:
        pass

    bp.record_once(setup)  # type: ignore[arg-type]
    assert bp.deferred_functions[0].__name__ == "setup"
    assert bp.deferred_functions[0].__wrapped__ is setup  # type: ignore[attr-defined]


def test_setup_state_describes_the_registration(app: Router) -> None:
    bp = Blueprint("bp", __name__, url_prefix="/own", subdomain="own")
    states = []
    bp.record(states.append)
    app.register_blueprint(bp, url_prefix="/opt", name="named", extra=1)
    (state,) = states
    assert state.app is app
    assert state.blueprint is bp
    assert state.options == {"url_prefix": "/opt", "name": "named", "extra": 1}
    assert state.first_registration is True
    assert state.url_prefix == "/opt"
    assert state.subdomain == "own"
    assert state.name == "named"
    assert state.name_prefix == ""


def test_make_setup_state_can_be_overridden(app: Router) -> None:
    from flaskish_blueprints import BlueprintSetupState

    class State(BlueprintSetupState):
        pass

    class CustomBlueprint(Blueprint):
        def make_setup_state(self, app, options, first_registration=False):  # type: ignore[no-untyped-def]
            return State(self, app, options, first_registration)

    bp = CustomBlueprint("bp", __name__)
    states: list[BlueprintSetupState] = []
    bp.record(states.append)
    app.register_blueprint(bp)
    assert type(states[0]) is State
