"""Batches of many small objects and no cycles: the cyclic collector paused while they run."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    """Pause the cyclic GC for a batch; nested batches leave it to the outermost.

    Reading a big hunt makes hundreds of thousands of rows, views and signals that live until
    the batch ends; the collector would rescan all of them again and again (a third of the
    time of ranking 60,000 people) and find nothing, since none of them form cycles.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
