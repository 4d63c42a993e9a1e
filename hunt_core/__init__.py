"""Hunt: the networking guide as software. The domain; never imports streamlit."""

from hunt_core.hookspecs import hookimpl, hookspec
from hunt_core.models import Channel, Criterion, Signal, Template

__all__ = ["Channel", "Criterion", "Signal", "Template", "hookimpl", "hookspec"]
