"""The public plugin API: every name a plugin may import, frozen, documented and versioned.

Plugins import from here only (``from hunt_core.api import Criterion, Signal, hookimpl``); the
built-in plugins do too. Anything else in ``hunt_core`` is private and may change in any
release. ``API_VERSION`` follows semantic versioning (see CHANGELOG.md): a minor version adds,
a major version may remove, and a removal is announced one minor version ahead with a
deprecation warning at load time.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from hunt_core.hookspecs import hookimpl
from hunt_core.models import (
    NEUTRAL_PRIOR,
    Channel,
    Context,
    Criterion,
    Signal,
    Template,
)
from hunt_core.names import name_key
from hunt_core.outreach import template_problem
from hunt_core.plugins import as_list, criterion_problem
from hunt_core.scoring import signal_check
from hunt_core.views import Company, Connection, Contact, Posting, Profile
from hunt_core.wording import and_list, plural, possessive, spoken

API_VERSION = "1.2.0"

__all__ = [
    "API_VERSION",
    "NEUTRAL_PRIOR",
    "Channel",
    "Company",
    "Connection",
    "Contact",
    "Context",
    "Criterion",
    "Posting",
    "Profile",
    "Signal",
    "Template",
    "and_list",
    "check_channels",
    "check_criterion",
    "check_signals",
    "check_template",
    "hookimpl",
    "name_key",
    "plural",
    "possessive",
    "spoken",
]


def check_criterion(criterion: Criterion) -> None:
    """Raise ValueError saying why the host would refuse this criterion at load."""
    problem = criterion_problem(criterion)
    if problem:
        raise ValueError(problem)


def check_signals(
    returned: Any, criteria: Mapping[str, Criterion], applies_to: str = "company"
) -> list[Signal]:
    """What the host accepts from a scoring hook: the signals, or TypeError / ValueError."""
    return signal_check(criteria, applies_to)(returned)


def check_channels(returned: Any) -> list[Channel]:
    """What the host accepts from ``hunt_channels``: the channels, or TypeError / ValueError."""
    channels = as_list(Channel)(returned)
    for channel in channels:
        if not 0 <= channel.warmth <= 1:
            raise ValueError(f"channel {channel.key!r} warmth {channel.warmth!r} not in [0, 1]")
    return channels


def check_template(template: Template) -> None:
    """Raise ValueError saying why the host would refuse this message template."""
    problem = template_problem(template)
    if problem:
        raise ValueError(problem)
