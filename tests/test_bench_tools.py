"""The benchmark's own logic (tools/bench): its scenarios answer as they
expect on flaskish, and its parsing and verdicts read figures right. No
timing is asserted."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

import flaskish

BENCH = str(Path(__file__).resolve().parent.parent / "tools" / "bench")
# The bench's modules import each other by plain name; those names are
# only borrowed for this module's tests (others use some of them too).
BENCH_MODULES = (
    "hello_app",
    "measure",
    "scenarios",
    "serve",
    "served_profile",
    "summary",
    "run",
)


@pytest.fixture(scope="module")
def bench() -> Iterator[Any]:
    saved = {
        name: sys.modules.pop(name) for name in BENCH_MODULES if name in sys.modules
    }
    sys.path.insert(0, BENCH)
    try:
        yield SimpleNamespace(
            **{name: importlib.import_module(name) for name in BENCH_MODULES}
        )
    finally:
        while BENCH in sys.path:
            sys.path.remove(BENCH)
        for name in BENCH_MODULES:
            sys.modules.pop(name, None)
        sys.modules.update(saved)


WRK_REPORT = """Running 5s test @ http://127.0.0.1:8123/
  1 threads and 32 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     2.10ms  310.00us   9.00ms   90.00%
    Req/Sec    15.20k     1.10k   16.90k    80.00%
  75512 requests in 5.00s, 10.51MB read
  Socket errors: connect 0, read 3, write 1, timeout 2
  Non-2xx or 3xx responses: 4
Requests/sec:  15102.40
Transfer/sec:      2.10MB
"""


def test_every_scenario_answers_as_expected_on_flaskish(bench: Any) -> None:
    for scenario in bench.scenarios.build(flaskish):
        status, body = bench.measure._call(scenario.app, scenario.environ_factory()())
        assert int(status.split()[0]) == scenario.expected_status, scenario.name
        assert body, scenario.name


def test_every_family_has_a_target_and_variants_join_their_family(bench: Any) -> None:
    built = bench.scenarios.build(flaskish)
    families = {scenario.family for scenario in built}
    assert families == set(bench.run.TARGETS)
    variants = [s for s in built if s.family != s.name]
    assert {s.family for s in variants} >= {
        "path variable",
        "JSON",
        "200 routes",
        "404",
        "render_template",
        "session",
        "form",
        "blueprint",
        "hooks",
    }


def test_the_served_apps_answer_hello(bench: Any) -> None:
    for name in ("flaskish", "werkzeug", "wsgi"):
        app = bench.hello_app.create_app(name)
        environ = bench.scenarios.Scenario("hello", app, "/").environ_factory()()
        assert bench.measure._call(app, environ) == ("200 OK", b"Hello, World!")


def test_timed_wraps_an_app_without_changing_its_answer(
    bench: Any, tmp_path: Path
) -> None:
    path = tmp_path / "t.json"
    timed = bench.hello_app.Timed(bench.hello_app.bare_wsgi_app, str(path), every=2)
    make = bench.scenarios.Scenario("hello", timed, "/").environ_factory()
    answers = {bench.measure._call(timed, make()) for _ in range(4)}
    assert answers == {("200 OK", b"Hello, World!")}
    assert '"calls": 4' in path.read_text()


def test_wrk_report_gives_rate_and_every_kind_of_error(bench: Any) -> None:
    result = bench.serve.parse_wrk(WRK_REPORT, "wrk")
    assert result.requests_per_second == 15102.40
    assert result.errors == 3 + 1 + 2 + 4


def test_summary_verdicts_follow_the_direction_of_each_target(bench: Any) -> None:
    summary = bench.summary.Summary()
    assert summary.check("lower is better", 100.0, 19.0, 0.20) == "ok"
    assert summary.check("lower, missed", 100.0, 21.0, 0.20) == "MISS"
    assert summary.check("higher is better", 1000.0, 2600.0, 2.5, True) == "ok"
    assert summary.check("higher, missed", 1000.0, 2400.0, 2.5, True) == "MISS"
    assert summary.spread("family", 0.18, 0.31, 0.30) == "MISS"
    assert summary.condition("errors", "0", True, "0") == "ok"
    summary.info("beside", 10.0, 20.0)
    assert summary.misses() == 3
    assert summary.rows[-1].verdict == ""


@pytest.mark.parametrize(
    ("stack", "category"),
    [
        (
            "thread (1);_runner (granian/wsgi.py:57);PipelineMixin.__call__ "
            "(flaskish_core/pipeline.py:143)",
            "app",
        ),
        (
            "thread (1);_runner (granian/wsgi.py:60);0x7f (granian/_granian.so);"
            "write (libc.so.6)",
            "wake",
        ),
        (
            "thread (1);_runner (granian/wsgi.py:60);0x7f (granian/_granian.so)",
            "native call",
        ),
        ("thread (1);_runner (granian/wsgi.py:53)", "glue"),
        ("thread (1);0x7f (granian/_granian.so)", "native"),
    ],
)
def test_py_spy_stacks_fall_in_their_category(
    bench: Any, stack: str, category: str
) -> None:
    assert bench.served_profile._category(stack) == category
    assert category in bench.served_profile.CATEGORIES
