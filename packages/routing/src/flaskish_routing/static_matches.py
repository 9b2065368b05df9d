"""Remembering which static rule a request's URL matched.

A rule without converters or defaults matches one path, and werkzeug
gives the same answer for it every time while the map is unchanged:
the rule and an empty dict of arguments. :class:`StaticMatchAdapter` keeps
that answer per map, keyed by everything the match reads from the
adapter, and hands out a new arguments dict each time. Rules with
arguments, failed matches (404, 405, redirects) and calls that override
the path, method or WebSocket flag always go through werkzeug.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from werkzeug.routing import Map
from werkzeug.routing import MapAdapter
from werkzeug.routing import Rule

#: Most remembered matches per map; emptied when full (the host part of
#: the key comes from clients).
STATIC_MATCHES_LIMIT = 1024

_MatchKey = tuple[str, "str | None", str, str, bool]

_MEMO_ATTRIBUTE = "_flaskish_static_matches"


def _static_matches(url_map: Map) -> dict[_MatchKey, Rule]:
    """The map's remembered matches, emptied when rules were added since
    werkzeug last sorted them (``Map.add`` sets ``_remap`` until the next
    match; without the attribute nothing is trusted)."""
    memo: dict[_MatchKey, Rule] | None = url_map.__dict__.get(_MEMO_ATTRIBUTE)
    if memo is None:
        memo = url_map.__dict__[_MEMO_ATTRIBUTE] = {}
    elif getattr(url_map, "_remap", True):
        memo.clear()
    return memo


class StaticMatchAdapter(MapAdapter):
    """A :class:`~werkzeug.routing.MapAdapter` whose :meth:`match`
    remembers matches of static rules (see the module docstring)."""

    def match(
        self,
        path_info: str | None = None,
        method: str | None = None,
        return_rule: bool = False,
        query_args: Mapping[str, Any] | str | None = None,
        websocket: bool | None = None,
    ) -> tuple[Any, Mapping[str, Any]]:
        """werkzeug's match, answered from memory for a static rule matched
        before by the same host, path, method and WebSocket flag."""
        rule: Rule
        args: Mapping[str, Any]
        if path_info is not None or method is not None or websocket is not None:
            rule, args = super().match(path_info, method, True, query_args, websocket)
            return (rule if return_rule else rule.endpoint), args
        memo = _static_matches(self.map)
        key = (
            self.server_name,
            self.subdomain,
            self.path_info,
            self.default_method,
            self.websocket,
        )
        remembered = memo.get(key)
        if remembered is not None:
            rule = remembered
            args = {}
        else:
            rule, args = super().match(None, None, True, query_args)
            if not rule.arguments and not args:
                if len(memo) >= STATIC_MATCHES_LIMIT:
                    memo.clear()
                memo[key] = rule
        return (rule if return_rule else rule.endpoint), args


__all__ = ["STATIC_MATCHES_LIMIT", "StaticMatchAdapter"]
