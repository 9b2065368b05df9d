"""Calls in templates give what plain Jinja gives."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from jinja2 import BaseLoader
from jinja2 import Environment as JinjaEnvironment
from jinja2 import pass_context
from jinja2 import pass_environment
from jinja2 import pass_eval_context
from jinja2 import Undefined
from jinja2.runtime import Context
from jinja2.utils import internal_code

from flaskish_templating import Environment
from flaskish_templating.context import TemplateContext


class _LoaderApp:
    def create_global_jinja_loader(self) -> BaseLoader:
        return BaseLoader()


@pass_context
def context_name(context: Context, suffix: str = "") -> str:
    return f"{context.get('who', 'nobody')}{suffix}"


@pass_environment
def environment_kind(environment: JinjaEnvironment) -> str:
    return f"env autoescape={environment.autoescape}"


@pass_eval_context
def eval_autoescape(eval_ctx: Any) -> str:
    return f"eval autoescape={eval_ctx.autoescape}"


class Greeter:
    def hello(self, name: str, punctuation: str = "!") -> str:
        return f"hello {name}{punctuation}"

    @pass_context
    def from_context(self, context: Context) -> str:
        return f"method sees {context.get('who')}"


class CallableWithContext:
    @pass_context
    def __call__(self, context: Context) -> str:
        return f"object sees {context.get('who')}"


def stops() -> str:
    raise StopIteration


def exhausted() -> str:
    return next(iter(()))


def keyword_only(*, value: str) -> str:
    return f"kw {value}"


def _items() -> Iterator[int]:
    yield from (1, 2, 3)


CASES = [
    "{% for i in items %}{{ loop.cycle('odd', 'even') }}{% endfor %}",
    "{{ greeter.hello('ada') }}|{{ greeter.hello('bob', punctuation='?') }}",
    "{% for who in ['x', 'y'] %}{{ context_name() }}{% endfor %}",
    "{% for i in items %}{% set who = 'loop' ~ i %}{{ context_name('.') }}{% endfor %}",
    "{{ context_name() }}{{ environment_kind() }}{{ eval_autoescape() }}",
    "{% autoescape false %}{{ eval_autoescape() }}{% endautoescape %}",
    "{{ greeter.from_context() }}|{{ callable_object() }}",
    "{{ len(items) }}{{ range(3)|list }}{{ keyword_only(value='v') }}",
    "{{ stops() }}|{{ stops() is defined }}|{{ exhausted() is undefined }}",
    "{% macro m(x) %}<{{ x }}>{% endmacro %}{% for i in items %}{{ m(i) }}{% endfor %}",
    "{% block body %}{% for i in items %}{{ context_name(i|string) }}{% endfor %}"
    "{% endblock %}",
    "{{ missing_function is undefined }}",
]


@pytest.mark.parametrize("source", CASES)
@pytest.mark.parametrize("autoescape", [True, False])
def test_same_result_as_jinja(source: str, autoescape: bool) -> None:
    context = {
        "items": [1, 2, 3],
        "who": "ada",
        "greeter": Greeter(),
        "callable_object": CallableWithContext(),
        "context_name": context_name,
        "environment_kind": environment_kind,
        "eval_autoescape": eval_autoescape,
        "len": len,
        "stops": stops,
        "exhausted": exhausted,
        "keyword_only": keyword_only,
    }
    ours = Environment(_LoaderApp(), autoescape=autoescape)
    reference = JinjaEnvironment(autoescape=autoescape)
    expected = reference.from_string(source).render(context)
    assert ours.from_string(source).render(context) == expected


def test_stop_iteration_gives_jinja_undefined_value() -> None:
    ours = Environment(_LoaderApp()).from_string("").new_context().call(stops)
    reference = JinjaEnvironment().from_string("").new_context().call(stops)
    assert type(ours) is type(reference) is Undefined
    assert (
        ours._undefined_hint
        == reference._undefined_hint
        == ("value was undefined because a callable raised a StopIteration exception")
    )


def test_environment_uses_the_template_context() -> None:
    env = Environment(_LoaderApp())
    assert isinstance(env.from_string("").new_context(), TemplateContext)


def test_call_frame_is_hidden_from_template_tracebacks() -> None:
    assert TemplateContext.call.__code__ in internal_code


def test_errors_from_called_functions_propagate() -> None:
    def boom() -> None:
        raise ValueError("boom")

    env = Environment(_LoaderApp())
    with pytest.raises(ValueError, match="boom"):
        env.from_string("{{ boom() }}").render(boom=boom)
