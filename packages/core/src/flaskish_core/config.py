"""Application configuration: the :class:`Config` mapping and its loaders."""

from __future__ import annotations

import errno
import json
import os
import types
import typing as t

from werkzeug.utils import import_string

from flaskish_sessions import DEFAULT_SESSION_CONFIG

_T = t.TypeVar("_T")
_Convert = t.Callable[[t.Any], _T]

_PathLike: t.TypeAlias = "str | os.PathLike[str]"
_Loader: t.TypeAlias = "t.Callable[[t.IO[t.Any]], t.Mapping[str, t.Any]]"

# Keys whose default is ``None`` ("decide from other settings") or ``False``.
_UNSET_BY_DEFAULT = (
    "DEBUG",
    "PROPAGATE_EXCEPTIONS",
    "TRUSTED_HOSTS",
    "SERVER_NAME",
    "MAX_CONTENT_LENGTH",
    "SEND_FILE_MAX_AGE_DEFAULT",
    "TRAP_BAD_REQUEST_ERRORS",
    "TEMPLATES_AUTO_RELOAD",
)
_OFF_BY_DEFAULT = (
    "TESTING",
    "USE_X_SENDFILE",
    "TRAP_HTTP_EXCEPTIONS",
    "EXPLAIN_TEMPLATE_LOADING",
)

#: Every configuration key a fresh application starts with, and its value.
DEFAULT_CONFIG: dict[str, t.Any] = {
    **dict.fromkeys(_UNSET_BY_DEFAULT),
    **dict.fromkeys(_OFF_BY_DEFAULT, False),
    "PROVIDE_AUTOMATIC_OPTIONS": True,
    "PREFERRED_URL_SCHEME": "http",
    # Limits: form bytes kept in memory, multipart parts, cookie size.
    "MAX_FORM_MEMORY_SIZE": 500_000,
    "MAX_FORM_PARTS": 1_000,
    "MAX_COOKIE_SIZE": 4093,
    # The session keys and their defaults belong to the session component.
    **DEFAULT_SESSION_CONFIG,
}

_MISSING_FILE = (errno.ENOENT, errno.EISDIR)


def _upper(names: t.Iterable[str]) -> list[str]:
    """The uppercase ones of ``names``: those a config takes."""
    return [name for name in names if name.isupper()]


def _decoded(raw: str, loads: t.Callable[[str], t.Any]) -> t.Any:
    try:
        return loads(raw)
    except Exception:
        return raw


class _HasConfig(t.Protocol):
    config: dict[str, t.Any]


class ConfigAttribute(t.Generic[_T]):
    """A class attribute that reads and writes one key of ``obj.config``.

    ``get_converter``, when given, is applied to the stored value on read.
    """

    def __init__(self, name: str, get_converter: _Convert[_T] | None = None) -> None:
        self.get_converter = get_converter
        #: The config key.
        self.__name__ = name

    @t.overload
    def __get__(self, obj: None, owner: type[t.Any] | None = None) -> t.Self: ...

    @t.overload
    def __get__(self, obj: _HasConfig, owner: type[t.Any] | None = None) -> _T: ...

    def __get__(
        self, obj: _HasConfig | None, owner: type[t.Any] | None = None
    ) -> _T | t.Self:
        if obj is None:
            return self
        convert = self.get_converter
        value = obj.config[self.__name__]
        return value if convert is None else convert(value)

    def __set__(self, obj: _HasConfig, value: t.Any) -> None:
        obj.config[self.__name__] = value


def _load_failed(exc: OSError, silent: bool, ignored: tuple[int, ...]) -> bool:
    """Decide what a loader does with ``exc``: ``False`` to report a silent
    miss, otherwise re-raise it with an explanatory message."""
    if silent and exc.errno in ignored:
        return False
    exc.strerror = f"Unable to load configuration file ({exc.strerror})"
    raise exc


def _read(path: str, mode: str, read: t.Callable[[t.IO[t.Any]], _T]) -> _T:
    with open(path, mode) as handle:
        return read(handle)


class Config(dict):  # type: ignore[type-arg]
    """A ``dict`` of configuration values with helpers that load them from
    Python files, objects, environment variables and data files.

    Only uppercase keys are taken from objects, files and mappings, so
    helper names and lowercase locals in a config module are ignored.
    Relative file names are resolved against ``root_path``.
    """

    def __init__(
        self, root_path: _PathLike, defaults: dict[str, t.Any] | None = None
    ) -> None:
        super().__init__()
        #: Relative file names given to the loaders start here.
        self.root_path = root_path
        if defaults:
            self.update(defaults)

    def from_envvar(self, variable_name: str, silent: bool = False) -> bool:
        """Load the Python config file named by environment variable
        ``variable_name`` (see :meth:`from_pyfile`)."""
        path = os.environ.get(variable_name)
        if path:
            return self.from_pyfile(path, silent=silent)
        if silent:
            return False
        raise RuntimeError(
            f"The environment variable {variable_name!r} is not set and as"
            " such configuration could not be loaded. Set this variable and"
            " make it point to a configuration file"
        )

    def from_prefixed_env(
        self, prefix: str = "FLASK", *, loads: t.Callable[[str], t.Any] = json.loads
    ) -> bool:
        """Load every environment variable named ``{prefix}_KEY`` as ``KEY``.

        Variables are read in sorted order. Each value goes through
        ``loads`` (JSON by default) and stays a string when that fails.
        ``A__B`` sets key ``B`` of the nested dict ``A``, creating missing
        intermediate dicts.
        """
        start = f"{prefix}_"
        environ = os.environ
        for name in sorted(key for key in environ if key.startswith(start)):
            *parents, leaf = name[len(start) :].split("__")
            target: t.Any = self
            for part in parents:
                target = target.setdefault(part, {})
            target[leaf] = _decoded(environ[name], loads)
        return True

    def from_pyfile(self, filename: _PathLike, silent: bool = False) -> bool:
        """Execute a Python file and load its uppercase globals.

        With ``silent``, a missing file (or a directory) returns ``False``.
        """
        path = os.path.join(self.root_path, filename)

        def compiled(handle: t.IO[bytes]) -> types.CodeType:
            return compile(handle.read(), path, "exec")

        try:
            code = _read(path, "rb", compiled)
        except OSError as exc:
            return _load_failed(exc, silent, (*_MISSING_FILE, errno.ENOTDIR))
        module = types.ModuleType("config")
        module.__file__ = str(path)
        exec(code, module.__dict__)
        self.from_object(module)
        return True

    def from_object(self, obj: object | str) -> None:
        """Load the uppercase attributes of ``obj``, a module, class or
        instance, or an import string naming one."""
        source = import_string(obj) if isinstance(obj, str) else obj
        self.update({name: getattr(source, name) for name in _upper(dir(source))})

    def from_file(
        self,
        filename: _PathLike,
        load: _Loader,
        silent: bool = False,
        text: bool = True,
    ) -> bool:
        """Load a data file with ``load`` (``json.load``, ``tomllib.load``,
        ...) and update from the mapping it returns, uppercase keys only.

        ``text=False`` opens the file in binary mode, as ``tomllib`` needs.
        """
        path = os.path.join(self.root_path, filename)
        try:
            data = _read(path, "r" if text else "rb", load)
        except OSError as exc:
            return _load_failed(exc, silent, _MISSING_FILE)
        return self.from_mapping(data)

    def from_mapping(
        self, mapping: t.Mapping[str, t.Any] | None = None, **kwargs: t.Any
    ) -> bool:
        """Update from ``mapping`` and keyword arguments, uppercase keys
        only. Always returns ``True``."""
        for source in (dict(mapping or ()), kwargs):
            self.update({key: source[key] for key in _upper(source)})
        return True

    def get_namespace(
        self, namespace: str, lowercase: bool = True, trim_namespace: bool = True
    ) -> dict[str, t.Any]:
        """Return the items whose key starts with ``namespace``, with the
        prefix removed (``trim_namespace``) and keys lowercased
        (``lowercase``)."""
        cut = len(namespace) if trim_namespace else 0
        found: dict[str, t.Any] = {}
        for key, value in self.items():
            if key.startswith(namespace):
                name = key[cut:]
                found[name.lower() if lowercase else name] = value
        return found

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {dict.__repr__(self)}>"


__all__ = ["DEFAULT_CONFIG", "Config", "ConfigAttribute"]
