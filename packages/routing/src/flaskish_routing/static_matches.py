"""Remembering which static rule a request's URL matched.

A rule without converters or defaults matches one path, and werkzeug
gives the same answer for it every time while the map's rules are the
same: the rule and an empty dict of arguments. :class:`StaticMatchAdapter`
keeps that answer per map, keyed by everything the match reads from the
adapter, and hands out a new arguments dict each time. It does so only for
a :class:`VersionedMap`, which counts the rules added to it, and forgets
every answer when that count changes. Rules with arguments, failed
matches (404, 405, redirects) and calls that override the path, method or
WebSocket flag always go through werkzeug.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from werkzeug.routing import Map
from werkzeug.routing import MapAdapter
from werkzeug.routing import Rule
from werkzeug.routing import RuleFactory

from .bounded import remember

#: Most remembered matches per map; emptied when full (the host part of
#: the key comes from clients).
STATIC_MATCHES_LIMIT = 1024

_MatchKey = tuple[str, "str | None", str, str, bool]

_MEMO_ATTRIBUTE = "_flaskish_static_matches"

_WERKZEUG_UPDATE = Map.update


class VersionedMap(Map):
    """werkzeug's :class:`~werkzeug.routing.Map`, counting the rule
    factories added to it in :attr:`rules_version`.

    The URL map class of flaskish's applications and routers; a subclass
    that overrides :meth:`add` must call it.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        #: Increased by every :meth:`add` (the rules given here included).
        self.rules_version = 0
        super().__init__(*args, **kwargs)

    def add(self, rulefactory: RuleFactory) -> None:
        """Add the rules of ``rulefactory`` (see werkzeug's ``Map.add``)."""
        self.rules_version += 1
        super().add(rulefactory)


class _Memo(dict[_MatchKey, Rule]):
    """Remembered matches, and the map's rules version they were made with."""

    version = -1


def _static_matches(url_map: Map) -> _Memo | None:
    """The map's remembered matches, emptied when rules were added since
    they were made; ``None`` for a map that does not count its rules, or
    that updates itself its own way (werkzeug's ``update`` runs on every
    match; an answer from memory would skip an override)."""
    if not isinstance(url_map, VersionedMap):
        return None
    memo: _Memo | None = url_map.__dict__.get(_MEMO_ATTRIBUTE)
    if memo is None:
        if type(url_map).update is not _WERKZEUG_UPDATE:
            return None
        memo = url_map.__dict__[_MEMO_ATTRIBUTE] = _Memo()
    if memo.version != url_map.rules_version:
        memo.clear()
        memo.version = url_map.rules_version
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
        if path_info is None and method is None and websocket is None:
            url_map = self.map
            # A memo exists only for a map _static_matches accepted.
            memo = url_map.__dict__.get(_MEMO_ATTRIBUTE)
            if memo is not None and memo.version == url_map.rules_version:  # type: ignore[attr-defined]
                key = self._match_key()
                remembered = memo.get(key)
                if remembered is not None:
                    return (remembered if return_rule else remembered.endpoint), {}
                # Not remembered (a rule with arguments, most often): the
                # memo is current, so werkzeug matches straight away.
                rule, args = self._match_and_remember(memo, key, query_args)
                return (rule if return_rule else rule.endpoint), args
        rule, args = self._match_rule(path_info, method, query_args, websocket)
        return (rule if return_rule else rule.endpoint), args

    def _match_key(self) -> _MatchKey:
        own_path = self.path_info
        return (
            self.server_name,
            self.subdomain,
            # werkzeug matches the path with its leading slashes made one.
            f"/{own_path.lstrip('/')}" if own_path else "",
            self.default_method,
            self.websocket,
        )

    def _match_rule(
        self,
        path_info: str | None,
        method: str | None,
        query_args: Mapping[str, Any] | str | None,
        websocket: bool | None,
    ) -> tuple[Rule, Mapping[str, Any]]:
        explicit = path_info is not None or method is not None or websocket is not None
        memo = None if explicit else _static_matches(self.map)
        if memo is None:
            return super().match(path_info, method, True, query_args, websocket)
        key = self._match_key()
        remembered = memo.get(key)
        if remembered is not None:
            return remembered, {}
        return self._match_and_remember(memo, key, query_args)

    def _match_and_remember(
        self, memo: _Memo, key: _MatchKey, query_args: Mapping[str, Any] | str | None
    ) -> tuple[Rule, Mapping[str, Any]]:
        """werkzeug's match of this adapter's own request, whose ``key`` is
        not in the current ``memo``; remembered if it is a static rule."""
        made_with = memo.version
        rule, args = super().match(None, None, True, query_args)
        # Not kept if rules were added meanwhile (by another thread): looking
        # the memo up again brings it to the map's current rules.
        if (
            not rule.arguments
            and not args
            and _static_matches(self.map) is memo
            and memo.version == made_with
        ):
            remember(memo, key, rule, STATIC_MATCHES_LIMIT)
        return rule, args


__all__ = ["STATIC_MATCHES_LIMIT", "StaticMatchAdapter", "VersionedMap"]
