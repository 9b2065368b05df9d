from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from flaskish_sessions import NullSession
from flaskish_sessions import SecureCookieSession
from flaskish_sessions import SessionMixin

NO_KEY = (
    "The session is unavailable because no secret key was set.  Set the"
    " secret_key on the application to something unique and secret."
)


def fresh() -> SecureCookieSession:
    return SecureCookieSession({"a": 1, "b": 2})


def test_new_session_is_untouched() -> None:
    session = fresh()
    assert (session.accessed, session.modified, session.new) == (False, False, False)
    # The interface reads ``permanent`` while saving: not an access.
    assert session.permanent is False
    assert session.accessed is False
    assert session.modified is False


READS: list[tuple[str, Callable[[SecureCookieSession], Any], Any]] = [
    ("getitem", lambda s: s["a"], 1),
    ("get", lambda s: s.get("b"), 2),
    ("get missing", lambda s: s.get("zz", 9), 9),
    ("in", lambda s: "a" in s, True),
    ("not in", lambda s: "zz" in s, False),
    ("len", len, 2),
    ("bool", bool, True),
    ("iter", list, ["a", "b"]),
    ("keys", lambda s: list(s.keys()), ["a", "b"]),
    ("values", lambda s: list(s.values()), [1, 2]),
    ("items", lambda s: list(s.items()), [("a", 1), ("b", 2)]),
    ("setdefault present", lambda s: s.setdefault("a", 5), 1),
    ("dict copy", dict, {"a": 1, "b": 2}),
    ("copy", lambda s: s.copy(), {"a": 1, "b": 2}),
    ("eq", lambda s: s == {"a": 1, "b": 2}, True),
    ("ne", lambda s: s != {"a": 1}, True),
    ("reversed", lambda s: list(reversed(s)), ["b", "a"]),
    ("pop missing with default", lambda s: s.pop("zz", None), None),
]


@pytest.mark.parametrize(("name", "read", "expected"), READS, ids=[r[0] for r in READS])
def test_reads_mark_accessed_only(
    name: str, read: Callable[[SecureCookieSession], Any], expected: Any
) -> None:
    session = fresh()
    assert read(session) == expected
    assert session.accessed is True
    assert session.modified is False


def test_missing_key_read_still_counts_as_access() -> None:
    session = fresh()
    with pytest.raises(KeyError):
        session["zz"]
    assert session.accessed is True
    assert session.modified is False


WRITES: list[tuple[str, Callable[[SecureCookieSession], Any], dict[str, Any]]] = [
    ("setitem", lambda s: s.__setitem__("c", 3), {"a": 1, "b": 2, "c": 3}),
    ("delitem", lambda s: s.__delitem__("a"), {"b": 2}),
    ("setdefault missing", lambda s: s.setdefault("c", 3), {"a": 1, "b": 2, "c": 3}),
    ("pop", lambda s: s.pop("a"), {"b": 2}),
    ("popitem", lambda s: s.popitem(), {"a": 1}),
    ("update", lambda s: s.update(c=3), {"a": 1, "b": 2, "c": 3}),
    ("clear", lambda s: s.clear(), {}),
    ("ior", lambda s: s.__ior__({"c": 3}), {"a": 1, "b": 2, "c": 3}),
    (
        "permanent",
        lambda s: setattr(s, "permanent", True),
        {"a": 1, "b": 2, "_permanent": True},
    ),
]


@pytest.mark.parametrize(("name", "write", "after"), WRITES, ids=[w[0] for w in WRITES])
def test_writes_mark_modified_and_accessed(
    name: str, write: Callable[[SecureCookieSession], Any], after: dict[str, Any]
) -> None:
    session = fresh()
    write(session)
    assert session.modified is True
    assert session.accessed is True
    assert dict(session) == after


def test_permanent_round_trip() -> None:
    session = SecureCookieSession()
    session.permanent = True
    assert session == {"_permanent": True}
    assert session.permanent is True
    session.permanent = False
    assert session == {"_permanent": False}
    assert session.permanent is False


def test_mixin_defaults_suit_untracked_backends() -> None:
    class PlainSession(dict[str, Any], SessionMixin):  # type: ignore[misc]
        pass

    session = PlainSession()
    assert (session.new, session.modified, session.accessed) == (False, True, True)


@pytest.mark.parametrize(
    "write",
    [
        lambda s: s.__setitem__("a", 1),
        lambda s: s.__delitem__("a"),
        lambda s: s.setdefault("a", 1),
        lambda s: s.pop("a", None),
        lambda s: s.popitem(),
        lambda s: s.update(a=1),
        lambda s: s.clear(),
        lambda s: s.__ior__({"a": 1}),
        lambda s: setattr(s, "permanent", True),
    ],
    ids=[
        "setitem",
        "delitem",
        "setdefault",
        "pop",
        "popitem",
        "update",
        "clear",
        "ior",
        "permanent",
    ],
)
def test_null_session_refuses_every_write(write: Callable[[NullSession], Any]) -> None:
    session = NullSession()
    with pytest.raises(RuntimeError) as info:
        write(session)
    assert str(info.value) == NO_KEY
    assert dict(session) == {}
    assert session.modified is False


def test_null_session_reads_work() -> None:
    session = NullSession()
    assert session.get("a", 3) == 3
    assert "a" not in session
    assert len(session) == 0
    assert session.permanent is False
    assert isinstance(session, SecureCookieSession)
