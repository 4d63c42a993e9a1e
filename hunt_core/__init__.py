"""Hunt: the networking guide as software. The domain; never imports streamlit."""

import logging

from hunt_core.hookspecs import hookimpl, hookspec
from hunt_core.models import Channel, Criterion, Signal, Template

# A library logs; the CLI and the dashboard decide where it goes (no stray stderr lines).
logging.getLogger(__name__).addHandler(logging.NullHandler())

__all__ = ["Channel", "Criterion", "Signal", "Template", "hookimpl", "hookspec"]
