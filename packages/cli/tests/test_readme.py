from __future__ import annotations

import importlib
import re
from pathlib import Path

README = Path(__file__).parents[1] / "README.md"


def readme_example() -> str:
    [code] = re.findall(r"```python\n(.*?)```", README.read_text(), re.S)
    return code


def test_readme_example(runner, monkeypatch):
    namespace: dict[str, object] = {"__name__": "manage"}
    exec(compile(readme_example(), str(README), "exec"), namespace)
    cli = namespace["cli"]

    greeting = runner.invoke(cli, ["greet", "Ada"])
    assert greeting.exit_code == 0, greeting.output
    assert greeting.output == "Hello, Ada!\n"

    calls = []
    monkeypatch.setattr(
        importlib.import_module("flaskish_cli.run"),
        "run_simple",
        lambda host, port, app, **options: calls.append((host, port, app)),
    )
    monkeypatch.delenv("WERKZEUG_RUN_MAIN", raising=False)
    served = runner.invoke(cli, ["run", "--port", "8000"])
    assert served.exit_code == 0, served.output
    assert calls == [("127.0.0.1", 8000, namespace["hello"])]

    body = namespace["hello"]({}, lambda status, headers: None)
    assert body == [b"Hello from plain WSGI\n"]
