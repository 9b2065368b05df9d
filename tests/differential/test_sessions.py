"""Session cookies and every session operation, on generated inputs.

Compared: status, body (the session contents the view saw), every header
(``Set-Cookie`` byte for byte but for ``Expires``, ``Vary``), exceptions.
"""

from __future__ import annotations

from typing import Any

from hypothesis import assume
from hypothesis import given
from hypothesis import strategies as st
from itsdangerous.timed import TimestampSigner

from .harness import build
from .harness import cookie_signer
from .harness import FALLBACK_KEY
from .harness import NOW
from .harness import observe
from .harness import same
from .harness import SECRET_KEY
from .known import excluded
from .strategies import cookie_garbage
from .strategies import json_values
from .strategies import session_dicts
from .strategies import session_values

_SIGNERS = {
    "right key": cookie_signer(SECRET_KEY),
    "fallback key": cookie_signer(FALLBACK_KEY),
    "wrong key": cookie_signer("not-the-key"),
}
_MONTH = 31 * 24 * 3600

#: What a request can do to the session, in the order generated.
OPERATIONS = [
    "read",
    "get-missing",
    "write",
    "write-same",
    "delete",
    "pop-missing",
    "clear",
    "permanent-on",
    "permanent-off",
    "modified",
    "mutate-nested",
]


def _run(session: Any, operation: str) -> str:
    if operation == "read":
        return repr(sorted(session.items()))
    if operation == "get-missing":
        return repr(session.get("missing"))
    if operation == "write":
        session["written"] = [1, "two"]
    elif operation == "write-same":
        session["k"] = session.get("k")
    elif operation == "delete":
        session.pop("k", None)
    elif operation == "pop-missing":
        session.pop("missing", None)
    elif operation == "clear":
        session.clear()
    elif operation == "permanent-on":
        session.permanent = True
    elif operation == "permanent-off":
        session.permanent = False
    elif operation == "modified":
        session.modified = True
    elif operation == "mutate-nested":
        session.get("nested", []).append(1)
    return ""


def _routes(app: Any, framework: Any) -> None:
    @app.route("/", methods=["GET", "POST"])
    def operate() -> str:
        operations = framework.request.headers.get("X-Ops", "")
        parts = [
            _run(framework.session, name) for name in operations.split(",") if name
        ]
        return "|".join(parts)

    @app.route("/untouched")
    def untouched() -> str:
        return "no session"


#: Cookie settings a test may run under.
COOKIE_CONFIGS: list[dict[str, Any]] = [
    {},
    {"SESSION_COOKIE_SAMESITE": "Lax", "SESSION_COOKIE_SECURE": True},
    {"SESSION_COOKIE_DOMAIN": "example.test", "SESSION_COOKIE_PATH": "/app"},
    {"APPLICATION_ROOT": "/root", "SESSION_COOKIE_HTTPONLY": False},
    {"SESSION_COOKIE_PARTITIONED": True, "SESSION_COOKIE_SECURE": True},
    {"SESSION_COOKIE_NAME": "other", "PERMANENT_SESSION_LIFETIME": 30},
]
_APPS: dict[tuple[bool, bool, int], dict[str, Any]] = {}


def _apps(refresh: bool, permanent: bool, config: int = 0) -> dict[str, Any]:
    key = (refresh, permanent, config)
    if key not in _APPS:
        _APPS[key] = build(
            _routes,
            SESSION_REFRESH_EACH_REQUEST=refresh,
            SESSION_PERMANENT=permanent,
            **COOKIE_CONFIGS[config],
        )
    return _APPS[key]


_incoming = st.one_of(
    st.just(None),
    st.tuples(
        st.sampled_from(sorted(_SIGNERS)),
        session_dicts,
        st.booleans(),  # stored as permanent
        st.sampled_from([0, 60, _MONTH + 60]),  # age of the signature
    ),
    cookie_garbage.map(lambda text: ("garbage", text)),
    # Signed with the key, but not an object (only the key holder can make it).
    json_values.filter(lambda value: not isinstance(value, dict)).map(
        lambda value: ("right key", value, False, 0)
    ),
)


def _cookie_header(incoming: Any, name: str = "session") -> dict[str, str]:
    if incoming is None:
        return {}
    if incoming[0] == "garbage":
        return {"Cookie": f"{name}={incoming[1]}"}
    kind, data, permanent, age = incoming
    signer = _SIGNERS[kind]
    payload = dict(data) if isinstance(data, dict) else data
    if permanent:
        payload["_permanent"] = True
    value = signer.dumps(payload)
    if age:
        # Re-sign with an older timestamp.
        original = TimestampSigner.get_timestamp
        TimestampSigner.get_timestamp = lambda self: NOW - age  # type: ignore[method-assign]
        try:
            value = signer.dumps(payload)
        finally:
            TimestampSigner.get_timestamp = original  # type: ignore[method-assign]
    return {"Cookie": f"{name}={value}"}


@given(
    incoming=_incoming,
    operations=st.lists(st.sampled_from(OPERATIONS), max_size=4),
    refresh=st.booleans(),
    permanent=st.booleans(),
    path=st.sampled_from(["/", "/untouched"]),
    config=st.sampled_from(range(len(COOKIE_CONFIGS))),
)
def test_session_operations(
    incoming: Any,
    operations: list[str],
    refresh: bool,
    permanent: bool,
    path: str,
    config: int,
) -> None:
    assume(not excluded("session cookie", incoming=incoming))
    apps = _apps(refresh, permanent, config)
    name = COOKIE_CONFIGS[config].get("SESSION_COOKIE_NAME", "session")
    headers = {**_cookie_header(incoming, name), "X-Ops": ",".join(operations)}
    same({name: observe(app, path, headers=headers) for name, app in apps.items()})


@given(data=session_dicts, extra=session_values, refresh=st.booleans())
def test_generated_session_data_is_written_and_read_alike(
    data: dict[str, Any], extra: Any, refresh: bool
) -> None:
    apps = _apps(refresh, False)

    # Stored by the right key, then changed and written back by each app.
    headers = {
        **_cookie_header(("right key", data, False, 0)),
        "X-Ops": "read,write,read",
    }
    same({name: observe(app, "/", headers=headers) for name, app in apps.items()})
    headers = {
        **_cookie_header(("right key", {"k": extra}, False, 0)),
        "X-Ops": "read,write-same,read",
    }
    same({name: observe(app, "/", headers=headers) for name, app in apps.items()})
