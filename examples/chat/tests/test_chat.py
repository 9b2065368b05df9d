from __future__ import annotations

import asyncio
import json

import httpx
import pytest
from chat import create_app
from websockets.asyncio.client import connect
from websockets.exceptions import InvalidStatus

from flaskish.testing import WebsocketRejected


def join(client: httpx.Client | object, name: str) -> None:
    response = client.post("/", data={"name": name})  # type: ignore[attr-defined]
    assert response.status_code == 302


def test_page_has_the_script_and_the_room_url() -> None:
    client = create_app().test_client()
    assert b'name="name"' in client.get("/").data
    join(client, "ann")
    page = client.get("/").text
    assert "You are <b>ann</b>" in page
    assert 'new WebSocket("ws://localhost/room")' in page


def test_messages_reach_everyone_in_process() -> None:
    app = create_app()
    ann, bob = app.test_client(), app.test_client()
    join(ann, "ann")
    join(bob, "bob")
    with ann.websocket("/room") as ann_ws:
        assert ann_ws.receive_json() == {"name": "ann", "text": "joined"}
        with bob.websocket("/room") as bob_ws:
            assert bob_ws.receive_json() == {"name": "bob", "text": "joined"}
            assert ann_ws.receive_json() == {"name": "bob", "text": "joined"}
            bob_ws.send("hi ann")
            assert ann_ws.receive_json() == {"name": "bob", "text": "hi ann"}
            assert bob_ws.receive_json() == {"name": "bob", "text": "hi ann"}
        assert ann_ws.receive_json() == {"name": "bob", "text": "left"}


def test_joining_needs_a_name() -> None:
    with pytest.raises(WebsocketRejected) as rejected:
        create_app().test_client().websocket("/room").__enter__()
    assert rejected.value.response.status_code == 403
    assert rejected.value.response.text == "Pick a name first."


def test_chat_over_uvicorn(served: str) -> None:
    with httpx.Client(base_url=f"http://{served}") as http:
        join(http, "ann")
        cookie = "; ".join(f"{k}={v}" for k, v in http.cookies.items())
        assert f'"ws://{served}/room"' in http.get("/").text

    async def main() -> list[object]:
        headers = {"Cookie": cookie}
        async with connect(f"ws://{served}/room", additional_headers=headers) as one:
            seen = [json.loads(await one.recv())]
            async with connect(
                f"ws://{served}/room", additional_headers=headers
            ) as two:
                seen.append(json.loads(await one.recv()))
                await two.send("hello from two")
                seen.append(json.loads(await one.recv()))
            seen.append(json.loads(await one.recv()))
        with pytest.raises(InvalidStatus) as rejected:
            async with connect(f"ws://{served}/room"):
                pass
        seen.append(rejected.value.response.status_code)
        return seen

    assert asyncio.run(asyncio.wait_for(main(), 20)) == [
        {"name": "ann", "text": "joined"},
        {"name": "ann", "text": "joined"},
        {"name": "ann", "text": "hello from two"},
        {"name": "ann", "text": "left"},
        403,
    ]
