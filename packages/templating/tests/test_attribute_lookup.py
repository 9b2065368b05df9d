"""``obj.name`` in templates resolves as plain Jinja resolves it."""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

import pytest
from jinja2 import BaseLoader
from jinja2 import Environment as JinjaEnvironment
from jinja2 import StrictUndefined
from jinja2 import UndefinedError

from flaskish_templating import Environment


class _LoaderApp:
    def create_global_jinja_loader(self) -> BaseLoader:
        return BaseLoader()


CASES: list[tuple[str, dict[str, Any]]] = [
    ("{{ d.name }}", {"d": {"name": "ada"}}),
    ("{{ d.missing }}|{{ d.missing is defined }}", {"d": {"name": "ada"}}),
    ("{{ d.items()|list }}", {"d": {"items": "shadowed key", "x": 1}}),
    ("{{ d.keys is callable }}", {"d": {"keys": 1}}),
    ("{{ d.name }}", {"d": OrderedDict(name="ordered")}),
    ("{{ d.items }}", {"d": OrderedDict(items="key")}),
    ("{{ o.real }}", {"o": 3}),
    ("{{ l.0 }}", {"l": ["first"]}),
]


@pytest.mark.parametrize(("source", "context"), CASES)
def test_same_result_as_jinja(source: str, context: dict[str, Any]) -> None:
    ours = Environment(_LoaderApp()).from_string(source).render(context)
    reference = JinjaEnvironment().from_string(source).render(context)
    assert ours == reference


def test_missing_key_honours_the_undefined_class() -> None:
    env = Environment(_LoaderApp(), undefined=StrictUndefined)
    with pytest.raises(UndefinedError) as info:
        env.from_string("{{ d.missing }}").render(d={})
    assert str(info.value) == "'dict object' has no attribute 'missing'"
