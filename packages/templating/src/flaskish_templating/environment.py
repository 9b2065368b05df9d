"""The Jinja environment of an application."""

from __future__ import annotations

from collections import ChainMap
from collections.abc import MutableMapping
from typing import Any
from typing import TYPE_CHECKING

from jinja2 import Environment as BaseEnvironment
from jinja2 import nodes
from jinja2 import Template

from .context import TemplateContext
from .string_cache import DEFAULT_STRING_CACHE_SIZE
from .string_cache import StringTemplateCache
from .template_globals import TemplateGlobals

if TYPE_CHECKING:
    from .protocol import EnvironmentApp


#: Names a plain ``dict`` has as attributes; ``{{ d.items }}`` means the method.
_DICT_ATTRIBUTES = frozenset(dir(dict))


class Environment(BaseEnvironment):
    """A Jinja environment that knows its application.

    Unless a ``loader`` is given, it loads templates through
    ``app.create_global_jinja_loader()``, which searches the app and its
    blueprints. :meth:`from_string_cached` compiles each distinct source once.
    """

    #: Calls plain functions and methods without Jinja's per-call mark lookups.
    context_class = TemplateContext

    #: Bound of the per-environment cache used by :meth:`from_string_cached`
    #: (least recently used sources are evicted first; ``0`` disables it).
    string_cache_size: int = DEFAULT_STRING_CACHE_SIZE

    def __init__(self, app: EnvironmentApp, **options: Any) -> None:
        if "loader" not in options:
            options["loader"] = app.create_global_jinja_loader()
        super().__init__(**options)
        self.app = app
        self._string_cache = StringTemplateCache(self, self.string_cache_size)

    @property
    def string_cache(self) -> StringTemplateCache:
        """The compiled-source cache of this environment (not of its parent)."""
        cache = self._string_cache
        # overlay() copies attributes from the parent environment, cache included.
        if cache.environment is not self:
            cache = self._string_cache = StringTemplateCache(
                self, self.string_cache_size
            )
        return cache

    def getattr(self, obj: Any, attribute: str) -> Any:
        """``obj.attribute`` in a template, as Jinja resolves it, with a
        direct lookup for plain dicts.

        Jinja tries the attribute, then the item; for a ``dict`` the
        attribute lookup fails (raising and catching an exception) for every
        key that is not a ``dict`` method, which is most of the cost of
        ``{{ item.name }}``. The result is the same.
        """
        if type(obj) is dict and attribute not in _DICT_ATTRIBUTES:
            try:
                return obj[attribute]
            except KeyError:
                return self.undefined(obj=obj, name=attribute)
        return super().getattr(obj, attribute)

    def make_globals(
        self, d: MutableMapping[str, Any] | None
    ) -> MutableMapping[str, Any]:
        """Jinja's globals of a template (its own over the environment's),
        as a :class:`~.template_globals.TemplateGlobals`."""
        layers = super().make_globals(d)
        if type(layers) is ChainMap:
            return TemplateGlobals(*layers.maps)
        return layers

    def from_string_cached(self, source: str | nodes.Template) -> Template:
        """Like :meth:`from_string`, reusing the template of an identical source."""
        if isinstance(source, str):
            return self.string_cache.get(source)
        return self.from_string(source)


__all__ = ["Environment"]
