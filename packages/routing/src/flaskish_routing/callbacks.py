"""Calling a list of callbacks where every one must get its turn."""

from __future__ import annotations

from collections.abc import Callable
from collections.abc import Iterable
from typing import Any


def call_all(funcs: Iterable[Callable[..., Any]], *args: Any) -> None:
    """Call each of ``funcs`` with ``args``, even when some of them raise.

    After all were called, the first exception raised (if any) is raised
    again; later ones are dropped. Used for teardown functions, which must
    all run so that every resource gets released.
    """
    first_error: BaseException | None = None
    for func in funcs:
        try:
            func(*args)
        except Exception as e:
            if first_error is None:
                first_error = e
    if first_error is not None:
        raise first_error
