"""Configuration loading, defaults and the attributes mirroring config keys."""

from __future__ import annotations

import json
import sys
import tomllib
from datetime import timedelta
from pathlib import Path

import pytest

from flaskish import Config
from flaskish import Flask
from flaskish import request

# Flask's default configuration, grouped by value.
UNSET = [
    "MAX_CONTENT_LENGTH",
    "PROPAGATE_EXCEPTIONS",
    "SECRET_KEY",
    "SECRET_KEY_FALLBACKS",
    "SEND_FILE_MAX_AGE_DEFAULT",
    "SERVER_NAME",
    "SESSION_COOKIE_DOMAIN",
    "SESSION_COOKIE_PATH",
    "SESSION_COOKIE_SAMESITE",
    "TEMPLATES_AUTO_RELOAD",
    "TRAP_BAD_REQUEST_ERRORS",
    "TRUSTED_HOSTS",
]
OFF = [
    "DEBUG",
    "EXPLAIN_TEMPLATE_LOADING",
    "SESSION_COOKIE_PARTITIONED",
    "SESSION_COOKIE_SECURE",
    "TESTING",
    "TRAP_HTTP_EXCEPTIONS",
    "USE_X_SENDFILE",
]
ON = [
    "PROVIDE_AUTOMATIC_OPTIONS",
    "SESSION_COOKIE_HTTPONLY",
    "SESSION_REFRESH_EACH_REQUEST",
]
VALUED = {
    "APPLICATION_ROOT": "/",
    "MAX_COOKIE_SIZE": 4093,
    "MAX_FORM_MEMORY_SIZE": 500_000,
    "MAX_FORM_PARTS": 1_000,
    "PERMANENT_SESSION_LIFETIME": timedelta(days=31),
    "PREFERRED_URL_SCHEME": "http",
    "SESSION_COOKIE_NAME": "session",
}
DEFAULTS = {
    **dict.fromkeys(UNSET),
    **dict.fromkeys(OFF, False),
    **dict.fromkeys(ON, True),
    **VALUED,
}


class Settings:
    SECRET_KEY = "from-object"
    DEBUG = True
    lower_case = "ignored"


@pytest.fixture
def config(tmp_path: Path) -> Config:
    return Config(tmp_path)


def test_defaults(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FLASK_DEBUG", raising=False)
    assert dict(Flask("defaults").config) == DEFAULTS


def test_debug_default_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FLASK_DEBUG", "1")
    assert Flask("debugging").config["DEBUG"] is True


def test_config_is_a_dict_with_root_path(app: Flask) -> None:
    assert isinstance(app.config, dict)
    assert app.config.root_path == app.root_path
    assert repr(Config("/", {"A": 1})) == "<Config {'A': 1}>"


def test_from_mapping(config: Config) -> None:
    assert config.from_mapping({"A": 1, "b": 2}, C=3, d=4) is True
    assert config == {"A": 1, "C": 3}


def test_from_object_class_and_instance(config: Config) -> None:
    config.from_object(Settings)
    assert config == {"SECRET_KEY": "from-object", "DEBUG": True}
    other = Config("/")
    other.from_object(Settings())
    assert other == config


def test_from_object_import_string(
    config: Config, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "compat_settings.py").write_text("VALUE = 'imported'\nhidden = 1\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    try:
        config.from_object("compat_settings")
    finally:
        sys.modules.pop("compat_settings", None)
    assert config == {"VALUE": "imported"}


ENVIRONMENT = {
    "FLASK_NUMBER": ("42", "NUMBER", 42),
    "FLASK_TEXT": ("plain words", "TEXT", "plain words"),
    "FLASK_FLAG": ("true", "FLAG", True),
    "FLASK_LIST": ("[1, 2]", "LIST", [1, 2]),
    "FLASK_NOTHING": ("null", "NOTHING", None),
}


def test_from_prefixed_env(config: Config, monkeypatch: pytest.MonkeyPatch) -> None:
    for variable, (raw, _, _) in ENVIRONMENT.items():
        monkeypatch.setenv(variable, raw)
    monkeypatch.setenv("FLASK_DB__HOST", "db.local")
    monkeypatch.setenv("FLASK_DB__PORT", "5432")
    monkeypatch.setenv("OTHER_NUMBER", "1")
    assert config.from_prefixed_env() is True
    for _, key, value in ENVIRONMENT.values():
        assert config[key] == value
    assert config["DB"] == {"HOST": "db.local", "PORT": 5432}
    assert "OTHER_NUMBER" not in config


def test_from_prefixed_env_custom_prefix_and_loads(
    config: Config, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("APP_KEY", "[1]")
    monkeypatch.setenv("FLASK_KEY", "other")
    config.from_prefixed_env("APP", loads=str)
    assert config == {"KEY": "[1]"}


def test_from_prefixed_env_nested_into_existing(
    config: Config, monkeypatch: pytest.MonkeyPatch
) -> None:
    config["DB"] = {"HOST": "old", "USER": "me"}
    monkeypatch.setenv("FLASK_DB__HOST", "new")
    config.from_prefixed_env()
    assert config["DB"] == {"HOST": "new", "USER": "me"}


def test_from_file_json(config: Config, tmp_path: Path) -> None:
    (tmp_path / "config.json").write_text(
        json.dumps({"SECRET_KEY": "json", "lower": 1})
    )
    assert config.from_file("config.json", load=json.load) is True
    assert config == {"SECRET_KEY": "json"}


def test_from_file_toml_in_binary_mode(config: Config, tmp_path: Path) -> None:
    (tmp_path / "config.toml").write_text('PORT = 8000\n[DB]\nHOST = "h"\n')
    config.from_file(str(tmp_path / "config.toml"), load=tomllib.load, text=False)
    assert config == {"PORT": 8000, "DB": {"HOST": "h"}}


def test_from_file_missing(config: Config, tmp_path: Path) -> None:
    assert config.from_file("absent.json", load=json.load, silent=True) is False
    with pytest.raises(FileNotFoundError) as info:
        config.from_file("absent.json", load=json.load)
    assert str(info.value) == (
        f"[Errno 2] Unable to load configuration file (No such file or directory): '{tmp_path / 'absent.json'}'"
    )


def test_from_pyfile(config: Config, tmp_path: Path) -> None:
    (tmp_path / "settings.cfg").write_text("NAME = 'py' + 'file'\nlower = 1\n")
    assert config.from_pyfile("settings.cfg") is True
    assert config == {"NAME": "pyfile"}
    assert config.from_pyfile("absent.cfg", silent=True) is False


def test_from_envvar(
    config: Config, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("COMPAT_SETTINGS", raising=False)
    with pytest.raises(RuntimeError) as info:
        config.from_envvar("COMPAT_SETTINGS")
    assert str(info.value) == (
        "The environment variable 'COMPAT_SETTINGS' is not set and as such"
        " configuration could not be loaded. Set this variable and make it"
        " point to a configuration file"
    )
    assert config.from_envvar("COMPAT_SETTINGS", silent=True) is False
    (tmp_path / "env.cfg").write_text("FROM_ENV = True\n")
    monkeypatch.setenv("COMPAT_SETTINGS", str(tmp_path / "env.cfg"))
    assert config.from_envvar("COMPAT_SETTINGS") is True
    assert config["FROM_ENV"] is True


def test_get_namespace(config: Config) -> None:
    config.from_mapping(
        IMAGE_STORE_TYPE="fs",
        IMAGE_STORE_PATH="/img",
        IMAGE_STORE_BASE_URL="u",
        OTHER=1,
    )
    assert config.get_namespace("IMAGE_STORE_") == {
        "type": "fs",
        "path": "/img",
        "base_url": "u",
    }
    assert config.get_namespace("IMAGE_STORE_", lowercase=False) == {
        "TYPE": "fs",
        "PATH": "/img",
        "BASE_URL": "u",
    }
    assert config.get_namespace("IMAGE_STORE_", trim_namespace=False) == {
        "image_store_type": "fs",
        "image_store_path": "/img",
        "image_store_base_url": "u",
    }


def test_attributes_mirror_config(app: Flask) -> None:
    app.secret_key = "attr"
    app.testing = False
    assert (app.config["SECRET_KEY"], app.config["TESTING"]) == ("attr", False)
    app.config["PERMANENT_SESSION_LIFETIME"] = 60
    assert app.permanent_session_lifetime == timedelta(seconds=60)
    app.debug = True
    assert app.config["DEBUG"] is True


def test_send_file_max_age_from_config(app: Flask) -> None:
    with app.app_context():
        assert app.get_send_file_max_age("x.txt") is None
        app.config["SEND_FILE_MAX_AGE_DEFAULT"] = timedelta(hours=1)
        assert app.get_send_file_max_age("x.txt") == 3600
        app.config["SEND_FILE_MAX_AGE_DEFAULT"] = 5
        assert app.get_send_file_max_age("x.txt") == 5


def test_max_content_length(app: Flask) -> None:
    app.config["MAX_CONTENT_LENGTH"] = 4
    app.add_url_rule("/", "echo", lambda: request.get_data(), methods=["POST"])
    client = app.test_client()
    assert client.post("/", data=b"1234").data == b"1234"
    assert client.post("/", data=b"12345").status_code == 413


@pytest.mark.parametrize("path", ["compat_classes:Settings", "compat_classes.Settings"])
def test_from_object_class_path(
    config: Config, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, path: str
) -> None:
    (tmp_path / "compat_classes.py").write_text(
        "class Settings:\n    A = 1\n    b = 2\n"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    try:
        config.from_object(path)
    finally:
        sys.modules.pop("compat_classes", None)
    assert config == {"A": 1}


def test_prefixed_env_keeps_invalid_json_as_text(
    config: Config, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FLASK_BROKEN", "{not json")
    monkeypatch.setenv("FLASK_A__B__C", "1")
    config.from_prefixed_env()
    assert config["BROKEN"] == "{not json"
    assert config["A"] == {"B": {"C": 1}}


def test_prefixed_env_cannot_nest_into_scalar(
    config: Config, monkeypatch: pytest.MonkeyPatch
) -> None:
    config["A"] = 5
    monkeypatch.setenv("FLASK_A__B", "1")
    with pytest.raises(
        TypeError, match="'int' object does not support item assignment"
    ):
        config.from_prefixed_env()


def test_get_namespace_exact_prefix(config: Config) -> None:
    config["X"] = 1
    assert config.get_namespace("X") == {"": 1}
