"""Start-up work that can wait until the board is on screen.

pendulum imports dateutil's parser when it is imported, for a fallback that
Followup only reaches when parsing unusual date text; building that parser
(its regexes, its time-zone tables) is about a tenth of a second's start-up
budget. It is registered here as a lazy module: it loads on first use, or when
`load_date_parser` is called once the board is drawn.
"""

from __future__ import annotations

import sys

_PARSER = "dateutil.parser"


def defer_date_parser() -> None:
    if _PARSER in sys.modules:
        return
    try:
        import importlib.util

        spec = importlib.util.find_spec(_PARSER)
    except (ImportError, ValueError):
        return
    if spec is None or spec.loader is None:
        return
    spec.loader = importlib.util.LazyLoader(spec.loader)
    module = importlib.util.module_from_spec(spec)
    sys.modules[_PARSER] = module
    spec.loader.exec_module(module)  # runs nothing yet: the first attribute read does
    sys.modules["dateutil"].parser = module


def load_date_parser() -> None:
    """Finish the deferred import now, on the calling thread.

    Python 3.11's lazy modules are not safe to first touch from two threads at
    once, so the board calls this on its own thread before it starts loading
    applications on another.
    """
    module = sys.modules.get(_PARSER)
    if module is not None:
        getattr(module, "parse", None)
