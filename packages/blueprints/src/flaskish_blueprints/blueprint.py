"""The Blueprint: a scaffold whose registrations wait for an application."""

from __future__ import annotations

from collections.abc import Callable
from functools import update_wrapper
from typing import Any
from typing import TYPE_CHECKING

from flaskish_context import StaticFilesMixin
from flaskish_routing import Scaffold
from flaskish_routing import setupmethod
from flaskish_routing.scaffold import EndpointArg
from flaskish_routing.scaffold import FolderArg
from flaskish_routing.scaffold import ViewFunc

from .app_hooks import AppHooksMixin
from .cli_group import attach_commands
from .cli_group import CliGroupOption
from .cli_group import DEFAULT_CLI_GROUP
from .merge import merge_registries
from .nesting import child_options
from .optional import AppGroupAttribute
from .optional import JinjaLoaderMixin
from .setup_state import BlueprintSetupState

if TYPE_CHECKING:
    from .protocol import BlueprintApp

#: A function recorded with :meth:`Blueprint.record`.
DeferredSetupFunction = Callable[[BlueprintSetupState], None]
_LATE_SETUP = (
    "The setup method '{method}' can no longer be called on the blueprint"
    " '{name}'. It has already been registered at least once, any changes will"
    " not be applied consistently.\nMake sure all imports, decorators,"
    " functions, etc. needed to set up the blueprint are done before"
    " registering it."
)


def _validate_name(name: str) -> None:
    problem = (
        "'name' may not be empty."
        if not name
        else "'name' may not contain a dot '.' character."
        if "." in name
        else None
    )
    if problem is not None:
        raise ValueError(problem)


def _first_time_only(func: DeferredSetupFunction) -> DeferredSetupFunction:
    """Wrap ``func`` so that later registrations of the blueprint skip it."""

    def guarded(state: BlueprintSetupState) -> None:
        return func(state) if state.first_registration else None

    return update_wrapper(guarded, func)


class Blueprint(AppHooksMixin, JinjaLoaderMixin, StaticFilesMixin, Scaffold):
    """A set of routes, handlers and hooks to register on an application later.

    It has the application's registration API; every registration is
    recorded and applied by :meth:`register`, once per registration of the
    blueprint, with endpoints prefixed by the blueprint's (dotted) name.
    Its template folder (``jinja_loader``) needs flaskish-templating and its
    ``cli`` flaskish-cli (the extras ``templating`` and ``cli``).
    """

    #: The blueprint's commands, attached to ``app.cli`` at registration.
    cli = AppGroupAttribute()

    def __init__(
        self,
        name: str,
        import_name: str,
        static_folder: FolderArg = None,
        static_url_path: str | None = None,
        template_folder: FolderArg = None,
        url_prefix: str | None = None,
        subdomain: str | None = None,
        url_defaults: dict[str, Any] | None = None,
        root_path: str | None = None,
        cli_group: CliGroupOption = DEFAULT_CLI_GROUP,
    ) -> None:
        _validate_name(name)
        super().__init__(
            import_name, static_folder, static_url_path, template_folder, root_path
        )
        self.name, self.url_prefix, self.subdomain = name, url_prefix, subdomain
        self.cli_group = cli_group
        #: Functions run with the setup state at each registration.
        self.deferred_functions: list[DeferredSetupFunction] = []
        #: Values given to every rule of the blueprint as URL defaults.
        self.url_values_defaults: dict[str, Any] = (
            {} if url_defaults is None else url_defaults
        )
        self._blueprints: list[tuple[Blueprint, dict[str, Any]]] = []
        #: Set by the first :meth:`register`; setup methods are refused after.
        self._got_registered_once = False

    def _check_setup_finished(self, f_name: str) -> None:
        if not self._got_registered_once:
            return
        raise AssertionError(_LATE_SETUP.format(method=f_name, name=self.name))

    @setupmethod
    def record(self, func: DeferredSetupFunction) -> None:
        """Run ``func`` with the :class:`BlueprintSetupState` at every
        registration of this blueprint.
        """
        self.deferred_functions.append(func)

    @setupmethod
    def record_once(self, func: DeferredSetupFunction) -> None:
        """Like :meth:`record`, but run ``func`` only on the first registration
        of this blueprint on an application.
        """
        self.record(_first_time_only(func))

    def make_setup_state(
        self,
        app: BlueprintApp,
        options: dict[str, Any],
        first_registration: bool = False,
    ) -> BlueprintSetupState:
        """Create the state passed to the recorded functions; override to
        use a subclass of :class:`BlueprintSetupState`.
        """
        return BlueprintSetupState(self, app, options, first_registration)

    @setupmethod
    def register_blueprint(self, blueprint: Blueprint, **options: Any) -> None:
        """Nest ``blueprint`` in this one; it is registered (with combined
        name, prefix and subdomain) whenever this one is. ``options`` override
        the nested blueprint's own, as for the application's method.
        """
        if blueprint is self:
            raise ValueError("Cannot register a blueprint on itself")
        self._blueprints.append((blueprint, options))

    def register(self, app: BlueprintApp, options: dict[str, Any]) -> None:
        """Register this blueprint on ``app``; called by the application's
        ``register_blueprint`` with its keyword arguments as ``options``.
        """
        name, first_registration = self._claim_name(app, options)
        self._got_registered_once = True
        state = self.make_setup_state(app, options, first_registration)
        if self.has_static_folder:
            static_rule = f"{self.static_url_path}/<path:filename>"
            state.add_url_rule(static_rule, "static", self.send_static_file)

        # The name was free (checked above), so the registries always merge.
        merge_registries(self, app, name)

        for deferred in self.deferred_functions:
            deferred(state)

        # A blueprint whose ``cli`` was never used has no commands to attach.
        commands = Blueprint.cli.created(self)
        if commands is not None:
            attach_commands(
                commands, app, options.get("cli_group", self.cli_group), name
            )

        for blueprint, nested_options in self._blueprints:
            blueprint.register(
                app, child_options(state, name, blueprint, nested_options)
            )

    def _claim_name(
        self, app: BlueprintApp, options: dict[str, Any]
    ) -> tuple[str, bool]:
        """Store this blueprint in ``app.blueprints`` under its dotted name.

        Returns the name and whether the app saw this object for the first
        time; a name already taken raises :class:`ValueError`.
        """
        own_name: str = options.get("name", self.name)
        name = f"{options.get('name_prefix', '')}.{own_name}".lstrip(".")
        taken_by = app.blueprints.get(name)
        if taken_by is not None:
            which = "this" if taken_by is self else "a different"
            where = "" if own_name == name else f" '{name}'"
            raise ValueError(
                f"The name '{own_name}' is already registered for {which}"
                f" blueprint{where}. Use 'name=' to provide a unique name."
            )
        first = not any(bp is self for bp in app.blueprints.values())
        app.blueprints[name] = self
        return name, first

    @setupmethod
    def add_url_rule(
        self,
        rule: str,
        endpoint: EndpointArg = None,
        view_func: ViewFunc | None = None,
        provide_automatic_options: bool | None = None,
        **options: Any,
    ) -> None:
        """Record a rule, added to the app with the blueprint's URL prefix
        and its name before the endpoint.
        """
        if endpoint and "." in endpoint:
            raise ValueError("'endpoint' may not contain a dot '.' character.")
        if view_func is not None and "." in getattr(view_func, "__name__", ""):
            raise ValueError("'view_func' name may not contain a dot '.' character.")

        def add(state: BlueprintSetupState) -> None:
            state.add_url_rule(
                rule,
                endpoint,
                view_func,
                provide_automatic_options=provide_automatic_options,
                **options,
            )

        self.record(add)
