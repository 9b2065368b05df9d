"""The application's global loader: the app's templates, then its blueprints'."""

from __future__ import annotations

from contextlib import suppress
from itertools import chain
from typing import TYPE_CHECKING

from jinja2 import BaseLoader
from jinja2 import Environment as BaseEnvironment
from jinja2 import TemplateNotFound

from .explain import explain_template_loading_attempts
from .explain import LoadAttempt
from .explain import SourceTriple

if TYPE_CHECKING:
    from collections.abc import Iterable
    from collections.abc import Iterator

    from .protocol import LoaderApp
    from .protocol import TemplateSource


class DispatchingJinjaLoader(BaseLoader):
    """Look a template up in the app's loader, then in each blueprint's.

    Blueprints are searched in registration order (``app.iter_blueprints()``)
    and the first match wins. With ``EXPLAIN_TEMPLATE_LOADING`` set in the
    app's config every loader is tried and the attempts are logged.
    """

    def __init__(self, app: LoaderApp) -> None:
        self.app = app

    def _loaders(self) -> Iterator[tuple[TemplateSource, BaseLoader]]:
        """The app and each blueprint that has a loader, with that loader."""
        app = self.app
        owners: Iterable[TemplateSource] = chain((app,), app.iter_blueprints())
        for owner in owners:
            loader = owner.jinja_loader
            if loader is not None:
                yield owner, loader

    def get_source(self, environment: BaseEnvironment, template: str) -> SourceTriple:
        if self.app.config["EXPLAIN_TEMPLATE_LOADING"]:
            return self._get_source_explained(environment, template)
        for _owner, loader in self._loaders():
            with suppress(TemplateNotFound):
                return loader.get_source(environment, template)
        raise TemplateNotFound(template)

    def _get_source_explained(
        self, environment: BaseEnvironment, template: str
    ) -> SourceTriple:
        attempts: list[LoadAttempt] = []
        first: SourceTriple | None = None
        for owner, loader in self._loaders():
            result: SourceTriple | None
            try:
                result = loader.get_source(environment, template)
            except TemplateNotFound:
                result = None
            else:
                if first is None:
                    first = result
            attempts.append((loader, owner, result))
        explain_template_loading_attempts(self.app, template, attempts)
        if first is None:
            raise TemplateNotFound(template)
        return first

    def list_templates(self) -> list[str]:
        names: set[str] = set()
        for _owner, loader in self._loaders():
            names.update(loader.list_templates())
        return list(names)


__all__ = ["DispatchingJinjaLoader"]
