"""Run the test suites of popular Flask extensions against flaskish.

By default each extension's source distribution is downloaded (``pip
download``, so it needs PyPI) and its tests run unchanged with only
``-p flaskish.as_flask``: ``import flask`` gives flaskish's modules, and
the installed Flask distribution is never loaded.

With ``--renamed``, its imports and those of its tests are renamed ``flask`` ->
``flaskish`` in a temporary copy (as are the other extensions it and its
tests use, each given the metadata of an installed distribution), and its
tests run with pytest in this interpreter. A stand-in
``flask`` package that cannot be imported comes first on the path, so a
test can only pass on flaskish. The dependencies come from the
``extensions`` dependency group (``nox -s extension-suites`` installs
them). Tests that need a database or cache server are skipped, and the few
that fail on Flask itself in the same environment are deselected, each with
its reason. ``--flask`` runs the unchanged suites on Flask instead, known
failures included: the baseline those reasons come from.

    python tools/extension_suites.py [--renamed | --flask] [NAME ...]
"""

from __future__ import annotations

import argparse
import tempfile
import tomllib
from dataclasses import dataclass
from dataclasses import field
from pathlib import Path

from renamed_source import add_asgi_option
from renamed_source import apply_asgi_option
from renamed_source import deselected
from renamed_source import download_source
from renamed_source import flask_blocker
from renamed_source import import_blocker
from renamed_source import rename_imports
from renamed_source import run_pytest


@dataclass(frozen=True)
class Companion:
    """Another Flask extension (or a library with Flask-specific modules)
    that an extension or its tests import."""

    requirement: str
    package: str


@dataclass(frozen=True)
class Extension:
    """A Flask extension whose own tests run against flaskish."""

    name: str
    requirement: str
    package: str
    companions: tuple[Companion, ...] = ()
    #: Text the tests spell Flask's way besides imports, e.g. the CLI name
    #: or a check of Flask's version.
    replacements: tuple[tuple[str, str], ...] = ()
    #: Suffixes of the files whose imports are renamed (templates too).
    renamed_suffixes: tuple[str, ...] = (".py",)
    pytest_args: tuple[str, ...] = ()
    #: Where the tests are, relative to the unpacked source.
    test_paths: tuple[str, ...] = ("tests",)
    #: Installed packages the suite must not import, e.g. an optional
    #: backend that another suite needs and this one would pick up.
    hidden: tuple[str, ...] = ()
    #: Test ids that fail on Flask too in this environment, with the reason.
    fails_on_flask: dict[str, str] = field(default_factory=dict)


SQLALCHEMY = Companion("flask-sqlalchemy==3.1.1", "flask_sqlalchemy")
CACHING = Companion("flask-caching==2.5.1", "flask_caching")
HTTPAUTH = Companion("flask-httpauth==4.8.1", "flask_httpauth")
MARSHMALLOW = Companion("flask-marshmallow==1.5.0", "flask_marshmallow")
# Its Flask parser imports flask.
WEBARGS = Companion("webargs==8.7.1", "webargs")
BABEL = Companion("flask-babel==4.0.0", "flask_babel")
LOGIN = Companion("flask-login==0.6.3", "flask_login")
WTF = Companion("flask-wtf==1.3.0", "flask_wtf")
SQLALCHEMY_LITE = Companion("flask-sqlalchemy-lite==0.2.1", "flask_sqlalchemy_lite")
# Its Flask client integration imports flask.
AUTHLIB = Companion("authlib==1.9.10", "authlib")
RESTFUL = Companion("flask-restful==0.3.10", "flask_restful")
RESTX = Companion("flask-restx==1.3.2", "flask_restx")

EXTENSIONS = [
    Extension("login", LOGIN.requirement, LOGIN.package),
    Extension(
        "wtf",
        WTF.requirement,
        WTF.package,
        companions=(
            BABEL,
            Companion("flask-reuploaded==1.6.0", "flask_uploads"),
        ),
    ),
    Extension("jwt-extended", "flask-jwt-extended==4.7.1", "flask_jwt_extended"),
    Extension("httpauth", HTTPAUTH.requirement, HTTPAUTH.package),
    Extension(
        "sqlalchemy",
        SQLALCHEMY.requirement,
        SQLALCHEMY.package,
        fails_on_flask={
            "tests/test_model_bind.py::test_explicit_table[db2]": (
                "SQLAlchemy rejects the dataclass model"
            ),
            "tests/test_model_bind.py::test_explicit_table[db4]": (
                "SQLAlchemy rejects the dataclass model"
            ),
        },
    ),
    Extension(
        "migrate",
        "flask-migrate==4.1.0",
        "flask_migrate",
        companions=(SQLALCHEMY,),
        # The tests run the command line in subprocesses.
        replacements=(("'flask ", "'flaskish "),),
        renamed_suffixes=(".py", ".mako"),
        pytest_args=("-p", "no:logging"),
    ),
    Extension(
        "caching",
        CACHING.requirement,
        CACHING.package,
        pytest_args=("--skip-services",),
        fails_on_flask={
            "tests/test_init.py::test_init_nullcache[MemcachedCache]": (
                "needs the pylibmc client"
            ),
        },
    ),
    Extension(
        "limiter",
        "flask-limiter==4.1.1",
        "flask_limiter",
        companions=(
            RESTFUL,
            RESTX,
        ),
        pytest_args=("--skip-services", "-o", "addopts=-rfEs"),
        fails_on_flask={
            "tests/test_error_handling.py::test_fallback_to_memory": (
                "needs a redis server"
            ),
        },
    ),
    Extension(
        "smorest",
        "flask-smorest==0.47.0",
        "flask_smorest",
        companions=(WEBARGS,),
    ),
    Extension(
        "marshmallow",
        MARSHMALLOW.requirement,
        MARSHMALLOW.package,
        companions=(SQLALCHEMY,),
    ),
    Extension(
        "cors",
        "flask-cors==6.0.5",
        "flask_cors",
        # One test checks Flask < 1.1 behaviour and is skipped on later Flask
        # versions; flaskish has its own version and Flask 3.1's behaviour.
        replacements=(("version.parse(flask.__version__)", 'version.parse("3.1")'),),
    ),
    Extension(
        "talisman",
        "flask-talisman==1.1.0",
        "flask_talisman",
        # The tests ship inside the package.
        test_paths=("flask_talisman",),
    ),
    Extension(
        "compress", "flask-compress==1.25", "flask_compress", companions=(CACHING,)
    ),
    Extension("moment", "flask-moment==1.0.6", "flask_moment"),
    Extension(
        "apiflask",
        "apiflask==3.1.2",
        "apiflask",
        companions=(MARSHMALLOW, HTTPAUTH, WEBARGS),
        # Its configuration asks for coverage, which the suites do not use.
        pytest_args=("-o", "addopts="),
        fails_on_flask={
            "tests/test_openapi_headers.py::test_spec_with_dict_headers": (
                "marshmallow 4 makes fields.Number abstract"
            ),
        },
    ),
    Extension("openapi3", "flask-openapi3==4.3.2", "flask_openapi3"),
    Extension(
        "admin",
        "flask-admin==2.2.1",
        "flask_admin",
        companions=(
            SQLALCHEMY,
            SQLALCHEMY_LITE,
            BABEL,
        ),
        test_paths=("flask_admin/tests",),
        # SQLAlchemy and Peewee on SQLite, local files and S3 (mocked): the
        # other backends need PostgreSQL, MongoDB or an Azure storage server.
        pytest_args=(
            "--ignore=flask_admin/tests/geoa",
            "--ignore=flask_admin/tests/mongoengine",
            "--ignore=flask_admin/tests/pymongo",
            "--ignore=flask_admin/tests/sqla/test_postgres.py",
            "--ignore=flask_admin/tests/fileadmin/test_fileadmin_azure.py",
        ),
    ),
    Extension(
        "dance",
        "flask-dance==7.1.0",
        "flask_dance",
        companions=(SQLALCHEMY, LOGIN, CACHING),
        # Its fixtures plugin loads through the entry point it declares.
        fails_on_flask={
            "tests/contrib/test_gitlab.py::test_no_verify_api_call": (
                "requests takes verify from REQUESTS_CA_BUNDLE, set here"
            ),
        },
    ),
    Extension(
        "socketio",
        "flask-socketio==5.7.0",
        "flask_socketio",
        test_paths=("test_socketio.py",),
        # With eventlet importable (Flask-Injector's tests need it) the server
        # picks it as its async mode, and nothing here monkey-patches for it.
        hidden=("eventlet",),
        pytest_args=("-p", "no:logging"),  # as its own tox configuration runs it
    ),
    Extension(
        "jsonrpc",
        "flask-jsonrpc==4.0.0",
        "flask_jsonrpc",
        # The unit tests and the package's doctests; the integration tests
        # need a running server and a browser.
        test_paths=("tests/unit", "src/flask_jsonrpc"),
        # Its configuration also asks for coverage, xdist and other plugins.
        pytest_args=("-o", "addopts=", "-o", "required_plugins=", "--doctest-modules"),
        fails_on_flask={
            f"tests/unit/contrib/browse/test_app.py::test_{name}": (
                "pytest 9.2's monkeypatch, undoing an earlier test's patch of a"
                " setting, deletes it (LazySettings keeps it elsewhere)"
            )
            for name in (
                "vf_login_configured_by_app_config",
                "get_browse_login_template_with_setting",
                "get_browse_login_template_by_env",
                "vf_logout_configured",
                "vf_logout_configured_by_app_config",
                "get_browse_logout_template_with_setting",
                "get_browse_logout_template_by_env",
                "browse_register_middleware_invalid_generator",
                "browse_before_request_middleware_with_middleware_list_empty",
                "browse_before_request_middleware_with_middleware_returnning_false",
                "browse_before_request_middleware_with_middleware_returnning_none",
                "browse_before_request_middleware_with_middleware_returnning_response",
                "browse_before_request_middleware_with_middleware_returnning_true",
                "browse_after_request_middleware_with_middleware_and_g_empty",
                "browse_after_request_middleware_with_middleware_list_empty",
                "browse_after_request_middleware_with_middleware_returninng_false",
                "browse_after_request_middleware_with_middleware_returninng_none",
                "browse_after_request_middleware_with_middleware_returninng_response",
                "browse_after_request_middleware_with_middleware_returninng_true",
            )
        },
    ),
    Extension(
        "security",
        "flask-security==5.9.2",
        "flask_security",
        companions=(
            LOGIN,
            Companion("flask-principal==0.4.0", "flask_principal"),
            WTF,
            BABEL,
            Companion("flask-mail==0.10.0", "flask_mail"),
            SQLALCHEMY,
            SQLALCHEMY_LITE,
            AUTHLIB,
            # playhouse.flask_utils imports flask.
            Companion("peewee==4.5.3", "playhouse"),
        ),
        # Its addopts clear pytest's cache, which the suites run without.
        # MongoDB is mongomock and SQL is SQLite unless a server URL is given.
        pytest_args=("-o", "addopts=-rs --strict-markers"),
    ),
    Extension(
        "oidc",
        "flask-oidc==2.4.0",
        "flask_oidc",
        companions=(AUTHLIB,),
        fails_on_flask={
            "tests/test_flask_oidc.py::test_accept_token_no_token": (
                "Authlib 1.9 quotes the header name in its message with '"
            ),
        },
    ),
    Extension(
        "injector",
        "flask-injector==0.15.0",
        "flask_injector",
        companions=(RESTFUL, RESTX),
        test_paths=("flask_injector/tests.py",),
    ),
    Extension("sock", "flask-sock==0.7.0", "flask_sock"),
    Extension(
        "multipass",
        "flask-multipass==0.11.2",
        "flask_multipass",
        companions=(WTF,),  # its static provider's login form
        # Its configuration asks for coverage; the LDAP provider's tests need
        # python-ldap, which builds only against the OpenLDAP headers.
        pytest_args=("-o", "addopts=-rsfEw", "--ignore=tests/providers/ldap"),
    ),
]


def _import_root(source: Path, package: str, requirement: str) -> Path:
    """The folder to put on the path so that ``package`` (a package or a
    single module) imports, and ``importlib.metadata`` finds its
    distribution (``requirement``) as if it were installed."""
    for root in (source / "src", source):
        if (root / package / "__init__.py").exists() or (
            root / f"{package}.py"
        ).exists():
            _record_distribution(root, requirement, _entry_points(source))
            return root
    raise RuntimeError(f"{package} not found in {source}")


def _entry_points(source: Path) -> str:
    """The ``entry_points.txt`` text for the entry points that ``source``'s
    ``pyproject.toml`` declares (empty if it declares none)."""
    pyproject = source / "pyproject.toml"
    if not pyproject.exists():
        return ""
    project = tomllib.loads(pyproject.read_text()).get("project", {})
    groups: dict[str, dict[str, str]] = project.get("entry-points", {})
    return "".join(
        f"[{group}]\n" + "".join(f"{name} = {value}\n" for name, value in items.items())
        for group, items in groups.items()
    )


def _record_distribution(root: Path, requirement: str, entry_points: str) -> None:
    """Write the metadata of ``requirement`` (``name==version``) into
    ``root``, for tests that read an extension's version or load the entry
    points it declares."""
    name, version = requirement.split("==")
    folder = root / f"{name.replace('-', '_')}-{version}.dist-info"
    folder.mkdir(exist_ok=True)
    metadata = f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n"
    (folder / "METADATA").write_text(metadata)
    if entry_points:
        (folder / "entry_points.txt").write_text(entry_points)


def _replace_in_tests(source: Path, ext: Extension) -> None:
    """Apply ``ext.replacements`` to the Python files of its tests."""
    for entry in ext.test_paths:
        where = source / entry
        files = [where] if where.is_file() else where.rglob("*.py")
        for path in files:
            text = original = path.read_text()
            for old, new in ext.replacements:
                text = text.replace(old, new)
            if text != original:
                path.write_text(text)


def run(ext: Extension, workdir: Path, mode: str = "switch") -> int:
    """Download and run ``ext``'s tests: unchanged through the switch
    (``mode="switch"``), renamed (``"renamed"``) or unchanged on Flask
    (``"flask"``); pytest's exit status."""
    on_flask = mode == "flask"
    renamed = mode == "renamed"
    framework = {"flask": "Flask", "renamed": "flaskish, renamed"}.get(
        mode, "flaskish, through the switch"
    )
    print(f"== {ext.name} ({ext.requirement}) on {framework}", flush=True)
    source = download_source(ext.requirement, workdir / ext.name)
    sources = {ext.package: (ext.requirement, source)}
    for companion in ext.companions:
        folder = workdir / f"{ext.name}-{companion.package}"
        sources[companion.package] = (
            companion.requirement,
            download_source(companion.requirement, folder),
        )
    path = [flask_blocker(workdir / "blocker")] if renamed else []
    if ext.hidden:
        message = f"hidden from the {ext.name} suite"
        path.append(import_blocker(workdir / f"{ext.name}-hidden", ext.hidden, message))
    for package, (requirement, unpacked) in sources.items():
        if renamed:
            rename_imports(unpacked, ext.renamed_suffixes)
        path.append(_import_root(unpacked, package, requirement))
    if ext.replacements and renamed:
        _replace_in_tests(source, ext)
    skipped = {} if on_flask else ext.fails_on_flask
    switch = ["-p", "flaskish.as_flask"] if mode == "switch" else []
    arguments = [*switch, *ext.pytest_args, *deselected(skipped), *ext.test_paths]
    return run_pytest(arguments, source, path)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    modes = parser.add_mutually_exclusive_group()
    modes.add_argument(
        "--flask", action="store_true", help="run the unchanged suites on Flask"
    )
    modes.add_argument(
        "--renamed",
        action="store_true",
        help="rename the flask imports to flaskish instead of the switch",
    )
    add_asgi_option(parser)
    parser.add_argument(
        "names", nargs="*", help="extensions to run (default: all)", metavar="NAME"
    )
    args = parser.parse_args()
    apply_asgi_option(args)
    chosen = [e for e in EXTENSIONS if not args.names or e.name in args.names]
    failed = []
    with tempfile.TemporaryDirectory() as tmp:
        for ext in chosen:
            mode = "flask" if args.flask else "renamed" if args.renamed else "switch"
            if run(ext, Path(tmp), mode) != 0:
                failed.append(ext.name)
    print("== failed: " + ", ".join(failed) if failed else "== all suites passed")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
