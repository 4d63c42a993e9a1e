"""The README works in a clone: every link stays inside the repository and resolves there."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LINK = re.compile(r"\]\(([^)\s]+)\)")
# The one deliberate way out: Render's own "Deploy to Render" button (issue 10's one click),
# which works from a clone as long as the repository is on GitHub.
DEPLOY_BUTTON = (
    "https://render.com/images/deploy-to-render-button.svg",
    "https://render.com/deploy",
)


def test_the_readme_links_only_to_files_in_the_repository() -> None:
    links = LINK.findall((ROOT / "README.md").read_text(encoding="utf-8"))
    assert "docs/guide.md" in links
    for link in (link for link in links if link not in DEPLOY_BUTTON):
        assert "://" not in link and not link.startswith(("/", "..")), link
        assert (ROOT / link.split("#")[0]).exists(), link


def test_the_guide_summary_has_the_six_steps_in_order() -> None:
    guide = (ROOT / "docs" / "guide.md").read_text(encoding="utf-8")
    steps = re.findall(r"^## (\d)\. ", guide, flags=re.MULTILINE)
    assert steps == ["1", "2", "3", "4", "5", "6"]
    assert "five" in guide and "3-6 people" in guide and "a week" in guide


def test_the_readme_documents_the_clock_and_the_missing_database_rule() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "HUNT_NOW" in readme
    assert "no Hunt database at PATH; run `hunt init`" in readme
