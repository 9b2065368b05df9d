"""The README's example runs as written."""

from __future__ import annotations

import re
from pathlib import Path

README = Path(__file__).parent.parent / "README.md"


def test_readme_example_runs() -> None:
    blocks = re.findall(r"```python\n(.*?)```", README.read_text(), re.S)
    assert len(blocks) == 1
    namespace: dict[str, object] = {"__name__": "readme_example"}
    exec(compile(blocks[0], str(README), "exec"), namespace)
    app = namespace["app"]
    response = app.test_client().get("/hello")  # type: ignore[attr-defined]
    assert response.status_code == 200
    assert response.get_json() == {"greeting": "Hello, world!"}
