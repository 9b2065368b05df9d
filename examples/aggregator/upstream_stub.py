"""A slow upstream service for the aggregator example: each answer takes
``STUB_DELAY`` seconds (0.2 by default).

STUB_DELAY=0.5 uvicorn upstream_stub:app.asgi_app --port 8001
"""

from __future__ import annotations

import asyncio
import os
from typing import Any

from flaskish import abort
from flaskish import Flask

READINGS = {
    "paris": {"temperature": 14.5, "wind": 12},
    "oslo": {"temperature": -3.0, "wind": 25},
}


def create_app(delay: float = 0.2) -> Flask:
    app = Flask(__name__)
    #: Requests being answered right now, and the most there ever were.
    app.extensions["stub"] = {"in_flight": 0, "most": 0}

    async def reading(city: str, kind: str) -> dict[str, Any]:
        stats = app.extensions["stub"]
        stats["in_flight"] += 1
        stats["most"] = max(stats["most"], stats["in_flight"])
        try:
            await asyncio.sleep(delay)
        finally:
            stats["in_flight"] -= 1
        if city not in READINGS:
            abort(404)
        return {"city": city, kind: READINGS[city][kind]}

    @app.get("/temperature/<city>")
    async def temperature(city: str) -> dict[str, Any]:
        return await reading(city, "temperature")

    @app.get("/wind/<city>")
    async def wind(city: str) -> dict[str, Any]:
        return await reading(city, "wind")

    return app


app = create_app(float(os.environ.get("STUB_DELAY", "0.2")))
