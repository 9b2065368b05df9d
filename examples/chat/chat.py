"""A chat room: one page and one WebSocket route, served over ASGI.

    uvicorn --app-dir examples/chat chat:app.asgi_app

Open http://127.0.0.1:8000/ in two browser tabs. Each tab picks a name
(kept in the session), then every message typed is sent to everyone in
the room through their WebSocket.
"""

from __future__ import annotations

import asyncio
import json
import secrets

from flaskish import Flask
from flaskish import redirect
from flaskish import render_template_string
from flaskish import request
from flaskish import session
from flaskish import url_for
from flaskish import websocket
from flaskish.wrappers import Websocket
from flaskish.wrappers import WebsocketDisconnect

PAGE = """<!doctype html>
<title>chat</title>
<p>You are <b>{{ name }}</b>.</p>
<ul id="log"></ul>
<form id="say"><input id="text" autocomplete="off" autofocus><button>Send</button></form>
<script>
const ws = new WebSocket({{ url_for("room")|tojson }});
ws.onmessage = (event) => {
  const { name, text } = JSON.parse(event.data);
  const item = document.createElement("li");
  item.textContent = `${name}: ${text}`;
  document.getElementById("log").append(item);
};
document.getElementById("say").onsubmit = (event) => {
  event.preventDefault();
  const input = document.getElementById("text");
  ws.send(input.value);
  input.value = "";
};
</script>
"""

NAME_FORM = """<!doctype html>
<title>chat</title>
<form method="post"><input name="name" placeholder="your name"><button>Join</button></form>
"""


def create_app() -> Flask:
    app = Flask(__name__)
    app.secret_key = secrets.token_hex()
    # Everyone connected, shared by the connections of this one process.
    members: set[Websocket] = set()

    @app.route("/", methods=["GET", "POST"])
    def index() -> object:
        if request.method == "POST":
            session["name"] = request.form.get("name", "").strip()[:30] or "guest"
            return redirect(url_for("index"))
        if "name" not in session:
            return NAME_FORM
        return render_template_string(PAGE, name=session["name"])

    @app.before_websocket
    def must_have_joined() -> object:
        if "name" not in session:
            return "Pick a name first.", 403
        return None

    @app.websocket("/room")
    async def room() -> None:
        me = websocket._get_current_object()  # type: ignore[attr-defined]
        name = session["name"]
        members.add(me)
        try:
            await broadcast(members, name, "joined")
            while True:
                text = await websocket.receive()
                if isinstance(text, str) and text.strip():
                    await broadcast(members, name, text[:500])
        except WebsocketDisconnect:
            pass
        finally:
            members.discard(me)
            await broadcast(members, name, "left")

    return app


async def broadcast(members: set[Websocket], name: str, text: str) -> None:
    """Send ``name: text`` to every member still connected."""
    message = json.dumps({"name": name, "text": text})
    listeners = list(members)
    results = await asyncio.gather(
        *(member.send(message) for member in listeners), return_exceptions=True
    )
    for member, result in zip(listeners, results, strict=True):
        if isinstance(result, Exception):
            members.discard(member)


app = create_app()
