"""The Blueprint: a scaffold whose registrations wait for an application."""

from __future__ import annotations

import os
from collections.abc import Callable
from functools import update_wrapper
from typing import Any
from typing import TYPE_CHECKING

from flaskish_cli import AppGroup
from flaskish_context import StaticFilesMixin
from flaskish_routing import Scaffold
from flaskish_routing import setupmethod
from flaskish_templating import JinjaLoaderMixin

from .app_hooks import AppHooksMixin
from .cli_group import attach_commands
from .cli_group import CliGroupOption
from .cli_group import DEFAULT_CLI_GROUP
from .merge import merge_registries
from .nesting import child_options
from .setup_state import BlueprintSetupState

if TYPE_CHECKING:
    from .protocol import BlueprintApp

#: A function recorded with :meth:`Blueprint.record`.
DeferredSetupFunction = Callable[[BlueprintSetupState], None]


class Blueprint(AppHooksMixin, JinjaLoaderMixin, StaticFilesMixin, Scaffold):
    """A set of routes, handlers and hooks to register on an application later.

    It has the application's registration API; every registration is
    recorded and applied by :meth:`register`, once per registration of the
    blueprint, with endpoints prefixed by the blueprint's (dotted) name.
    """

    #: Set by the first :meth:`register`; setup methods are refused after.
    _got_registered_once = False

    def __init__(
        self,
        name: str,
        import_name: str,
        static_folder: str | os.PathLike[str] | None = None,
        static_url_path: str | None = None,
        template_folder: str | os.PathLike[str] | None = None,
        url_prefix: str | None = None,
        subdomain: str | None = None,
        url_defaults: dict[str, Any] | None = None,
        root_path: str | None = None,
        cli_group: CliGroupOption = DEFAULT_CLI_GROUP,
    ) -> None:
        super().__init__(
            import_name=import_name,
            static_folder=static_folder,
            static_url_path=static_url_path,
            template_folder=template_folder,
            root_path=root_path,
        )
        if not name:
            raise ValueError("'name' may not be empty.")
        if "." in name:
            raise ValueError("'name' may not contain a dot '.' character.")

        self.name = name
        self.url_prefix = url_prefix
        self.subdomain = subdomain
        #: Functions run with the setup state at each registration.
        self.deferred_functions: list[DeferredSetupFunction] = []
        self.url_values_defaults: dict[str, Any] = (
            {} if url_defaults is None else url_defaults
        )
        self.cli_group = cli_group
        #: The blueprint's commands, attached to ``app.cli`` at registration.
        self.cli = AppGroup(name)
        self._blueprints: list[tuple[Blueprint, dict[str, Any]]] = []

    def _check_setup_finished(self, f_name: str) -> None:
        if self._got_registered_once:
            raise AssertionError(
                f"The setup method '{f_name}' can no longer be called on the"
                f" blueprint '{self.name}'. It has already been registered at"
                " least once, any changes will not be applied consistently.\n"
                "Make sure all imports, decorators, functions, etc. needed to"
                " set up the blueprint are done before registering it."
            )

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

        def on_first_registration(state: BlueprintSetupState) -> None:
            if state.first_registration:
                func(state)

        self.record(update_wrapper(on_first_registration, func))

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
        own_name: str = options.get("name", self.name)
        name = f"{options.get('name_prefix', '')}.{own_name}".lstrip(".")

        registered = app.blueprints.get(name)
        if registered is not None:
            which = "this" if registered is self else "a different"
            where = f" '{name}'" if own_name != name else ""
            raise ValueError(
                f"The name '{own_name}' is already registered for {which}"
                f" blueprint{where}. Use 'name=' to provide a unique name."
            )

        first_registration = all(bp is not self for bp in app.blueprints.values())
        app.blueprints[name] = self
        self._got_registered_once = True
        state = self.make_setup_state(app, options, first_registration)

        if self.has_static_folder:
            state.add_url_rule(
                f"{self.static_url_path}/<path:filename>",
                view_func=self.send_static_file,
                endpoint="static",
            )

        # The name was free (checked above), so the registries always merge.
        merge_registries(self, app, name)

        for deferred in self.deferred_functions:
            deferred(state)

        attach_commands(self.cli, app, options.get("cli_group", self.cli_group), name)

        for blueprint, nested_options in self._blueprints:
            blueprint.register(
                app, child_options(state, name, blueprint, nested_options)
            )

    @setupmethod
    def add_url_rule(
        self,
        rule: str,
        endpoint: str | None = None,
        view_func: Callable[..., Any] | None = None,
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
