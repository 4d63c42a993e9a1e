"""The installed `hunt` console script, run for real by the tests that are about it."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path


def run_script(
    *args: str, env: dict[str, str], timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    """Run the `hunt` console script (or the module, if the script is missing), output captured."""
    script = shutil.which("hunt", path=str(Path(sys.executable).parent))
    command = [script] if script else [sys.executable, "-m", "hunt_core.cli"]
    return subprocess.run(
        [*command, *args], env=env, capture_output=True, text=True, timeout=timeout, check=False
    )
