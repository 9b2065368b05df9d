"""Serve the demo application on http://127.0.0.1:5000."""

from __future__ import annotations

import sys


def main(argv: list[str]) -> int:
    from werkzeug.serving import run_simple

    def hello(environ, start_response):  # type: ignore[no-untyped-def]
        start_response("200 OK", [("Content-Type", "text/plain; charset=utf-8")])
        return [b"Hello from flaskish!\n"]

    port = int(argv[0]) if argv else 5000
    run_simple("127.0.0.1", port, hello)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
