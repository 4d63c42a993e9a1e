"""A driver for the dashboard in AppTest: start it, open pages, fill and press widgets by key."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

from streamlit.testing.v1 import AppTest
from streamlit.testing.v1.element_tree import (
    AlertBase,
    Code,
    Dataframe,
    HeadingBase,
    Markdown,
    Progress,
    Selectbox,
    Text,
    TextArea,
    TextInput,
    Toast,
    UnknownElement,
)

from app_pages.safe import escape
from hunt_core.demo import load_demo
from hunt_core.plugins import get_plugin_manager
from hunt_core.store import Database
from hunt_core.workspace import Workspace

ROOT = Path(__file__).resolve().parents[2]
APP = ROOT / "streamlit_app.py"
NOW = dt.datetime(2026, 11, 26, 9, 0)
PAGES = ("home", "companies", "people", "outreach", "chats", "progress", "import_data", "settings")


class Dash:
    """Drives the dashboard in AppTest: start it, open pages, fill and press widgets by key."""

    def __init__(self, db_path: Path) -> None:
        self.db_path = db_path
        self.at = AppTest.from_file(str(APP), default_timeout=30)

    def seed(self, fill: Callable[[Workspace], object]) -> None:
        """Write through hunt_core before the app first opens the file."""
        db = Database.open(self.db_path)
        try:
            plugins = get_plugin_manager(env={}, entrypoints=False, directories=[])
            fill(Workspace(db.store(), plugins, lambda: NOW))
        finally:
            db.close()

    def load(self, prepared: Path) -> None:
        """Start from a copy of a prepared database file, before the app first opens it."""
        shutil.copyfile(prepared, self.db_path)

    def start(self, *, user: str | None = None, now: dt.datetime = NOW) -> Dash:
        """First run, with the clock (and optionally the signed-in user) injected."""
        self.at.session_state["hunt_now"] = now
        if user is not None:
            self.at.session_state["hunt_user"] = user
        self.at.run()
        return self

    def open(self, page: str) -> Dash:
        """Switch to one of app_pages/ and run it."""
        self.at.switch_page(f"app_pages/{page}.py").run()
        return self

    def widget(self, key: str) -> Any:
        """The widget with this user key."""
        found = [node for node in self.at if getattr(node, "key", None) == key]
        assert found, f"no widget {key!r}; keys: {sorted(self.widget_keys())}"
        return found[0]

    def widget_keys(self) -> list[str]:
        """Every user key on the page."""
        return [k for node in self.at if isinstance(k := getattr(node, "key", None), str)]

    def fill(self, form: str, **values: Any) -> Dash:
        """Set a form's fields (keys '<form>:<field>') without submitting."""
        for field, value in values.items():
            self.widget(f"{form}:{field}").set_value(value)
        return self

    def press(self, key: str) -> Dash:
        """Click a button (or a form's submit) and rerun."""
        self.widget(key).click()
        self.at.run()
        return self

    def later(self, **delta: float) -> Dash:
        """Move the injected clock and rerun."""
        self.at.session_state["hunt_now"] += dt.timedelta(**delta)
        self.at.run()
        return self

    def assert_ok(self) -> None:
        """No exception and no error message on the page."""
        assert not self.at.exception, [e.value for e in self.at.exception]
        assert not self.at.error, [e.value for e in self.at.error]

    def toasts(self) -> list[str]:
        """The toasts of the last run."""
        return [t.value for t in self.at.toast]

    def toasted(self, text: str) -> bool:
        """True when a toast of the last run says text (toasts show user text escaped)."""
        return any(escape(text) in t for t in self.toasts())

    def next_step(self) -> str:
        """The next-step line above the page (or the card's heading on the home page)."""
        bar = [m.value for m in self.at.markdown if m.value.startswith("**Next step:**")]
        return bar[0] if bar else self.at.subheader[0].value

    def plain(self) -> str:
        """Everything shown as plain text: st.text, st.code, tables, text areas, select options."""
        parts: list[str] = []
        for node in self.at:
            if isinstance(node, Text | Code | TextArea | TextInput):
                parts.append(str(node.value))
            elif isinstance(node, Dataframe):
                parts.extend(str(v) for v in node.value.to_numpy().ravel())
            elif isinstance(node, Selectbox):
                parts.extend(str(o) for o in node.options)
        return "\n".join(parts)

    def markdown(self) -> list[str]:
        """Every string the browser renders as Markdown: bodies, headings, alerts, labels, help."""
        found: list[str] = []
        for node in self.at:
            if isinstance(node, Text | Code | Dataframe | UnknownElement):
                continue  # plain text, or a chart whose tooltips Vega shows as text
            if isinstance(node, Markdown | HeadingBase | AlertBase | Toast):
                found.append(str(node.value))
            if isinstance(node, Progress):
                found.append(node.text)
            found.append(str(getattr(node, "label", "") or ""))
            found.append(str(getattr(node, "help", "") or ""))
        return [f for f in found if f]


def demo(ws: Workspace) -> None:
    """The 25-company demo hunt the page tests share (tests/app/conftest.py loads it once)."""
    load_demo(ws.store, companies=25, seed=7, now=NOW)


def profile(ws: Workspace) -> None:
    """A complete profile, like a real bootcamp grad's."""
    ws.update_profile(
        {
            "name": "Ana Diaz",
            "program": "Turing",
            "colleges": "University of Denver",
            "home": "Denver, CO",
            "locations": "Denver, CO",
            "remote": "yes",
            "interests": "healthcare",
        }
    )
