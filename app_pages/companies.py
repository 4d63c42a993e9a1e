"""Companies: the ranked target list against the guide's 5, each score explained, add and edit."""

import pandas as pd
import streamlit as st

from app_pages import charts, fields, session, ui
from app_pages.safe import escape
from hunt_core import insights
from hunt_core.models import TARGET_COMPANIES

run = session.current()
snap = run.snap
scores = snap.company_scores
st.title("Target companies")

have = len(snap.companies)
count, bar = st.columns([1, 3], vertical_alignment="center")
targets = min(have, TARGET_COMPANIES)  # "25 / 5" reads as a mistake: the top five are targets
count.metric(
    "Target companies", f"{targets} / {TARGET_COMPANIES}", help="The guide: shoot for 5 companies"
)
listed = f"; {have} on your list, the top five by score lead" if have > TARGET_COMPANIES else ""
bar.progress(targets / TARGET_COMPANIES, text=f"Toward the guide's five target companies{listed}")

comments = run.ws.comments()
if comments:
    st.subheader("From your instructor", anchor=False)
    st.dataframe(
        pd.DataFrame(
            {
                "When": [c.created_at for c in comments],
                "From": [c.author for c in comments],
                "About": [c.company or "your list" for c in comments],
                "Comment": [c.text for c in comments],
                "New": ["new" if c.seen_at is None else "" for c in comments],
            }
        ),
        hide_index=True,
    )
    unseen = [c.id for c in comments if c.seen_at is None]
    if unseen and st.button("Mark as read", key="companies.comments.seen"):
        session.act(lambda: run.ws.mark_comments_seen(unseen), "Marked as read.")

if scores:
    people = snap.context.contacts_by_company
    ranked = pd.DataFrame(
        {
            "Rank": range(1, len(scores) + 1),
            "Company": [s.company.name for s in scores],
            "Score": [s.score for s in scores],
            "Could be": [s.span for s in scores],
            "Known": [s.coverage for s in scores],
            "People": [len(people.get(s.company.id or -1, [])) for s in scores],
            "To check": [len(s.unknown) for s in scores],
            "Remote": [s.company.remote for s in scores],
            "Stack": ["; ".join(s.company.stack) for s in scores],
            "Cities": ["; ".join(s.company.locations) for s in scores],
        }
    )
    score_column = st.column_config.ProgressColumn(min_value=0, max_value=100, format="%.0f")
    st.dataframe(ranked, hide_index=True, column_config={"Score": score_column})

unfold = ui.arrived_for("add-company") or not scores
form = session.form_key("company.add")
with st.expander("Add a company", expanded=unfold), st.form(form):
    added = fields.company_fields(form)
    if st.form_submit_button("Add company", type="primary", key=f"{form}:save"):
        session.act(lambda: run.ws.add_company(added), f"Added {added['name']}.", "company.add")

if scores:
    chosen = ui.pick(
        "Explain a company", {s.company.id or -1: s.company.name for s in scores}, ui.COMPANY_PICK
    )
    score = snap.score_by_id[chosen]
    st.subheader(f"{escape(score.company.name)}: {score.score:.0f} / 100", anchor=False)
    st.caption(  # numbers only, no user text
        f"{score.coverage}. Each unknown counts at its prior, so the score could still be "
        f"anywhere from {score.low:.0f} (every unknown a no) to {score.high:.0f} (every "
        "unknown a yes)."
    )
    bars = insights.breakdown(score)
    chart, check = st.columns([3, 2], gap="large")
    with chart:
        charts.breakdown(bars, insights.summary(score))
    with check:
        st.markdown("**Things to check**")
        unknown = [b for b in bars if not b.known]
        if unknown:
            todo = {
                "Criterion": [b.label for b in unknown],
                "Find out": [b.reason.removeprefix("unknown:").strip() for b in unknown],
            }
            ui.table(pd.DataFrame(todo), long=("Find out",))
        else:
            st.caption("Every criterion is known for this company.")
    edit = f"company.edit.{chosen}"
    with st.expander("Edit this company"), st.form(edit):
        changed = fields.company_fields(edit, score.company)
        if st.form_submit_button("Save changes", type="primary", key=f"{edit}:save"):
            name = score.company.name
            session.act(lambda: run.ws.edit_company(name, changed), f"Saved {changed['name']}.")
