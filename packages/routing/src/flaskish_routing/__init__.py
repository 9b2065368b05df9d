"""The registration scaffold, class-based views and a standalone WSGI router on werkzeug's routing."""

from .app_scaffold import AppScaffold as AppScaffold
from .async_bridge import async_to_sync as async_to_sync
from .async_bridge import ensure_sync as ensure_sync
from .async_bridge import is_coroutine_function as is_coroutine_function
from .async_bridge import run_coroutine as run_coroutine
from .async_bridge import serve_from_loop as serve_from_loop
from .callbacks import call_all as call_all
from .conversion import ResponseConversion as ResponseConversion
from .paths import _split_blueprint_path as _split_blueprint_path
from .paths import get_root_path as get_root_path
from .request_source import current_ensure_sync as current_ensure_sync
from .request_source import current_request as current_request
from .request_source import set_ensure_sync_lookup as set_ensure_sync_lookup
from .request_source import set_request_lookup as set_request_lookup
from .routed_request import RoutedRequestMixin as RoutedRequestMixin
from .router import Router as Router
from .router_request import RouterRequest as RouterRequest
from .scaffold import _endpoint_from_view_func as _endpoint_from_view_func
from .scaffold import Scaffold as Scaffold
from .scaffold import setupmethod as setupmethod
from .static_matches import VersionedMap as VersionedMap
from .views import class_view_coroutine as class_view_coroutine
from .views import http_method_funcs as http_method_funcs
from .views import MethodView as MethodView
from .views import View as View

__version__ = "0.1.0"
