"""Type aliases for application callables and view return values.

Re-exports at the module path applications import from; the
implementation lives in the flaskish components.
"""

from __future__ import annotations

from flaskish_core.typing import AfterRequestCallable as AfterRequestCallable
from flaskish_core.typing import AppOrBlueprintKey as AppOrBlueprintKey
from flaskish_core.typing import (
    BeforeFirstRequestCallable as BeforeFirstRequestCallable,
)
from flaskish_core.typing import BeforeRequestCallable as BeforeRequestCallable
from flaskish_core.typing import ErrorHandlerCallable as ErrorHandlerCallable
from flaskish_core.typing import HeadersValue as HeadersValue
from flaskish_core.typing import HeaderValue as HeaderValue
from flaskish_core.typing import ResponseClass as ResponseClass
from flaskish_core.typing import ResponseReturnValue as ResponseReturnValue
from flaskish_core.typing import ResponseValue as ResponseValue
from flaskish_core.typing import RouteCallable as RouteCallable
from flaskish_core.typing import (
    ShellContextProcessorCallable as ShellContextProcessorCallable,
)
from flaskish_core.typing import TeardownCallable as TeardownCallable
from flaskish_core.typing import (
    TemplateContextProcessorCallable as TemplateContextProcessorCallable,
)
from flaskish_core.typing import TemplateFilterCallable as TemplateFilterCallable
from flaskish_core.typing import TemplateGlobalCallable as TemplateGlobalCallable
from flaskish_core.typing import TemplateTestCallable as TemplateTestCallable
from flaskish_core.typing import URLDefaultCallable as URLDefaultCallable
from flaskish_core.typing import (
    URLValuePreprocessorCallable as URLValuePreprocessorCallable,
)
