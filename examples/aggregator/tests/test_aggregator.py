from __future__ import annotations

import asyncio
import socket
from typing import Any

import httpx
from aggregator import create_app


def test_forecast_combines_both_upstream_readings(service_url: str) -> None:
    response = httpx.get(f"{service_url}/forecast/paris")
    assert response.status_code == 200
    assert response.json() == {"city": "paris", "temperature": 14.5, "wind": 12}


def test_unknown_city_is_a_json_404(service_url: str) -> None:
    response = httpx.get(f"{service_url}/forecast/atlantis")
    assert response.status_code == 404
    assert response.json() == {"error": "no readings for 'atlantis'"}


def test_requests_wait_for_the_upstream_together(service_url: str, stub: Any) -> None:
    async def main() -> list[httpx.Response]:
        async with httpx.AsyncClient(base_url=service_url, timeout=10) as client:
            return await asyncio.gather(
                *(client.get(f"/forecast/{city}") for city in ["oslo"] * 10)
            )

    replies = asyncio.run(main())
    assert [reply.status_code for reply in replies] == [200] * 10
    assert {reply.json()["wind"] for reply in replies} == {25}
    # Each request asks for two readings at once, and the requests do not
    # wait for each other: the upstream had more than two in flight.
    assert stub.extensions["stub"]["most"] > 2


def test_an_unreachable_upstream_is_a_502(serve: Any) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        closed_port = sock.getsockname()[1]
    url = serve(create_app(f"http://127.0.0.1:{closed_port}").asgi_app)
    response = httpx.get(f"{url}/forecast/paris")
    assert response.status_code == 502
    assert response.json()["error"].startswith("upstream unreachable")
