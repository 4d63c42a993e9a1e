"""The door: page config, who is signed in, navigation over app_pages/, the next step on top."""

import streamlit as st

from app_pages import session, signin, ui
from app_pages.safe import escape

st.set_page_config(page_title="Hunt", page_icon="🎯", layout="wide")

me = signin.gate() if session.cohort_mode() else None
home = st.Page(ui.HOME, title="Next step", icon=":material/flag:", default=True)
pages = [
    home,
    st.Page(ui.COMPANIES, title="Companies", icon=":material/apartment:"),
    st.Page(ui.PEOPLE, title="People", icon=":material/group:"),
    st.Page(ui.OUTREACH, title="Outreach", icon=":material/send:"),
    st.Page(ui.CHATS, title="Chats", icon=":material/forum:"),
    st.Page("app_pages/progress.py", title="Progress", icon=":material/monitoring:"),
    st.Page("app_pages/import_data.py", title="Import", icon=":material/upload_file:"),
]
if me is not None:
    pages.append(st.Page(ui.LEADERBOARD, title="Leaderboard", icon=":material/leaderboard:"))
    if me.role == "instructor":
        pages.append(st.Page(ui.REVIEW, title="Review", icon=":material/rate_review:"))
pages.append(st.Page(ui.SETTINGS, title="Settings", icon=":material/settings:"))
page = st.navigation(pages)
user = session.current_user()
if me is None:
    st.sidebar.caption(f"Signed in as {escape(user)}")
else:
    signin.sidebar(me)
with session.guard():
    run = session.begin(user)
    session.flash()
    if page.url_path != home.url_path:
        ui.next_step_bar(run)
    page.run()
