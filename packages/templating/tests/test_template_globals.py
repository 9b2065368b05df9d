"""Template globals resolve as Jinja's ChainMap resolves them."""

from __future__ import annotations

from collections import ChainMap
from collections import defaultdict
from collections import OrderedDict
from collections.abc import MutableMapping
from typing import Any

import pytest
from jinja2 import DictLoader
from jinja2 import Environment as JinjaEnvironment

from flaskish_templating import Environment
from flaskish_templating.template_globals import TemplateGlobals


class _LoaderApp:
    def create_global_jinja_loader(self) -> DictLoader:
        return DictLoader(
            {"page.html": "{{ own }}|{{ shared }}|{{ env_only }}|{{ missing }}"}
        )


class _Missing(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return f"missing {key}"


def _layers() -> list[list[MutableMapping[str, Any]]]:
    return [
        [{"a": 1, "shared": "own"}, {"shared": "env", "b": 2}],
        [{}, {"b": 2}],
        [defaultdict(lambda: "made", a=1), {"b": 2}],
        [_Missing(a=1), {"b": 2}],
        [OrderedDict(a=1), {"b": 2, "a": 0}],
        [{"a": None}, {"a": 1}],
    ]


@pytest.mark.parametrize("maps", _layers())
@pytest.mark.parametrize("key", ["a", "b", "shared", "nowhere"])
def test_lookups_equal_chainmap(maps: list[MutableMapping[str, Any]], key: str) -> None:
    ours = TemplateGlobals(*maps)
    theirs = ChainMap(*maps)
    try:
        expected: Any = theirs[key]
    except KeyError:
        with pytest.raises(KeyError):
            ours[key]
    else:
        assert ours[key] == expected
    assert (key in ours) == (key in theirs)
    assert ours.get(key, "default") == theirs.get(key, "default")
    assert list(ours) == list(theirs)
    assert dict(ours, x=1) == dict(theirs, x=1)
    assert list(dict(ours, x=1)) == list(dict(theirs, x=1))


def test_rendering_sees_the_layers_as_jinja_does() -> None:
    app = _LoaderApp()
    ours = Environment(app)
    theirs = JinjaEnvironment(loader=app.create_global_jinja_loader())
    for env in (ours, theirs):
        env.globals.update(shared="env", env_only="e")
    results = []
    for env in (ours, theirs):
        template = env.get_template("page.html", globals={"own": "o", "shared": "s"})
        first = template.render()
        env.globals["env_only"] = "changed later"
        results.append((first, template.render(missing="given")))
    assert results[0] == results[1] == ("o|s|e|", "o|s|changed later|given")
    assert type(ours.get_template("page.html").globals) is TemplateGlobals
