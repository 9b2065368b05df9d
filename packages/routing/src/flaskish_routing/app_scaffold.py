"""The scaffold of an object that owns a URL map: the router and the app."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from functools import cached_property
from typing import Any

from werkzeug.routing import Map
from werkzeug.routing import Rule

from .conversion import ResponseConversion
from .pipeline import PipelineSteps
from .scaffold import _endpoint_from_view_func
from .scaffold import EndpointArg
from .scaffold import FolderArg
from .scaffold import Scaffold
from .scaffold import setupmethod
from .scaffold import ViewFunc
from .static_matches import VersionedMap

_SETUP_OVER = (
    "The setup method '{}' can no longer be called on the application. It has"
    " already handled its first request, any changes will not be applied"
    " consistently.\nMake sure all imports, decorators, functions, etc. needed"
    " to set up the application are done before running it."
)


def _allowed_methods(view_func: ViewFunc | None, given: Any) -> set[str]:
    """The upper-cased methods of a new rule: ``given``, else the view's
    ``methods``, else ``GET``.
    """
    default = getattr(view_func, "methods", None) or ("GET",)
    names = default if given is None else given
    if isinstance(names, str):
        raise TypeError(
            'Allowed methods must be a list of strings, for example: @app.route(..., methods=["POST"])'
        )
    return {str(name).upper() for name in names}


class AppScaffold(PipelineSteps, ResponseConversion, Scaffold):
    """Registration onto a URL map plus the steps of the request pipeline.

    The pipeline steps take everything they need as arguments (the
    endpoint, the request's blueprints) so that the standalone
    :class:`~flaskish_routing.Router` and a full application share them.
    """

    url_rule_class: type[Rule] = Rule
    url_map_class: type[Map] = VersionedMap

    def __init__(
        self,
        import_name: str,
        static_url_path: str | None = None,
        static_folder: FolderArg = "static",
        template_folder: FolderArg = None,
        root_path: str | None = None,
        host_matching: bool = False,
    ) -> None:
        # The next __init__ in every subclass's MRO is Scaffold's.
        super().__init__(
            import_name, static_folder, static_url_path, template_folder, root_path
        )
        #: The werkzeug map every rule is added to.
        self.url_map = self.url_map_class(host_matching=host_matching)
        #: Registered blueprints by (dotted) name, in registration order.
        self.blueprints: dict[str, Any] = {}
        self._got_first_request = False

    @cached_property
    def name(self) -> str:  # type: ignore[override]  # settable, as the attribute
        """The import name; for ``"__main__"``, the stem of the script run."""
        if self.import_name != "__main__":
            return self.import_name
        script: str | None = getattr(sys.modules["__main__"], "__file__", None)
        if script is None:
            return "__main__"
        return os.path.splitext(os.path.basename(script))[0]

    def _check_setup_finished(self, f_name: str) -> None:
        if not self._got_first_request:
            return
        raise AssertionError(_SETUP_OVER.format(f_name))

    def _automatic_options_default(self) -> bool:
        config = getattr(self, "config", None)
        if config is None:
            return True
        return bool(config.get("PROVIDE_AUTOMATIC_OPTIONS", True))

    @setupmethod
    def add_url_rule(
        self,
        rule: str,
        endpoint: EndpointArg = None,
        view_func: ViewFunc | None = None,
        provide_automatic_options: bool | None = None,
        **options: Any,
    ) -> None:
        """Add a rule for ``endpoint`` (by default the view's name) to the
        URL map and record ``view_func`` as its view.

        ``methods`` comes from ``options``, then from ``view_func.methods``,
        then defaults to ``GET``. ``OPTIONS`` is answered automatically unless
        the view handles it or ``provide_automatic_options`` says otherwise;
        the view's ``required_methods`` are always added.
        """
        if endpoint is None:
            endpoint = _endpoint_from_view_func(view_func)
        methods = _allowed_methods(view_func, options.pop("methods", None))

        automatic = provide_automatic_options
        if automatic is None:
            automatic = getattr(view_func, "provide_automatic_options", None)
        if automatic is None:
            # Left to the app: only when the view does not list OPTIONS itself.
            automatic = "OPTIONS" not in methods and self._automatic_options_default()
            if automatic:
                methods.add("OPTIONS")
        methods.update(getattr(view_func, "required_methods", ()))

        new_rule = self.url_rule_class(
            rule, methods=methods, endpoint=endpoint, **options
        )
        new_rule.provide_automatic_options = automatic  # type: ignore[attr-defined]
        self.url_map.add(new_rule)
        if view_func is not None:
            self._record_view(endpoint, view_func)

    def _record_view(self, endpoint: str, view_func: ViewFunc) -> None:
        """Map ``endpoint`` to ``view_func``; another view already there is an error."""
        if self.view_functions.get(endpoint, view_func) != view_func:
            raise AssertionError(
                f"View function mapping is overwriting an existing endpoint function: {endpoint}"
            )
        self.view_functions[endpoint] = view_func

    @setupmethod
    def register_blueprint(self, blueprint: Any, **options: Any) -> None:
        """Register ``blueprint``; ``options`` (``url_prefix``, ``subdomain``,
        ``url_defaults``, ``name``, ...) override the blueprint's own.
        """
        blueprint.register(self, options)

    def iter_blueprints(self) -> Iterable[Any]:
        """The registered blueprints, in registration order."""
        return self.blueprints.values()
