"""pytest plugin for running other projects' test suites against flaskish.

``--deselect-exact ID`` deselects the test with exactly that id (pytest's
own ``--deselect`` also drops every test whose id merely starts with it).
``--skip-services`` skips tests that need a database or cache server: those
using a fixture whose name mentions redis, memcached, MongoDB or docker,
or whose id carries a server URL.
"""

from __future__ import annotations

import re

import pytest

_SERVICE_FIXTURE = re.compile(r"redis|memcache|mongo|docker", re.IGNORECASE)
_SERVICE_URL = re.compile(r"(redis|rediss|memcached|mongodb)(\+\w+)?://")


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("suite options")
    group.addoption(
        "--deselect-exact",
        action="append",
        default=[],
        metavar="ID",
        help="deselect the test with exactly this id",
    )
    group.addoption(
        "--skip-services",
        action="store_true",
        help="skip tests that need a database or cache server",
    )


def _needs_service(item: pytest.Item) -> bool:
    fixtures = getattr(item, "fixturenames", ())
    return any(_SERVICE_FIXTURE.search(name) for name in fixtures) or bool(
        _SERVICE_URL.search(item.nodeid)
    )


def pytest_collection_modifyitems(
    config: pytest.Config, items: list[pytest.Item]
) -> None:
    exact = set(config.getoption("deselect_exact"))
    if exact:
        dropped = [item for item in items if item.nodeid in exact]
        if dropped:
            config.hook.pytest_deselected(items=dropped)
            items[:] = [item for item in items if item.nodeid not in exact]
    if config.getoption("skip_services"):
        skip = pytest.mark.skip(reason="needs a database or cache server")
        for item in items:
            if _needs_service(item):
                item.add_marker(skip)
