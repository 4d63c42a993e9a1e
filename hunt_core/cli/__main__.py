"""`python -m hunt_core.cli`: the same as the `hunt` console script."""

from hunt_core.cli import console

console()
