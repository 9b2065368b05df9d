"""nox sessions for the flaskish workspace.

Run them through ``python3 tools/dev.py nox -s NAME`` (which installs nox and
uv first) or with a nox of your own.
"""

from __future__ import annotations

import os
import re
import shutil
import tomllib
from pathlib import Path

import nox

ROOT = Path(__file__).resolve().parent
PACKAGES = ROOT / "packages"
# Bottom-up, so an install of a package never has to look for a sibling.
PACKAGE_ORDER = [
    "context",
    "sessions",
    "routing",
    "templating",
    "cli",
    "blueprints",
    "core",
    "flaskish",
]

nox.options.default_venv_backend = "uv"
nox.options.reuse_existing_virtualenvs = False
# The check suite: what CI (`python3 tools/dev.py test`) runs.
nox.options.sessions = [
    "lint",
    "typecheck",
    "tests",
    "differential",
    "isolated",
    "build",
    "docs",
    "browser",
]


def _pyproject(path: Path) -> dict:  # type: ignore[type-arg]
    with (path / "pyproject.toml").open("rb") as f:
        return tomllib.load(f)


def _dist_to_folder() -> dict[str, str]:
    return {
        _pyproject(PACKAGES / name)["project"]["name"]: name for name in PACKAGE_ORDER
    }


def _sibling_folders(requirements: list[str]) -> list[str]:
    """The package folders of the flaskish siblings among ``requirements``."""
    by_dist = _dist_to_folder()
    dists = [re.split(r"[<>=!~;\[ ]", req, maxsplit=1)[0] for req in requirements]
    return [by_dist[dist] for dist in dists if dist in by_dist]


def _sibling_closure(*folders: str) -> list[str]:
    """The package folders and every sibling they depend on, bottom-up.

    Extras named in a requirement (``flaskish-blueprints[cli]``) count too.
    """
    needed: set[str] = set()
    pending = list(folders)
    while pending:
        current = pending.pop()
        if current in needed:
            continue
        needed.add(current)
        requirements = list(_pyproject(PACKAGES / current)["project"]["dependencies"])
        for requirement in list(requirements):
            named = re.search(r"\[([^\]]*)\]", requirement)
            sibling = _sibling_folders([requirement])
            if named and sibling:
                project = _pyproject(PACKAGES / sibling[0])["project"]
                extras = project.get("optional-dependencies", {})
                for extra in named.group(1).split(","):
                    requirements += extras.get(extra.strip(), [])
        pending += _sibling_folders(requirements)
    return [name for name in PACKAGE_ORDER if name in needed]


def _sibling_extras(folder: str) -> list[str]:
    """The package's extras that bring in flaskish siblings."""
    extras = _pyproject(PACKAGES / folder)["project"].get("optional-dependencies", {})
    return [name for name, reqs in extras.items() if _sibling_folders(reqs)]


def _group(path: Path, name: str) -> list[str]:
    return list(_pyproject(path).get("dependency-groups", {}).get(name, []))


def _install_workspace(session: nox.Session, *groups: str) -> None:
    requirements = [req for group in groups for req in _group(ROOT, group)]
    editables = [arg for name in PACKAGE_ORDER for arg in ("-e", str(PACKAGES / name))]
    session.install(*editables, *requirements)


@nox.session
def dev(session: nox.Session) -> None:
    """Create .venv with every package editable and every development tool."""
    session.run("uv", "venv", "--allow-existing", str(ROOT / ".venv"), external=True)
    python = str(ROOT / ".venv" / "bin" / "python")
    requirements = [
        req
        for group in ("test", "lint", "typecheck", "bench", "differential")
        for req in _group(ROOT, group)
    ]
    editables = [arg for name in PACKAGE_ORDER for arg in ("-e", str(PACKAGES / name))]
    session.run(
        "uv",
        "pip",
        "install",
        "--python",
        python,
        *editables,
        *requirements,
        external=True,
    )


@nox.session
def tests(session: nox.Session) -> None:
    """Every package editable in one environment; all unit, integration and example tests."""
    _install_workspace(session, "test")
    session.run("lint-imports", "--config", str(ROOT / "pyproject.toml"))
    session.run("pytest", *session.posargs)


# Prints the distributions installed besides the test tools.
_COUNT_DISTRIBUTIONS = """
import importlib.metadata as m
tools = {"pytest", "pluggy", "iniconfig", "packaging", "pygments"}
names = sorted({d.metadata["Name"].lower() for d in m.distributions()} - tools)
print(len(names), "distributions:", ", ".join(names))
"""


@nox.session
def differential(session: nox.Session) -> None:
    """flaskish against Flask 3.1.3 on the same generated inputs (hypothesis).

    A bounded, reproducible run by default (CI); set
    ``FLASKISH_DIFFERENTIAL_EXAMPLES`` for more, random examples per test.
    """
    _install_workspace(session, "differential")
    session.run(
        "pytest",
        "-p",
        "no:cacheprovider",
        str(ROOT / "tests" / "differential"),
        *session.posargs,
    )


@nox.session
@nox.parametrize("package", PACKAGE_ORDER)
def isolated(session: nox.Session, package: str) -> None:
    """One package with only its declared dependencies, running its own tests;
    then, if it has extras made of siblings, again with those installed.

    The code blocks of the package's README run here too (tools/doc_blocks.py,
    loaded by the root pytest configuration): what the README shows works
    with nothing else of flaskish installed.
    """
    for name in _sibling_closure(package):
        session.install(str(PACKAGES / name))
    session.install(*_group(PACKAGES / package, "test"))
    tests = [
        "pytest",
        "-p",
        "no:cacheprovider",
        str(PACKAGES / package / "tests"),
        str(PACKAGES / package / "README.md"),
    ]
    session.run("python", "-c", _COUNT_DISTRIBUTIONS)
    session.run(*tests, *session.posargs)
    extras = _sibling_extras(package)
    if not extras:
        return
    extra_reqs = _pyproject(PACKAGES / package)["project"]["optional-dependencies"]
    siblings = _sibling_folders([req for extra in extras for req in extra_reqs[extra]])
    for name in _sibling_closure(*siblings):
        session.install(str(PACKAGES / name))
    session.run(*tests, *session.posargs)


@nox.session
def lint(session: nox.Session) -> None:
    """ruff check and ruff format --check over the whole workspace."""
    session.install(*_group(ROOT, "lint"))
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")


@nox.session
def typecheck(session: nox.Session) -> None:
    """mypy in strict mode over every package's source."""
    _install_workspace(session, "typecheck")
    session.run("mypy")


@nox.session
def build(session: nox.Session) -> None:
    """A wheel and an sdist of every package; each wheel installs and imports alone."""
    dist = ROOT / "dist"
    shutil.rmtree(dist, ignore_errors=True)
    for name in PACKAGE_ORDER:
        session.run(
            "uv",
            "build",
            "--quiet",
            "--out-dir",
            str(dist),
            str(PACKAGES / name),
            external=True,
        )
    wheels = sorted(dist.glob("*.whl"))
    sdists = sorted(dist.glob("*.tar.gz"))
    if len(wheels) != len(PACKAGE_ORDER) or len(sdists) != len(PACKAGE_ORDER):
        session.error(
            f"expected {len(PACKAGE_ORDER)} wheels and sdists, got {len(wheels)} and {len(sdists)}"
        )
    check_root = ROOT / ".nox" / "wheel-checks"
    wheel_of = {_wheel_name(w): w for w in wheels}
    for name in PACKAGE_ORDER:
        module = _pyproject(PACKAGES / name)["project"]["name"].replace("-", "_")
        env = check_root / name
        session.run("uv", "venv", "--quiet", "--clear", str(env), external=True)
        python = str(env / "bin" / "python")
        # Sibling components come from the wheels just built, never an index.
        local = [
            str(wheel_of[_module_of(sibling)]) for sibling in _sibling_closure(name)
        ]
        session.run(
            "uv", "pip", "install", "--quiet", "--python", python, *local, external=True
        )
        session.run(
            python,
            "-c",
            f"import {module}; print({module}.__name__, {module}.__version__)",
            external=True,
        )


def _module_of(folder: str) -> str:
    return str(_pyproject(PACKAGES / folder)["project"]["name"]).replace("-", "_")


def _wheel_name(wheel: Path) -> str:
    return wheel.name.split("-", 1)[0]


@nox.session
def docs(session: nox.Session) -> None:
    """Build the Sphinx site (warnings are errors) and check its internal links."""
    _install_workspace(session, "docs")
    html = ROOT / "docs" / "_build" / "html"
    shutil.rmtree(html, ignore_errors=True)
    session.run(
        "sphinx-build",
        "-W",
        "--keep-going",
        "-b",
        "html",
        str(ROOT / "docs"),
        str(html),
        *session.posargs,
    )
    session.run("python", str(ROOT / "tools" / "check_links.py"), str(html))


def _debian_tools(session: nox.Session, **packages: str) -> None:
    """Install with apt-get the Debian packages (``binary=package``) whose
    binary is not on PATH. That needs root, as CI has; elsewhere, or
    without apt-get, the missing tools are left to the developer."""
    missing = [pkg for binary, pkg in packages.items() if shutil.which(binary) is None]
    if not missing or shutil.which("apt-get") is None or os.geteuid() != 0:
        return
    env = {"DEBIAN_FRONTEND": "noninteractive"}
    session.run("apt-get", "update", "-qq", external=True, env=env)
    session.run("apt-get", "install", "-y", "-qq", *missing, external=True, env=env)


@nox.session
def browser(session: nox.Session) -> None:
    """The demo blog in headless Chromium: register, log in, write, edit, delete.

    Chromium and chromedriver come from Debian (installed with apt-get when
    missing, which needs root, as CI has); Selenium drives them. Screenshots
    land in test-artifacts/browser/.
    """
    _debian_tools(session, chromium="chromium", chromedriver="chromium-driver")
    _install_workspace(session, "browser")
    session.run(
        "pytest",
        "-p",
        "no:cacheprovider",
        str(ROOT / "tests" / "browser"),
        *session.posargs,
    )


@nox.session
def bench(session: nox.Session) -> None:
    """Benchmark flaskish against Flask in one run (see tools/bench); wrk
    (Debian's) loads the servers."""
    _debian_tools(session, wrk="wrk")
    _install_workspace(session, "bench")
    session.run("python", str(ROOT / "tools" / "bench" / "run.py"), *session.posargs)


@nox.session(name="flask-suite")
def flask_suite(session: nox.Session) -> None:
    """Run Flask's own tests and example tests against flaskish (needs PyPI)."""
    _install_workspace(session, "test", "typecheck")
    session.install("pip")  # the suite downloads Flask's source distribution
    session.run("python", str(ROOT / "tools" / "flask_suite.py"), *session.posargs)


@nox.session(name="extension-suites")
def extension_suites(session: nox.Session) -> None:
    """Run Flask extensions' own test suites against flaskish (needs PyPI)."""
    _install_workspace(session, "test", "extensions")
    session.install("pip")  # the suites download the extensions' sources
    session.run("python", str(ROOT / "tools" / "extension_suites.py"), *session.posargs)


@nox.session
def soak(session: nox.Session) -> None:
    """The demo under gunicorn and a load generator for a bounded time (not in
    CI); options after ``--`` (see tools/soak.py)."""
    _debian_tools(session, wrk="wrk")
    _install_workspace(session, "soak")
    session.run("python", str(ROOT / "tools" / "soak.py"), *session.posargs)


@nox.session
def demo(session: nox.Session) -> None:
    """Serve the demo application on http://127.0.0.1:5000."""
    _install_workspace(session)
    session.run("python", str(ROOT / "tools" / "demo.py"), *session.posargs)
