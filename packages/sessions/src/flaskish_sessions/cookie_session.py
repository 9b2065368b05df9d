"""The session object of signed cookie sessions."""

from __future__ import annotations

from collections.abc import Iterator
from collections.abc import Mapping
from typing import Any
from typing import TYPE_CHECKING

from werkzeug.datastructures import CallbackDict

from .mixin import _PERMANENT_KEY
from .mixin import SessionMixin

if TYPE_CHECKING:
    from _collections_abc import dict_items
    from _collections_abc import dict_keys
    from _collections_abc import dict_values


def _record_write(session: SecureCookieSession) -> None:
    session.accessed = True
    session.modified = True


class SecureCookieSession(CallbackDict[str, Any], SessionMixin):
    """A dict that records whether it was read (``accessed``) and
    written (``modified``).

    Every read, including ``in``, ``len()``, iteration, the view
    methods, ``copy()`` and comparison, sets ``accessed``; every change
    (item assignment or deletion, ``setdefault`` of a missing key,
    ``pop`` of a present key, ``popitem``, ``update``, ``|=``, ``clear``)
    sets both flags. ``new`` stays
    ``False``: an empty cookie and no cookie look the same.
    """

    modified = False
    accessed = False

    @property
    def permanent(self) -> bool:
        """Whether the session outlives the browser session.

        Reading it does not count as an access: the session interface reads
        it while saving, which must not add ``Vary: Cookie`` on its own.
        """
        return bool(dict.get(self, _PERMANENT_KEY, False))

    @permanent.setter
    def permanent(self, value: bool) -> None:
        self[_PERMANENT_KEY] = bool(value)

    def __init__(self, initial: Mapping[str, Any] | None = None) -> None:
        super().__init__(initial, _record_write)

    def _note_read(self) -> None:
        self.accessed = True

    def __getitem__(self, key: str) -> Any:
        self._note_read()
        return super().__getitem__(key)

    def get(self, key: str, default: Any = None) -> Any:
        self._note_read()
        return super().get(key, default)

    def setdefault(self, key: str, default: Any = None) -> Any:
        self._note_read()
        return super().setdefault(key, default)

    def __contains__(self, key: object) -> bool:
        self._note_read()
        return super().__contains__(key)

    def __len__(self) -> int:
        self._note_read()
        return super().__len__()

    def __iter__(self) -> Iterator[str]:
        self._note_read()
        return super().__iter__()

    def keys(self) -> dict_keys[str, Any]:
        self._note_read()
        return super().keys()

    def values(self) -> dict_values[str, Any]:
        self._note_read()
        return super().values()

    def items(self) -> dict_items[str, Any]:
        self._note_read()
        return super().items()

    def copy(self) -> dict[str, Any]:
        self._note_read()
        return dict(super().items())

    def __eq__(self, other: object) -> bool:
        self._note_read()
        return super().__eq__(other)

    def __ne__(self, other: object) -> bool:
        self._note_read()
        return super().__ne__(other)

    def __reversed__(self) -> Iterator[str]:
        self._note_read()
        return super().__reversed__()

    __hash__ = None  # type: ignore[assignment]
