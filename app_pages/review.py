"""Review (instructors): each student's targets and progress, one student's list, comments."""

import functools

import pandas as pd
import streamlit as st

from app_pages import session, ui
from hunt_core import review, snapshot
from hunt_core.models import PEOPLE_MAX, PEOPLE_MIN

me = session.member()
st.title("Review your students' lists")
if me is None or me.role != "instructor":
    st.info("Only instructors review students' lists.")
    st.stop()
cohorts, plugins, now = session.cohorts(), session.plugin_manager(), session.now()
lines = review.review(cohorts, plugins, me, now)
if not lines:
    st.caption("No students on your cohorts' roster yet.")
    st.stop()
st.dataframe(
    pd.DataFrame(
        {
            "Student": [r.name for r in lines],
            "Cohort": [r.cohort for r in lines],
            "Companies": [f"{r.companies} / {r.target}" for r in lines],
            f"With {PEOPLE_MIN}-{PEOPLE_MAX} people": [r.staffed for r in lines],
            "Best scored": ["; ".join(f"{c} ({s:.0f})" for c, s in r.top) for r in lines],
        }
    ),
    hide_index=True,
)

owner = ui.pick(
    "Look at a student's list", {r.owner: f"{r.name} ({r.cohort})" for r in lines}, "review.student"
)
snap = snapshot.take(cohorts.open_for(me, owner), plugins, now)
people = snap.context.contacts_by_company
scores = snap.company_scores
if scores:
    st.dataframe(
        pd.DataFrame(
            {
                "Rank": range(1, len(scores) + 1),
                "Company": [s.company.name for s in scores],
                "Score": [s.score for s in scores],
                "People": [len(people.get(s.company.id or -1, [])) for s in scores],
                "To check": [len(s.unknown) for s in scores],
            }
        ),
        hide_index=True,
        column_config={
            "Score": st.column_config.ProgressColumn(min_value=0, max_value=100, format="%.0f")
        },
    )
else:
    st.caption("No companies on this list yet.")

st.subheader("Leave a comment", anchor=False)
form = session.form_key(f"review.comment.{owner}")
on = {0: "The whole list", **{s.company.id or -1: s.company.name for s in scores}}
with st.form(form):
    company = st.selectbox("About", list(on), format_func=on.__getitem__, key=f"{form}:company")
    text = st.text_area("Comment", max_chars=2000, key=f"{form}:text")
    if st.form_submit_button("Send comment", type="primary", key=f"{form}:save"):
        session.act(
            functools.partial(cohorts.add_comment, me, owner, company or None, text, now),
            "Comment sent.",
            f"review.comment.{owner}",
        )
sent = snap.comments  # unseen only
if sent:
    st.caption(f"{len(sent)} comment(s) the student has not read yet.")
