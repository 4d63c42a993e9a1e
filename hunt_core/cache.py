"""Derived data kept between runs in the user cache dir: one file per data version, atomic."""

from __future__ import annotations

import os
import tempfile
import zlib
from collections.abc import Callable
from pathlib import Path


def folder() -> Path:
    """The cache folder: $HUNT_CACHE_DIR, else the platform's user cache dir for hunt."""
    import platformdirs  # only a command that builds or reads a cache pays for it

    return Path(os.environ.get("HUNT_CACHE_DIR") or platformdirs.user_cache_dir("hunt"))


def file(stem: str, version: str, suffix: str, *sources: Path) -> Path:
    """Where one derived file is kept, named by its data's version and its sources' digest.

    A new data release, or a change to the module or data the file is derived from (sources),
    gives a new name, so a stale cache is never read; it is simply left behind.
    """
    # A checksum, not a secure hash: it only tells versions apart (and hashlib costs every
    # command 5 ms to import).
    digest = f"{zlib.crc32(b''.join(s.read_bytes() for s in sources)):08x}"
    return folder() / f"{stem}-{version}-{digest}{suffix}"


def write(path: Path, build: Callable[[Path], None]) -> None:
    """Build a file beside path, then move it into place: a parallel run never sees half a file.

    Raises OSError when the folder cannot be written; callers then keep the data in memory.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, fresh = tempfile.mkstemp(dir=path.parent, suffix=".building")
    os.close(handle)
    try:
        build(Path(fresh))
        os.replace(fresh, path)
    finally:
        if os.path.exists(fresh):
            os.unlink(fresh)
