"""The Companies page: every score with its coverage and range, the breakdown drawn honestly."""

from __future__ import annotations

import json

from hunt_core import insights
from hunt_core.workspace import Workspace

from .driver import Dash


def _two(ws: Workspace) -> None:
    """One company known for a single good thing, one meeting nearly every criterion."""
    ws.add_company({"name": "Obscure", "peers_know": "no"})
    ws.add_company(
        {"name": "Strong", "stack": "C#", "remote": "yes", "hires_no_degree": "yes",
         "alumni_hired": "2", "open_roles": "Junior .NET Developer", "uses_product": "yes",
         "knows_someone": "Sam Lee"}
    )  # fmt: skip


def test_the_list_shows_each_score_with_what_is_known_and_its_range(profiled: Dash) -> None:
    profiled.seed(_two)
    profiled.start().open("companies").assert_ok()
    ranked = profiled.at.dataframe[0].value
    assert list(ranked["Company"]) == ["Strong", "Obscure"], "one good thing is not a 100"
    obscure = ranked[ranked["Company"] == "Obscure"].iloc[0]
    assert obscure["Known"].startswith("1 of ") and obscure["Known"].endswith(" criteria known")
    low, high = (float(n) for n in obscure["Could be"].split("-"))
    assert low < obscure["Score"] < high == 100


def test_the_breakdown_says_how_much_is_known_and_draws_every_part(profiled: Dash) -> None:
    profiled.seed(_two)
    profiled.start().open("companies").assert_ok()
    assert profiled.at.subheader[0].value.startswith("Strong: ")
    caption = next(c.value for c in profiled.at.caption if "criteria known" in c.value)
    assert "every unknown a no" in caption and "every unknown a yes" in caption
    [chart] = [n for n in profiled.at if getattr(n, "type", "") == "vega_lite_chart"]
    spec = json.loads(chart.proto.spec)
    assert "criteria known" in spec["title"]["text"]
    legend = spec["layer"][0]["encoding"]["color"]["scale"]["domain"]
    assert legend == list(insights.PARTS) and insights.OFF in legend
