"""People: 3-6 per company in the guide's role mix, add and edit, and who to reach out to first."""

import pandas as pd
import streamlit as st

from app_pages import email_search, fields, session, ui
from hunt_core import insights
from hunt_core.models import PEOPLE_MAX, PEOPLE_MIN
from hunt_core.wording import plural

ROLE_TITLES = {
    "developer": "Developers",
    "manager": "Managers or leads",
    "recruiter": "Recruiters or HR",
}

run = session.current()
snap = run.snap
st.title("People to message")

if not snap.companies:
    st.info("Add a target company first: the people you message work at one.")
    st.page_link(ui.COMPANIES, label="Add a company", icon=":material/apartment:")
else:
    companies = {s.company.id or -1: s.company.name for s in snap.company_scores}
    company_id = ui.pick("Company", companies, ui.PEOPLE_COMPANY)
    company = snap.company_by_id[company_id]
    here = [c for c in snap.contacts if c.company_id == company_id]
    st.caption(
        f"{plural(len(here), 'person', 'people')} here. The guide asks for "
        f"{PEOPLE_MIN}-{PEOPLE_MAX}: 1-2 developers, 1-2 managers or leads and 1-2 recruiters "
        "or HR."
    )
    slots, others = insights.role_slots(here)
    for column, slot in zip(st.columns(len(slots)), slots, strict=True):
        with column.container(border=True):
            mark = (
                ":material/check_circle:"
                if not slot.missing
                else ":material/radio_button_unchecked:"
            )
            st.markdown(f"{mark} **{ROLE_TITLES[slot.role]}** · {len(slot.people)} of 1-2")
            for name in slot.people:
                st.text(name)
            for _ in range(slot.open):
                st.caption("Empty slot")
    if others:
        st.caption("Also here, in another role:")
        st.text(", ".join(others))

    ranks = [r for r in snap.contact_ranks if r.company.id == company_id]
    if ranks:
        st.dataframe(
            pd.DataFrame(
                {
                    "Person": [r.contact.name for r in ranks],
                    "Role": [r.contact.role for r in ranks],
                    "Title": [r.contact.title for r in ranks],
                    "State": [r.state for r in ranks],
                    "Best channel": [r.channel.label for r in ranks],
                    "In common": [insights.in_common(r) for r in ranks],
                }
            ),
            hide_index=True,
        )

    add_form = session.form_key("person.add")
    unfold = ui.arrived_for("find-people") or not here
    with st.expander("Add a person here", expanded=unfold), st.form(add_form):
        new = fields.contact_fields(add_form)
        if st.form_submit_button("Add person", type="primary", key=f"{add_form}:save"):
            session.act(
                lambda: run.ws.add_contact(company.name, new), f"Added {new['name']}.", "person.add"
            )

    if here:
        with st.expander("Edit a person", expanded=ui.arrived_for("find-channel")):
            person_id = ui.pick("Person", {c.id or -1: c.name for c in here}, ui.PEOPLE_EDIT)
            person = snap.contacts_by_id[person_id]
            edit = f"person.edit.{person_id}"
            with st.form(edit):
                changed = fields.contact_fields(edit, person)
                if st.form_submit_button("Save changes", type="primary", key=f"{edit}:save"):
                    session.act(
                        lambda: run.ws.edit_contact(company.name, person.name, changed),
                        f"Saved {changed['name']}.",
                    )
            email_search.look_for_email(run, company, person)

st.subheader("Reach out first", anchor=False)
if snap.contact_ranks:
    st.caption("Everyone, ranked: a good company, something in common and a warm channel first.")
    ranks = snap.contact_ranks
    ui.table(
        pd.DataFrame(
            {
                "Person": [r.contact.name for r in ranks],
                "Priority": [r.priority for r in ranks],
                "Role": [r.contact.role for r in ranks],
                "Company": [r.company.name for r in ranks],
                "Channel": [r.channel.label for r in ranks],
                "State": [r.state for r in ranks],
                "Why": ["; ".join(r.reasons) for r in ranks],
            }
        ),
        long=("Why",),
        config={"Priority": st.column_config.NumberColumn(format="%.0f")},
        full="Read why, for everyone",
    )
else:
    st.caption("Nobody yet: add people at your target companies.")
