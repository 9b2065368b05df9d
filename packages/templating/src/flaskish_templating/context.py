"""The rendering context of flaskish's Jinja environment."""

from __future__ import annotations

import types
from typing import Any

from jinja2.runtime import Context
from jinja2.utils import internalcode

#: Callables that take no Jinja argument unless marked with ``jinja_pass_arg``
#: (by ``pass_context`` & co.). Their ``__call__`` is a method-wrapper, which
#: never carries the mark, so Jinja's check of ``__call__`` can be skipped.
_PLAIN_CALLABLES = (
    types.FunctionType,
    types.MethodType,
    types.BuiltinFunctionType,
)

_STOPPED = "value was undefined because a callable raised a StopIteration exception"


class TemplateContext(Context):
    """Jinja's context, calling plain functions and methods directly.

    Templates call through :meth:`call` (``{{ loop.cycle("a", "b") }}``,
    ``{{ url_for("index") }}``). For a function or method without a
    ``pass_context``/``pass_eval_context``/``pass_environment`` mark, Jinja
    would look the mark up on the object and on its ``__call__`` before
    calling it; this context checks the object's type and mark once. The
    result is Jinja's, marked callables and callable objects go through
    Jinja's own :meth:`~jinja2.runtime.Context.call`.
    """

    @internalcode
    def call(
        __self,
        __obj: Any,
        *args: Any,
        **kwargs: Any,
    ) -> Any:
        """Call ``__obj`` as Jinja does (see :meth:`jinja2.runtime.Context.call`)."""
        if __debug__:
            __traceback_hide__ = True
        if type(__obj) not in _PLAIN_CALLABLES or hasattr(__obj, "jinja_pass_arg"):
            return super().call(__obj, *args, **kwargs)
        if kwargs:
            # Loop and block variables matter only to context-taking callables.
            kwargs.pop("_loop_vars", None)
            kwargs.pop("_block_vars", None)
        try:
            return __obj(*args, **kwargs)
        except StopIteration:
            return __self.environment.undefined(_STOPPED)


__all__ = ["TemplateContext"]
