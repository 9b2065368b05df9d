"""An ASGI service whose async view calls a slow upstream service.

``GET /forecast/<city>`` asks the upstream for the temperature and the wind
at the same time and answers with both; while it waits, the server's event
loop serves other requests. The HTTP client is made when the server starts
(``before_serving``) and closed when it stops (``after_serving``).

UPSTREAM_URL=http://127.0.0.1:8001 uvicorn aggregator:app.asgi_app --port 8000

(with ``upstream_stub.py`` serving on port 8001).
"""

from __future__ import annotations

import asyncio
import os
from typing import Any

import httpx

from flaskish import current_app
from flaskish import Flask
from flaskish import jsonify


class UpstreamError(Exception):
    """The upstream service failed or could not be reached."""


def create_app(upstream_url: str) -> Flask:
    app = Flask(__name__)
    app.config["UPSTREAM_URL"] = upstream_url

    @app.before_serving
    async def open_client() -> None:
        app.extensions["upstream"] = httpx.AsyncClient(
            base_url=app.config["UPSTREAM_URL"], timeout=5.0
        )

    @app.after_serving
    async def close_client() -> None:
        await app.extensions.pop("upstream").aclose()

    async def fetch(path: str) -> dict[str, Any]:
        client: httpx.AsyncClient = current_app.extensions["upstream"]
        try:
            response = await client.get(path)
        except httpx.HTTPError as e:
            raise UpstreamError(f"upstream unreachable: {e}") from e
        if response.status_code == 404:
            return {}
        if response.status_code != 200:
            raise UpstreamError(f"upstream answered {response.status_code}")
        return dict(response.json())

    @app.get("/forecast/<city>")
    async def forecast(city: str) -> Any:
        temperature, wind = await asyncio.gather(
            fetch(f"/temperature/{city}"), fetch(f"/wind/{city}")
        )
        if not temperature or not wind:
            return jsonify(error=f"no readings for {city!r}"), 404
        return {
            "city": city,
            "temperature": temperature["temperature"],
            "wind": wind["wind"],
        }

    @app.errorhandler(UpstreamError)
    def upstream_failed(error: UpstreamError) -> Any:
        return jsonify(error=str(error)), 502

    return app


app = create_app(os.environ.get("UPSTREAM_URL", "http://127.0.0.1:8001"))
