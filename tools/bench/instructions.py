"""Instructions per in-process WSGI request of the bench's scenarios,
counted by callgrind.

    python tools/bench/instructions.py FRAMEWORK SCENARIO [SCENARIO ...] [--requests N]

FRAMEWORK is ``flask`` or ``flaskish``; scenario names are those of
``scenarios.py`` (``hello``, ``"hooks (3+3+2, app+blueprint)"``, ...).
Each scenario runs in a fresh interpreter under valgrind's callgrind,
which collects only while :func:`request_loop` drives the N requests
(``itertools.starmap`` runs them, and callgrind is told to count inside
its ``starmap_next`` only): imports, building the apps and the warm-up
are left out, and the count divided by N is one request. The requests are
made as ``measure.py`` makes them. Unlike wall-clock figures the counts do
not move with the machine's other load; moving code (another checkout
folder, one more module global) can move them by about 1,000 for hello,
since CPython's type attribute cache is indexed by addresses. Needs
valgrind; about half a minute per scenario.
"""

from __future__ import annotations

import argparse
import importlib
import os
import re
import subprocess
import sys
import tempfile
from collections import deque
from itertools import repeat
from itertools import starmap
from pathlib import Path

HERE = Path(__file__).resolve().parent
WARM_UP = 300


def request_loop(framework: str, scenario: str, requests: int) -> None:
    """Build ``framework``'s scenarios, warm ``scenario`` up, then make
    ``requests`` requests of it through one ``starmap`` (what callgrind
    counts)."""
    if str(HERE) not in sys.path:
        sys.path.insert(0, str(HERE))
    import measure
    import scenarios

    suite = {s.name: s for s in scenarios.build(importlib.import_module(framework))}
    if scenario not in suite:
        raise SystemExit(f"no scenario {scenario!r}; known: {', '.join(suite)}")
    chosen = suite[scenario]
    app, make_environ = chosen.app, chosen.environ_factory()
    for _ in range(WARM_UP):
        measure._call(app, make_environ())

    def one() -> object:
        return measure._call(app, make_environ())

    deque(starmap(one, repeat((), requests)), maxlen=0)


def callgrind(command: list[str], *options: str) -> int:
    """Instructions callgrind counts while running ``command`` (with
    ``options`` for valgrind), hash randomisation off."""
    with tempfile.TemporaryDirectory() as folder:
        done = subprocess.run(
            [
                "valgrind",
                "--tool=callgrind",
                *options,
                f"--callgrind-out-file={os.path.join(folder, 'out')}",
                *command,
            ],
            capture_output=True,
            text=True,
            env={**os.environ, "PYTHONHASHSEED": "0"},
            check=False,
        )
    found = re.search(r"Collected : (\d+)", done.stderr)
    if done.returncode != 0 or found is None:
        raise SystemExit(done.stderr[-3000:])
    return int(found.group(1))


def per_request(framework: str, scenario: str, requests: int) -> float:
    """Instructions of one request of ``scenario`` on ``framework``."""
    command = [
        sys.executable,
        __file__,
        "--loop",
        framework,
        scenario,
        "--requests",
        str(requests),
    ]
    options = ("--collect-atstart=no", "--toggle-collect=starmap_next")
    return callgrind(command, *options) / requests


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("framework", choices=["flask", "flaskish"])
    parser.add_argument("scenarios", nargs="+")
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument(
        "--loop",
        action="store_true",
        help="run the requests in this process (what callgrind runs)",
    )
    args = parser.parse_args()
    if args.loop:
        request_loop(args.framework, args.scenarios[0], args.requests)
        return
    for scenario in args.scenarios:
        count = per_request(args.framework, scenario, args.requests)
        print(f"{args.framework} {scenario}: {count:,.0f} instructions/request")


if __name__ == "__main__":
    main()
