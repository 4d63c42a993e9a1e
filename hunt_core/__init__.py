"""Hunt: the networking guide as software. The domain; never imports streamlit."""

from __future__ import annotations

import logging
import warnings

# A library logs; the CLI and the dashboard decide where it goes (no stray stderr lines).
logging.getLogger(__name__).addHandler(logging.NullHandler())

# The 1.0 top-level names, deprecated in 1.1 and removed in 2.0 (CHANGELOG.md). They resolve
# only when asked for, so `import hunt_core` stays silent and loads neither models nor pluggy:
# every CLI command pays for this package's import.
_DEPRECATED = ("Channel", "Criterion", "Signal", "Template", "hookimpl", "hookspec")
_REMOVED_IN = "2.0"

__all__: list[str] = []  # no public names here: plugins import from hunt_core.api


def _deprecation_message(name: str) -> str:
    """What a plugin using the old top-level name is told to do instead."""
    if name == "hookspec":
        # Not in hunt_core.api: a plugin implements Hunt's hooks and cannot declare new ones.
        instead = "plugins implement hooks with `from hunt_core.api import hookimpl`"
    else:
        instead = f"use `from hunt_core.api import {name}`"
    return f"hunt_core.{name} is deprecated and will be removed in Hunt {_REMOVED_IN}; {instead}"


def __getattr__(name: str) -> object:
    """A deprecated top-level name: the hunt_core.api object, with a DeprecationWarning."""
    if name not in _DEPRECATED:
        raise AttributeError(f"module 'hunt_core' has no attribute {name!r}")
    warnings.warn(_deprecation_message(name), DeprecationWarning, stacklevel=2)
    if name == "hookspec":
        from hunt_core import hookspecs

        return hookspecs.hookspec
    from hunt_core import api

    return getattr(api, name)
