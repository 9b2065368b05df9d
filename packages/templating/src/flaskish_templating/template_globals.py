"""The globals mapping of each template, with lookups that do not raise."""

from __future__ import annotations

from collections import ChainMap
from typing import Any


class TemplateGlobals(ChainMap[str, Any]):
    """Jinja's ``ChainMap`` of a template's own globals over the
    environment's, looking a key up with ``in`` in each plain ``dict`` layer.

    ``ChainMap`` tries each layer's ``[key]`` and catches the ``KeyError``;
    a name from the environment (``url_for``, ``config``, ``range`` ...) is
    missing from the template's own layer, and Jinja copies every global
    into the context of each render. For an exact ``dict`` a key is found by
    ``[key]`` exactly when it is ``in`` it, so the result is the same; other
    mappings (a ``defaultdict``, a custom class) are asked as ChainMap does.
    """

    def __getitem__(self, key: str) -> Any:
        for mapping in self.maps:
            if type(mapping) is dict:
                if key in mapping:
                    return mapping[key]
            else:
                try:
                    return mapping[key]
                except KeyError:
                    pass
        return self.__missing__(key)


__all__ = ["TemplateGlobals"]
