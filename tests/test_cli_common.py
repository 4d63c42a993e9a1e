"""What the command groups share: JSON written whole or in chunks reads the same."""

from __future__ import annotations

import io
import sys

import pytest

from hunt_core.cli import common


class _Bytes(io.TextIOWrapper):
    """A stdout with a buffer, as a terminal or a pipe has, whose bytes a test can read."""

    def __init__(self) -> None:
        self.raw_bytes = io.BytesIO()
        super().__init__(self.raw_bytes, encoding="utf-8")

    def getvalue(self) -> str:
        """Everything written, text and bytes alike."""
        self.flush()
        return self.raw_bytes.getvalue().decode()


@pytest.mark.parametrize("size", [0, 1, 2, 3, 4, 6, 7])
@pytest.mark.parametrize("stream", [_Bytes, io.StringIO])
def test_a_list_in_chunks_is_the_same_json_byte_for_byte(
    size: int, stream: type[_Bytes | io.StringIO], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(common, "CHUNK", 3)  # sizes below, at and past one and two chunks
    items = [{"n": n, "name": f"Zoë {n}", "tags": ["a", n]} for n in range(size)]
    written = []
    for write in (lambda: common.print_json(items), lambda: common.print_json_list(items, dict)):
        out = stream()
        monkeypatch.setattr(sys, "stdout", out)
        print("before", flush=True)  # what was printed first still comes first
        write()
        written.append(out.getvalue())
    whole, chunked = written
    assert chunked == whole
    assert whole.startswith("before\n[") and whole.endswith("]\n")
