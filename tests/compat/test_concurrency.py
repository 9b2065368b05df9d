"""Many threads through one application: no request sees another's data."""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor

from flaskish import Flask
from flaskish import g
from flaskish import request
from flaskish import session

THREADS = 16
REQUESTS_PER_THREAD = 25


def _app() -> Flask:
    app = Flask(__name__)
    app.secret_key = "concurrency"

    @app.before_request
    def remember() -> None:
        g.who = request.args["who"]

    @app.route("/echo")
    def echo() -> str:
        seen_before = g.who
        # Let other threads run between reading and answering.
        time.sleep(0.0005)
        session["last"] = request.args["n"]
        return f"{seen_before}:{request.args['who']}:{g.who}:{session['last']}"

    return app


def test_threads_see_only_their_own_request_g_and_session() -> None:
    app = _app()

    def worker(who: int) -> list[str]:
        client = app.test_client()
        answers = []
        for n in range(REQUESTS_PER_THREAD):
            response = client.get(f"/echo?who={who}&n={n}")
            assert response.status_code == 200
            answers.append(response.get_data(as_text=True))
            with client.session_transaction() as stored:
                assert stored["last"] == str(n)
        return answers

    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        results = list(pool.map(worker, range(THREADS)))

    for who, answers in enumerate(results):
        assert answers == [f"{who}:{who}:{who}:{n}" for n in range(REQUESTS_PER_THREAD)]
