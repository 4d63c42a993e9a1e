"""The dashboard's Altair charts: what their specs promise a reader."""

from __future__ import annotations

import pytest

from app_pages import charts


@pytest.mark.parametrize(
    ("spec", "channel"),
    [(charts._funnel_spec, "x"), (charts._weekly_spec, "y"), (charts._leaders_spec, "x")],
)
def test_counts_are_ticked_in_whole_numbers(spec: object, channel: str) -> None:
    # "1.5 messages sent" reads as a bug: a board where everyone sent 0-2 showed 0.5 steps.
    axis = spec()["encoding"][channel]["axis"]  # type: ignore[operator]
    assert axis["format"] == "d" and axis["tickMinStep"] == 1
