"""Instructions per in-process ASGI hello request, counted by callgrind.

    python tools/bench/asgi_instructions.py [--requests N] [CASE ...]

Cases: ``flaskish`` (the ``async def`` hello of ``asgi_apps``),
``flaskish-sync`` (the same hello as a plain view: one hop to a worker
thread and back), ``starlette``, ``quart``, and ``floor``: the environ
flaskish builds from the scope, werkzeug's ``Request`` of it, a
``Response("Hello, World!")`` and its ``get_wsgi_response``, the least a
request built on werkzeug's objects costs. Requests are driven as
``asgi_measure.py`` drives them. Each case runs twice under valgrind's
callgrind (N and 2N requests after a warm-up); the difference divided by
N is one request, start-up cancelling out. Unlike wall-clock figures the
counts do not move with the machine's other load: use them to compare
two versions of the ASGI edge. Needs valgrind; about a minute per case.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from instructions import callgrind

HERE = Path(__file__).resolve().parent
CASES = ("flaskish", "flaskish-sync", "starlette", "quart", "floor")

_PROGRAM = """
import asyncio, sys
sys.path.insert(0, {here!r})
import asgi_measure
from asgi_apps import FACTORIES

case, count = sys.argv[1], int(sys.argv[2])
if case == "floor":
    from werkzeug.wrappers import Request, Response
    from flaskish_core.asgi_scope import environ_from_scope

    def one():
        environ = environ_from_scope(dict(asgi_measure.SCOPE), None)
        Request(environ)
        Response("Hello, World!").get_wsgi_response(environ)

    for _ in range(300 + count):
        one()
else:
    if case == "flaskish-sync":
        import flaskish

        flask_app = flaskish.Flask("bench")
        flask_app.get("/")(lambda: "Hello, World!")
        app = flask_app.asgi_app
    else:
        app = FACTORIES[case]()

    async def main():
        for _ in range(300 + count):
            await asgi_measure._one(app)

    asyncio.run(main())
"""


def _instructions(case: str, count: int) -> int:
    program = _PROGRAM.format(here=str(HERE))
    return callgrind([sys.executable, "-c", program, case, str(count)])


def per_request(case: str, count: int) -> float:
    """Instructions of one request of ``case``."""
    return (_instructions(case, 2 * count) - _instructions(case, count)) / count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("cases", nargs="*", choices=CASES, default=list(CASES))
    parser.add_argument("--requests", type=int, default=500)
    args = parser.parse_args()
    for case in args.cases:
        print(f"{case:<14}{per_request(case, args.requests):>12,.0f}")


if __name__ == "__main__":
    main()
