"""The benchmark's own logic (tools/bench): its scenarios answer as they
expect on flaskish, and its parsing and verdicts read figures right. No
timing is asserted."""

from __future__ import annotations

import importlib
import io
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import flask
import pytest

import flaskish

BENCH = str(Path(__file__).resolve().parent.parent / "tools" / "bench")
# The bench's modules import each other by plain name; those names are
# only borrowed for this module's tests (others use some of them too).
BENCH_MODULES = (
    "hello_app",
    "instructions",
    "library_work",
    "measure",
    "pairing",
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


# Paired timing (pairing.py, measure.py --serve)


def test_a_worker_times_on_request_over_its_pipe_until_its_stdin_closes(
    bench: Any,
) -> None:
    with bench.pairing.Worker("werkzeug") as worker:
        assert set(worker.families) == {
            bench.measure.WERKZEUG_APP,
            *bench.library_work.floors(),
        }
        assert worker.time("jsonify", 0.001, "cpu") > 0
        with pytest.raises(RuntimeError, match="no scenario 'hello'"):
            worker.time("hello", 0.001, "wall")
        # An unknown name leaves the worker serving.
        assert worker.time(bench.measure.WERKZEUG_APP, 0.001, "wall") > 0
        assert worker.close() == 0


def test_the_serve_loop_answers_each_request_line_in_turn(bench: Any) -> None:
    requests = io.StringIO(
        '{"name": "404", "seconds": 0.001, "clock": "cpu"}\n'
        '{"name": "nothing", "seconds": 0.001, "clock": "cpu"}\n'
    )
    answers = io.StringIO()
    bench.measure.serve("werkzeug", requests, answers)
    ready, timed, error = (json.loads(line) for line in answers.getvalue().splitlines())
    assert ready["ready"][bench.measure.WERKZEUG_APP] == "hello"
    assert timed["name"] == "404"
    assert isinstance(timed["us"], float)
    assert error == {"error": "werkzeug has no scenario 'nothing'"}


class Recorder:
    """A timer answering fixed figures and recording who was asked what."""

    def __init__(
        self, framework: str, names: list[str], log: list[tuple[str, str]]
    ) -> None:
        self.framework = framework
        self.families = dict.fromkeys(names, "")
        self.log = log

    def time(self, name: str, seconds: float, clock: str) -> float:
        self.log.append((self.framework, name))
        return float(len(self.log))


def test_each_scenario_is_timed_there_and_back_the_order_alternating(
    bench: Any,
) -> None:
    log: list[tuple[str, str]] = []
    workers = {
        "flask": Recorder("flask", ["a", "b"], log),
        "flaskish": Recorder("flaskish", ["a", "b"], log),
        "werkzeug": Recorder("werkzeug", ["a", "app"], log),
    }
    samples = bench.pairing.paired_rounds(
        workers, ["a", "b"], 2, 0.1, "cpu", extra=[("werkzeug", "app")]
    )
    flask, ours, floor = ("flask", "a"), ("flaskish", "a"), ("werkzeug", "a")
    flask_b, ours_b = ("flask", "b"), ("flaskish", "b")
    assert log[:6] == [flask, ours, floor, floor, ours, flask]
    assert log[6:10] == [flask_b, ours_b, ours_b, flask_b]
    assert log[10] == ("werkzeug", "app")
    # The second round starts from the other end.
    assert log[11:17] == [floor, ours, flask, flask, ours, floor]
    assert log[17:21] == [ours_b, flask_b, flask_b, ours_b]
    assert len(log) == 22
    # Each round's figure joins its two halves: 2 / (1/1 + 1/6) for Flask.
    assert samples["flask"]["a"][0] == pytest.approx(2 / (1 / 1 + 1 / 6))
    assert samples["werkzeug"]["app"] == [11.0, 22.0]
    assert set(samples["werkzeug"]) == {"a", "app"}
    assert bench.pairing.round_order(0)[:2] == ("flask", "flaskish")
    assert bench.pairing.round_order(1)[1:] == ("flaskish", "flask")


def test_ratios_are_medians_of_the_per_round_ratios(bench: Any) -> None:
    samples = {
        "flask": {"s": [100.0, 200.0, 300.0], "bare": [10.0, 20.0, 30.0]},
        "flaskish": {"s": [50.0, 40.0, 150.0], "bare": [5.0, 4.0, 15.0]},
        "werkzeug": {"s": [20.0, 20.0, 60.0]},
    }
    figures = bench.pairing.figures(samples, "s")
    assert (figures.flask_us, figures.flaskish_us) == (200.0, 50.0)
    # Per round: 0.5, 0.2, 0.5, where the ratio of the medians is 0.25.
    assert figures.ratio == 0.5
    assert figures.library_us == 20.0
    assert figures.bound == 0.2  # 0.2, 0.1, 0.2
    assert figures.own_ratio == 0.375  # 30/80, 20/180, 90/240
    bare = bench.pairing.figures(samples, "bare")
    assert bare.ratio == 0.5
    assert (bare.library_us, bare.bound, bare.own_ratio) == (None, None, None)
    with pytest.raises(ValueError):
        bench.pairing.median_ratio([1.0, 2.0], [1.0])


def test_a_miss_above_the_library_bound_is_told_apart(bench: Any) -> None:
    summary_module = bench.summary
    verdict = summary_module.verdict
    assert verdict(0.25, 0.30, bound=0.40) == "ok"
    assert verdict(0.50, 0.30, bound=0.40) == "MISS (library)"
    assert verdict(0.50, 0.30, bound=0.20) == "MISS"
    assert verdict(0.50, 0.30) == "MISS"
    family = summary_module.family_verdict
    assert family(["ok", "MISS (library)"]) == "MISS (library)"
    assert family(["MISS (library)", "MISS", "ok"]) == "MISS"
    assert family(["ok", "ok"]) == "ok"
    summary = summary_module.Summary()
    summary.spread("family", 0.2, 0.5, 0.3, "MISS (library)")
    summary.spread("other", 0.2, 0.5, 0.3)
    assert [row.verdict for row in summary.rows] == ["MISS (library)", "MISS"]
    assert summary.misses() == 2


# The library floors (library_work.py) do the same work as the requests


def _respond(app: Any, environ: dict[str, Any]) -> tuple[int, Any, bytes]:
    answer: list[Any] = []

    def start_response(status: str, headers: Any, exc_info: Any = None) -> None:
        answer.extend((int(status.split()[0]), headers))

    body = b"".join(app(environ, start_response))
    return answer[0], answer[1], body


def _suite(fw: Any, bench: Any) -> dict[str, Any]:
    return {scenario.name: scenario for scenario in bench.scenarios.build(fw)}


NO_FLOOR = {"hello", "render_template_string", "async view"}
FLOOR_RULES = {
    "path variable": "main_rules",
    "path variable (2 strings)": "variant_rules",
    "200 routes (2 variables), last": "section_rules",
    "blueprints (5, nested) + url_for": "nested_blueprint_rules",
}


def test_every_scenario_but_three_has_a_floor(bench: Any) -> None:
    names = set(_suite(flaskish, bench))
    assert set(bench.library_work.floors()) == names - NO_FLOOR


@pytest.mark.parametrize("fw", [flaskish, flask], ids=["flaskish", "flask"])
def test_the_floors_maps_hold_the_rules_of_the_scenarios_apps(
    bench: Any, fw: Any
) -> None:
    suite = _suite(fw, bench)
    for name, rules in FLOOR_RULES.items():
        floor_map = bench.library_work.adapter(getattr(bench.library_work, rules)()).map
        expected = {
            (rule.rule, rule.endpoint, frozenset(rule.methods or ()))
            for rule in suite[name].app.url_map.iter_rules()
        }
        got = {
            (rule.rule, rule.endpoint, frozenset(rule.methods or ()))
            for rule in floor_map.iter_rules()
        }
        assert got == expected, name


def test_the_floors_match_what_the_app_routes(bench: Any) -> None:
    floors = bench.library_work.floors()
    suite = _suite(flaskish, bench)
    for name, scenario in suite.items():
        if name not in floors or scenario.family not in (
            "path variable",
            "200 routes",
            "404",
            "blueprint",
        ):
            continue
        answer = floors[name]()
        if name == "404":
            assert isinstance(answer, bench.library_work.NotFound)
            assert _respond(scenario.app, scenario.environ_factory()())[0] == 404
            continue
        if scenario.family == "blueprint":
            answer, urls = answer
            _, _, body = _respond(scenario.app, scenario.environ_factory()())
            expected_body = urls[0] if len(urls) == 1 else f"order 7: {' '.join(urls)}"
            assert body.decode() == expected_body, name
        rule, args = answer
        with scenario.app.test_request_context(scenario.path):
            assert rule.rule == flaskish.request.url_rule.rule, name
            assert rule.endpoint == flaskish.request.url_rule.endpoint, name
            assert args == flaskish.request.view_args, name


def test_the_json_and_template_floors_produce_the_response_body(bench: Any) -> None:
    floors = bench.library_work.floors()
    for name, scenario in _suite(flaskish, bench).items():
        if scenario.family in ("JSON", "render_template"):
            status, _, body = _respond(scenario.app, scenario.environ_factory()())
            assert status == 200
            assert floors[name]().encode() == body, name


def test_the_form_floors_parse_every_field_posted(bench: Any) -> None:
    floors = bench.library_work.floors()
    parsed = floors["form POST (20 fields)"]()
    assert len(parsed) == 20
    assert parsed.to_dict() == bench.scenarios.FORM_FIELDS
    assert floors["form POST"]().to_dict() == {"name": "Ada", "age": "36"}


def test_the_session_floors_sign_the_payload_the_app_signs(bench: Any) -> None:
    work = bench.library_work
    floors = work.floors()
    serializer = work.session_serializer()
    flask_way = work.session_serializer(derived=False)
    suite = _suite(flaskish, bench)
    for name, seed in (
        ("session read+write", bench.scenarios.SESSION_SEED),
        ("session (5 keys)", bench.scenarios.CART_SEED),
    ):
        scenario = suite[name]
        _, headers, _ = _respond(scenario.app, scenario.environ_factory()())
        ours = dict(headers)["Set-Cookie"]
        floor = floors[name]()
        ours_value = ours.split(";")[0].removeprefix("session=")
        floor_value = floor.split(";")[0].removeprefix("session=")
        assert serializer.loads(ours_value) == {**seed, "visits": 2}
        # The key derived once signs as Flask's signer deriving it each time.
        assert flask_way.loads(floor_value) == {**seed, "visits": 2}
        # The same JSON, compressed or not alike: the same payload.
        assert ours_value.rsplit(".", 2)[0] == floor_value.rsplit(".", 2)[0]
        assert ours.replace(ours_value, "V") == floor.replace(floor_value, "V")


def test_the_hook_floors_set_the_headers_the_hooks_set(bench: Any) -> None:
    floors = bench.library_work.floors()
    suite = _suite(flaskish, bench)
    for name in ("before+after hooks", "hooks (3+3+2, app+blueprint)"):
        scenario = suite[name]
        _, headers, _ = _respond(scenario.app, scenario.environ_factory()())
        floor = list(floors[name]().items())
        added = floor[len(bench.library_work.RESPONSE_HEADERS) :]
        assert [h for h in headers if h[0] in dict(added)] == added, name


def test_the_floors_import_no_framework() -> None:
    code = (
        f"import sys; sys.path.insert(0, {BENCH!r})\n"
        "import library_work, measure\n"
        "measure.worker_steps('werkzeug')\n"
        "loaded = {m.split('.')[0] for m in sys.modules}\n"
        "assert not loaded & {'flask', 'flaskish', 'flaskish_core'}, loaded\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_the_instruction_loop_makes_the_warm_up_and_the_requests_asked_for(
    bench: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    made: list[tuple[str, bytes]] = []
    call = bench.measure._call

    def counted(app: Any, environ: dict[str, Any]) -> tuple[str, bytes]:
        made.append(call(app, environ))
        return made[-1]

    monkeypatch.setattr(bench.measure, "_call", counted)
    bench.instructions.request_loop("flaskish", "hello", 7)
    assert len(made) == bench.instructions.WARM_UP + 7
    assert set(made) == {("200 OK", b"Hello, World!")}


def test_the_instruction_loop_names_the_scenarios_it_knows(bench: Any) -> None:
    with pytest.raises(SystemExit, match=r"no scenario 'nope'; known: hello, "):
        bench.instructions.request_loop("flaskish", "nope", 1)


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="Linux only")
def test_the_memory_probe_reports_its_own_process_not_the_benchmarks(
    bench: Any,
) -> None:
    # A parent larger than the probe: ru_maxrss, which Linux carries over
    # exec, would report this instead of the probe's own peak.
    ballast = bytearray(160 * 1024 * 1024)
    ballast[::4096] = b"x" * len(ballast[::4096])
    rss = bench.run._python_probe(bench.run.MEMORY_PROBE.format(fw="flaskish"), 1)
    assert 5 < rss < 100
    del ballast
