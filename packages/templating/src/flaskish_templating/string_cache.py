"""A bounded cache of templates compiled from source strings.

Jinja caches templates it loads by name, but ``Environment.from_string``
compiles its source on every call. ``render_template_string`` goes through
:class:`StringTemplateCache` instead, so an identical source is compiled once
per environment and reused until it falls out of the least-recently-used
bound.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from jinja2.utils import LRUCache

if TYPE_CHECKING:
    from jinja2 import Environment
    from jinja2 import Template

#: How many compiled source strings one environment keeps by default.
DEFAULT_STRING_CACHE_SIZE = 128


class StringTemplateCache:
    """Compiled templates of one environment, keyed by their source.

    ``capacity`` bounds the number of entries (least recently used evicted
    first); ``0`` turns caching off. The cache is bound to the environment it
    was made for: an overlay or a replacement environment gets its own, as
    its options (autoescape, syntax) may compile the same source differently.
    """

    def __init__(self, environment: Environment, capacity: int) -> None:
        self.environment = environment
        self.capacity = capacity
        self._templates: LRUCache | None = LRUCache(capacity) if capacity > 0 else None

    def get(self, source: str) -> Template:
        """Return the template compiled from ``source``, compiling on a miss."""
        templates = self._templates
        if templates is None:
            return self.environment.from_string(source)
        template: Template | None = templates.get(source)
        if template is None:
            template = self.environment.from_string(source)
            templates[source] = template
        return template

    def __len__(self) -> int:
        return 0 if self._templates is None else len(self._templates)

    def __contains__(self, source: str) -> bool:
        return self._templates is not None and source in self._templates

    def clear(self) -> None:
        """Forget every compiled template."""
        if self._templates is not None:
            self._templates.clear()


__all__ = ["DEFAULT_STRING_CACHE_SIZE", "StringTemplateCache"]
