from __future__ import annotations

import json
import os
import tomllib
from datetime import timedelta
from pathlib import Path

import pytest

from flaskish_core.config import Config
from flaskish_core.config import ConfigAttribute
from flaskish_core.config import DEFAULT_CONFIG


def test_default_config_has_every_key_and_value() -> None:
    modes = {"DEBUG": None, "TESTING": False, "PROPAGATE_EXCEPTIONS": None}
    errors = {"TRAP_HTTP_EXCEPTIONS": False, "TRAP_BAD_REQUEST_ERRORS": None}
    urls = {
        "SERVER_NAME": None,
        "APPLICATION_ROOT": "/",
        "PREFERRED_URL_SCHEME": "http",
        "TRUSTED_HOSTS": None,
        "PROVIDE_AUTOMATIC_OPTIONS": True,
    }
    limits = {
        "MAX_CONTENT_LENGTH": None,
        "MAX_FORM_MEMORY_SIZE": 500_000,
        "MAX_FORM_PARTS": 1_000,
        "MAX_COOKIE_SIZE": 4093,
    }
    secrets = {"SECRET_KEY": None, "SECRET_KEY_FALLBACKS": None}
    cookie = {
        f"SESSION_COOKIE_{name}": value
        for name, value in [
            ("NAME", "session"),
            ("DOMAIN", None),
            ("PATH", None),
            ("SECURE", False),
            ("HTTPONLY", True),
            ("SAMESITE", None),
            ("PARTITIONED", False),
        ]
    }
    session = {
        "PERMANENT_SESSION_LIFETIME": timedelta(days=31),
        "SESSION_REFRESH_EACH_REQUEST": True,
    }
    files = {"SEND_FILE_MAX_AGE_DEFAULT": None, "USE_X_SENDFILE": False}
    templates = {"TEMPLATES_AUTO_RELOAD": None, "EXPLAIN_TEMPLATE_LOADING": False}
    expected = {
        **modes,
        **errors,
        **urls,
        **limits,
        **secrets,
        **cookie,
        **session,
        **files,
        **templates,
    }
    assert expected == DEFAULT_CONFIG


def test_defaults_are_copied_not_shared(tmp_path: Path) -> None:
    config = Config(tmp_path, DEFAULT_CONFIG)
    config["DEBUG"] = True
    assert DEFAULT_CONFIG["DEBUG"] is None
    assert config.root_path == tmp_path
    assert Config(tmp_path) == {}


def test_repr() -> None:
    assert repr(Config("/", {"A": 1})) == "<Config {'A': 1}>"


def test_from_pyfile_loads_uppercase_names_only(tmp_path: Path) -> None:
    (tmp_path / "settings.py").write_text(
        "SECRET_KEY = 'dev'\nlower = 1\nMixed = 2\nPATH = __file__\n"
    )
    config = Config(tmp_path)
    assert config.from_pyfile("settings.py") is True
    assert config == {"SECRET_KEY": "dev", "PATH": str(tmp_path / "settings.py")}


def test_from_pyfile_missing_file(tmp_path: Path) -> None:
    config = Config(tmp_path)
    assert config.from_pyfile("missing.py", silent=True) is False
    assert config.from_pyfile(tmp_path, silent=True) is False  # a directory
    with pytest.raises(OSError) as info:
        config.from_pyfile("missing.py")
    assert info.value.strerror == (
        "Unable to load configuration file (No such file or directory)"
    )
    assert str(info.value).endswith("missing.py'")


def test_from_pyfile_syntax_error_propagates(tmp_path: Path) -> None:
    (tmp_path / "broken.py").write_text("X = (\n")
    with pytest.raises(SyntaxError):
        Config(tmp_path).from_pyfile("broken.py", silent=True)


def test_from_envvar(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "cfg.py").write_text("TESTING = True\n")
    config = Config(tmp_path)
    monkeypatch.delenv("APP_SETTINGS", raising=False)
    assert config.from_envvar("APP_SETTINGS", silent=True) is False
    with pytest.raises(RuntimeError) as info:
        config.from_envvar("APP_SETTINGS")
    assert str(info.value) == (
        "The environment variable 'APP_SETTINGS' is not set and as such"
        " configuration could not be loaded. Set this variable and make it"
        " point to a configuration file"
    )
    monkeypatch.setenv("APP_SETTINGS", "")
    assert config.from_envvar("APP_SETTINGS", silent=True) is False
    monkeypatch.setenv("APP_SETTINGS", str(tmp_path / "cfg.py"))
    assert config.from_envvar("APP_SETTINGS") is True
    assert config == {"TESTING": True}
    monkeypatch.setenv("APP_SETTINGS", str(tmp_path / "nope.py"))
    assert config.from_envvar("APP_SETTINGS", silent=True) is False
    with pytest.raises(FileNotFoundError):
        config.from_envvar("APP_SETTINGS")


def test_from_prefixed_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in [key for key in os.environ if key.startswith("FLASK_")]:
        monkeypatch.delenv(name)
    monkeypatch.setenv("FLASK_STRING", "plain words")
    monkeypatch.setenv("FLASK_BOOL", "true")
    monkeypatch.setenv("FLASK_INT", "3")
    monkeypatch.setenv("FLASK_LIST", "[1, 2]")
    monkeypatch.setenv("FLASK_DICT", '{"k": null}')
    monkeypatch.setenv("OTHER_INT", "4")
    config = Config("/")
    assert config.from_prefixed_env() is True
    assert config == {
        "STRING": "plain words",
        "BOOL": True,
        "INT": 3,
        "LIST": [1, 2],
        "DICT": {"k": None},
    }


def test_from_prefixed_env_custom_prefix_and_loads(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("APP_A", "1")
    monkeypatch.setenv("APP_B", "oops")
    config = Config("/")
    config.from_prefixed_env("APP", loads=lambda raw: int(raw) * 10)
    assert config == {"A": 10, "B": "oops"}


def test_from_prefixed_env_nested(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEST_DB__HOST", "db")
    monkeypatch.setenv("NEST_DB__OPTS__TIMEOUT", "5")
    monkeypatch.setenv("NEST_EXISTING__NEW", "1")
    # Sorted order: the whole dict is set before its nested key.
    monkeypatch.setenv("NEST_X", '{"a": 1}')
    monkeypatch.setenv("NEST_X__b", "2")
    config = Config("/", {"EXISTING": {"OLD": 0}})
    config.from_prefixed_env("NEST")
    assert config == {
        "DB": {"HOST": "db", "OPTS": {"TIMEOUT": 5}},
        "EXISTING": {"OLD": 0, "NEW": 1},
        "X": {"a": 1, "b": 2},
    }


class _Settings:
    DEBUG = True
    SECRET_KEY = "s"
    lower = "no"


def test_from_object_class_and_import_string() -> None:
    config = Config("/")
    config.from_object(_Settings)
    assert config == {"DEBUG": True, "SECRET_KEY": "s"}
    config = Config("/")
    config.from_object("string")
    assert config == {}
    config.from_object("datetime.datetime")
    assert config == {}
    config.from_object("stat")
    assert config["S_IFDIR"] == 0o040000
    with pytest.raises(ImportError):
        Config("/").from_object("no_such_module_for_config")


def test_from_file_json_and_toml(tmp_path: Path) -> None:
    (tmp_path / "c.json").write_text(json.dumps({"A": 1, "b": 2}))
    (tmp_path / "c.toml").write_text('NAME = "x"\nlow = 1\n')
    config = Config(tmp_path)
    assert config.from_file("c.json", load=json.load) is True
    assert config.from_file("c.toml", load=tomllib.load, text=False) is True
    assert config == {"A": 1, "NAME": "x"}


def test_from_file_missing(tmp_path: Path) -> None:
    config = Config(tmp_path)
    assert config.from_file("none.json", json.load, silent=True) is False
    assert config.from_file(".", json.load, silent=True) is False
    with pytest.raises(OSError) as info:
        config.from_file("none.json", json.load)
    assert info.value.strerror == (
        "Unable to load configuration file (No such file or directory)"
    )


def test_from_mapping() -> None:
    config = Config("/")
    assert config.from_mapping({"A": 1, "b": 2}, C=3, d=4) is True
    assert config.from_mapping() is True
    assert config == {"A": 1, "C": 3}
    config.from_mapping([("E", 5)])  # type: ignore[arg-type]
    assert config["E"] == 5


def test_get_namespace() -> None:
    config = Config(
        "/",
        {"IMAGE_STORE_TYPE": "fs", "IMAGE_STORE_Base_URL": "u", "OTHER": 1},
    )
    assert config.get_namespace("IMAGE_STORE_") == {"type": "fs", "base_url": "u"}
    assert config.get_namespace("IMAGE_STORE_", lowercase=False) == {
        "TYPE": "fs",
        "Base_URL": "u",
    }
    assert config.get_namespace("IMAGE_STORE_", trim_namespace=False) == {
        "image_store_type": "fs",
        "image_store_base_url": "u",
    }
    assert config.get_namespace("MISSING_") == {}


class _Holder:
    debug = ConfigAttribute[bool]("DEBUG")
    lifetime = ConfigAttribute[timedelta](
        "LIFETIME", get_converter=lambda value: timedelta(seconds=value)
    )

    def __init__(self) -> None:
        self.config: dict[str, object] = {"DEBUG": False, "LIFETIME": 60}


def test_config_attribute_reads_and_writes_config() -> None:
    holder = _Holder()
    assert holder.debug is False
    holder.debug = True
    assert holder.config["DEBUG"] is True
    assert holder.lifetime == timedelta(minutes=1)
    holder.lifetime = 120  # type: ignore[assignment]
    assert holder.config["LIFETIME"] == 120
    assert holder.lifetime == timedelta(minutes=2)
    assert isinstance(_Holder.__dict__["debug"], ConfigAttribute)
    assert _Holder.debug.__name__ == "DEBUG"
    del holder.config["DEBUG"]
    with pytest.raises(KeyError):
        _ = holder.debug
