"""Class-based views: :class:`View` and the per-method :class:`MethodView`."""

from __future__ import annotations

from collections.abc import Callable
from collections.abc import Collection
from functools import reduce
from typing import Any
from typing import ClassVar
from weakref import WeakKeyDictionary

from .async_bridge import is_coroutine_function
from .request_source import current_ensure_sync
from .request_source import current_request

#: Names of the methods a :class:`MethodView` may define, one per HTTP verb.
http_method_funcs = frozenset(
    ["get", "post", "head", "options", "delete", "put", "trace", "patch"]
)


class View:
    """Base for views written as classes.

    Subclasses implement :meth:`dispatch_request`; :meth:`as_view` turns the
    class into a view function to register with ``add_url_rule``. Class
    attributes tune the generated function: :attr:`methods`,
    :attr:`provide_automatic_options`, :attr:`decorators` (applied to the
    view function, not to the class) and :attr:`init_every_request`.
    """

    #: HTTP methods the view accepts, or ``None`` for the router's default.
    methods: ClassVar[Collection[str] | None] = None
    #: Overrides the automatic ``OPTIONS`` handling when not ``None``.
    provide_automatic_options: ClassVar[bool | None] = None
    #: Decorators applied, in order, to the function made by :meth:`as_view`.
    decorators: ClassVar[list[Callable[..., Any]]] = []
    #: ``False`` builds one instance at :meth:`as_view` time and reuses it
    #: for every request (so do not keep per-request state on ``self``).
    init_every_request: ClassVar[bool] = True

    def dispatch_request(self) -> Any:
        """Handle a request. Called with the URL values as keyword
        arguments, so subclasses declare the ones their rules have."""
        raise NotImplementedError()

    @classmethod
    def as_view(
        cls, name: str, *class_args: Any, **class_kwargs: Any
    ) -> Callable[..., Any]:
        """Make a view function named ``name`` for this class.

        ``class_args`` and ``class_kwargs`` are passed to the constructor,
        once per request, or once here when :attr:`init_every_request` is
        false.
        """
        view_class: Callable[[], type[View]]
        instance: Callable[[], View]
        # The view functions close over ``class_args`` and ``class_kwargs``
        # (or the shared instance) themselves, as Flask's do: extensions
        # such as Flask-Injector read them from the closure.
        if cls.init_every_request:

            def view(**kwargs: Any) -> Any:
                # ``view`` is the returned (possibly decorated) function: a
                # class assigned to its ``view_class`` later is the one used.
                self = view.view_class(*class_args, **class_kwargs)  # type: ignore[attr-defined]
                return current_ensure_sync()(self.dispatch_request)(**kwargs)

            def view_class() -> type[View]:
                return view.view_class  # type: ignore[attr-defined,no-any-return]

            def instance() -> View:
                return view_class()(*class_args, **class_kwargs)

        else:
            self = cls(*class_args, **class_kwargs)

            def view(**kwargs: Any) -> Any:
                return current_ensure_sync()(self.dispatch_request)(**kwargs)

            def view_class() -> type[View]:
                return type(self)

            def instance() -> View:
                return self

        if not cls.decorators:
            _undecorated[view] = (view_class, instance)
        else:
            # Named first, so that decorators using functools.wraps copy the name.
            view.__name__, view.__module__ = name, cls.__module__
            view = reduce(lambda inner, wrap: wrap(inner), cls.decorators, view)

        attributes = {
            "view_class": cls,
            "__name__": name,
            "__doc__": cls.__doc__,
            "__module__": cls.__module__,
            "methods": cls.methods,
            "provide_automatic_options": cls.provide_automatic_options,
        }
        for attribute, value in attributes.items():
            setattr(view, attribute, value)
        return view


class MethodView(View):
    """A view that calls the instance method named after the request's
    HTTP method (``get``, ``post``, ...); ``HEAD`` falls back to ``get``.

    :attr:`methods` is filled in from the methods the class (or its bases)
    define, unless the class sets it itself.
    """

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "methods" in cls.__dict__:
            return
        found: set[str] = set()
        for base in cls.__bases__:
            found.update(getattr(base, "methods", None) or ())
        found.update(verb.upper() for verb in http_method_funcs if hasattr(cls, verb))
        if found:
            cls.methods = found

    def dispatch_request(self, **kwargs: Any) -> Any:
        method: str = current_request().method
        name = _handler_name(self, method)
        assert name is not None, f"Unimplemented method {method!r}"
        return current_ensure_sync()(getattr(self, name))(**kwargs)


def _handler_name(owner: Any, method: str) -> str | None:
    """The name of the :class:`MethodView` method (of the class or an
    instance ``owner``) that handles ``method``: its lower-case name, or
    ``get`` for a ``HEAD`` it does not define; ``None`` when there is none."""
    name = method.lower()
    if getattr(owner, name, None) is not None:
        return name
    if method == "HEAD" and getattr(owner, "get", None) is not None:
        return "get"
    return None


#: The view functions :meth:`View.as_view` made without decorators, each
#: with the functions giving its class and the instance handling a request.
_undecorated: WeakKeyDictionary[
    Callable[..., Any], tuple[Callable[[], type[View]], Callable[[], View]]
]
_undecorated = WeakKeyDictionary()


def class_view_coroutine(
    view: Callable[..., Any], method: str | None = None
) -> Callable[..., Any] | None:
    """For a view function made by :meth:`View.as_view` with no decorators
    whose handler of ``method`` (by default the current request's) is
    ``async def`` (a :class:`View`'s
    ``dispatch_request``, or a :class:`MethodView`'s method for ``method``,
    ``get`` for ``HEAD``): a function taking the URL values that makes the
    instance and returns the handler's coroutine, for an event loop to
    await. ``None`` for any other function (call it as usual).

    The view function itself calls async handlers through ``ensure_sync``;
    an ASGI server awaits this coroutine instead. Nothing else runs in
    between (no decorator), so the result is the same.
    """
    try:
        found = _undecorated.get(view)
    except TypeError:  # not weakly referenceable: not one of ours
        return None
    if found is None:
        return None
    view_class, instance = found
    cls = view_class()
    if is_coroutine_function(cls.dispatch_request):
        return lambda **kwargs: instance().dispatch_request(**kwargs)
    if cls.dispatch_request is not MethodView.dispatch_request:
        return None
    if method is None:
        method = current_request().method
    name = _handler_name(cls, method)
    if name is None or not is_coroutine_function(getattr(cls, name)):
        return None
    return lambda **kwargs: getattr(instance(), name)(**kwargs)
