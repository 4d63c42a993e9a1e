"""Drawing helpers the pages share: the next-step card, progress bars, pickers, safe text."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd
import streamlit as st

from app_pages import session
from app_pages.safe import escape
from hunt_core import insights
from hunt_core.models import Progress, Step

HOME = "app_pages/home.py"
COMPANIES = "app_pages/companies.py"
PEOPLE = "app_pages/people.py"
OUTREACH = "app_pages/outreach.py"
CHATS = "app_pages/chats.py"
SETTINGS = "app_pages/settings.py"
LEADERBOARD = "app_pages/leaderboard.py"
REVIEW = "app_pages/review.py"

# Widget keys a page reads its selection from, so a step can open the page on its subject.
COMPANY_PICK = "companies.pick"
PEOPLE_COMPANY = "people.company"
PEOPLE_EDIT = "people.edit"
OUTREACH_PERSON = "outreach.person"
CHAT_PERSON = "chats.person"
CHAT_SCHEDULE = "_chats.schedule.who"  # not a widget key: the schedule form's default person
_FOCUS = "_hunt_focus"


@dataclass(frozen=True)
class Target:
    """Where a kind of step is done: the button's words, the page, and what to preselect."""

    label: str
    page: str
    company_key: str | None = None
    contact_key: str | None = None


TARGETS = {
    "profile": Target("Fill in your profile", SETTINGS),
    "add-company": Target("Add a company", COMPANIES),
    "check-criterion": Target("Check it", COMPANIES, COMPANY_PICK),
    "find-people": Target("Add people", PEOPLE, PEOPLE_COMPANY),
    "find-channel": Target("Add a way to reach them", PEOPLE, PEOPLE_COMPANY, PEOPLE_EDIT),
    "message": Target("Write the message", OUTREACH, None, OUTREACH_PERSON),
    "follow-up": Target("Write the follow-up", OUTREACH, None, OUTREACH_PERSON),
    "schedule-chat": Target("Schedule the chat", CHATS, None, CHAT_SCHEDULE),
    "prep-chat": Target("Prepare questions", CHATS, None, CHAT_PERSON),
    "record-chat": Target("Write down how it went", CHATS, None, CHAT_PERSON),
    "thank-you": Target("Write the thank-you", CHATS, None, CHAT_PERSON),
    "comment": Target("Read it", COMPANIES, COMPANY_PICK),
}


def target(step: Step) -> Target:
    """Where a step is done."""
    return TARGETS.get(step.kind, Target("Open", HOME))


def go(step: Step) -> None:
    """Open the page that does a step, with its company or person already chosen."""
    where = target(step)
    if where.company_key and step.company_id is not None:
        st.session_state[where.company_key] = step.company_id
    if where.contact_key and step.contact_id is not None:
        st.session_state[where.contact_key] = step.contact_id
    st.session_state[_FOCUS] = step.kind
    st.switch_page(where.page)


def arrived_for(kind: str) -> bool:
    """True once, on the run a step of this kind opened the page (to unfold its form)."""
    if st.session_state.get(_FOCUS) != kind:
        return False
    del st.session_state[_FOCUS]
    return True


def _done(run: session.Run, step: Step) -> tuple[str, Callable[[], object]] | None:
    """The button and write that mark a step done, for the steps that are a message sent."""
    if step.company is None or step.contact is None:
        return None
    company, contact = step.company, step.contact
    if step.kind == "message":
        rank = next((r for r in run.snap.contact_ranks if r.contact.id == step.contact_id), None)
        channel = rank.channel.key if rank and rank.channel else ""
        kind = insights.touch_kind_for(channel)
        return "Mark sent", lambda: run.ws.log(company, contact, kind, channel=channel)
    if step.kind in ("follow-up", "thank-you"):
        return f"Mark {step.kind} sent", lambda: run.ws.log(company, contact, step.kind)
    if step.kind == "record-chat":
        return "Mark chat held", lambda: run.ws.log(company, contact, "chat-held")
    return None


def step_card(run: session.Run, step: Step) -> None:
    """The one next step as a card: what, why, one button that does it, and sent or snooze."""
    with st.container(border=True):
        st.caption(f"Guide step {step.step} · the one thing to do now")
        st.subheader(escape(step.action), anchor=False)
        st.markdown(escape(step.why))
        primary, done, later = st.columns([2, 1, 1])
        if primary.button(target(step).label, type="primary", key="step.go"):
            go(step)
        recorded = _done(run, step)
        if recorded and done.button(recorded[0], key="step.done"):
            session.act(recorded[1], "Marked done. Your next step is below.")
        if later.button("Snooze a day", key="step.snooze"):
            session.act(lambda: run.ws.snooze(step.key, 1), "Snoozed until tomorrow.")


def next_step_bar(run: session.Run) -> None:
    """The next step in one line above every page, with a button to it."""
    step = run.step
    with st.container(border=True):
        # A quarter of the row for the button: "Prepare questions" was cut off at a sixth.
        what, button = st.columns([3, 1], vertical_alignment="center")
        what.markdown(f"**Next step:** {escape(step.action)}")
        if button.button(target(step).label, key="bar.go", width="stretch"):
            go(step)


def progress_bars(progress: Sequence[Progress]) -> None:
    """The guide's six steps as bars with their summaries, details folded away."""
    for p in progress:
        done = min(1.0, p.done / p.target) if p.target else 0.0
        st.progress(done, text=escape(f"{p.step}. {p.title}: {p.summary}"))
        if p.details:
            with st.expander(f"Details for step {p.step}"):
                st.text("\n".join(p.details))


def pick(label: str, options: Mapping[Any, str], key: str) -> Any:
    """A selectbox over ids shown by name (options render as plain text, never Markdown).

    A remembered choice that is no longer an option (deleted, or set by a step) is dropped.
    """
    if st.session_state.get(key) not in options:
        st.session_state.pop(key, None)
    ids = list(options)
    return st.selectbox(label, ids, format_func=options.__getitem__, key=key)


def draft_box(run: session.Run, entry: insights.Entry, kind: str, key: str, note: str = "") -> str:
    """Who it is for, their editable draft of a kind and a copyable view; the edited text."""
    person, at = entry.contact, entry.company
    st.markdown(f"**{escape(person.name)}** at {escape(at.name)}{note}")
    draft = run.ws.draft(at.name, person.name, kind, run.snap)
    text = st.text_area(kind.capitalize(), draft, key=f"{key}.draft.{person.id}")
    st.code(text, language=None, wrap_lines=True)
    return str(text)


def table(
    data: pd.DataFrame,
    long: Sequence[str] = (),
    config: Mapping[str, Any] | None = None,
    full: str | None = None,
) -> None:
    """A read-only table with its long columns wide; `full` titles an expander with them whole.

    Table cells never wrap, so text that may not fit is also shown whole under the expander.
    """
    columns: dict[str, Any] = {c: st.column_config.TextColumn(width="large") for c in long}
    columns.update(config or {})
    st.dataframe(data, hide_index=True, column_config=columns)
    if full and long:
        first = str(data.columns[0])
        with st.expander(full):
            rows = data[[first, *long]].itertuples(index=False)
            st.text("\n\n".join("\n".join(t for v in row if (t := str(v).strip())) for row in rows))


def steps_list(steps: Sequence[Step]) -> None:
    """Queued steps as folded rows: the whole action readable, its why one click away."""
    for step in steps:
        with st.expander(escape(f"{step.action} · step {step.step}")):
            st.text(step.why)
