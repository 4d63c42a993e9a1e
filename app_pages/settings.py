"""Settings: your profile, criterion weights, plugins, where the data lives, export and backup."""

import pandas as pd
import streamlit as st

from app_pages import fields, session
from app_pages.safe import escape
from hunt_core import export, store
from hunt_core.calendar_ics import calendar_ics
from hunt_core.cohort import Member
from hunt_core.plugins import PluginInfo
from hunt_core.store import backends
from hunt_core.wording import plural


def _loaded(info: PluginInfo) -> str:
    """A loaded plugin's status, counting the deprecated API it used (it still works)."""
    if not info.deprecations:
        return "loaded"
    return f"loaded, {plural(len(info.deprecations), 'deprecated use')}"


run = session.current()
plugins = run.ws.plugins
me = session.member()
st.title("Settings")

if me is not None and me.role == "student":
    st.subheader("Leaderboard", anchor=False)
    with st.form("settings.board"):
        alias = st.text_input(
            "Alias on the leaderboard (blank: your name)",
            me.alias,
            max_chars=40,
            key="settings.board:alias",
        )
        opt_out = st.checkbox("Leave the leaderboard", me.opt_out, key="settings.board:opt_out")
        if st.form_submit_button("Save", type="primary", key="settings.board:save"):
            cohorts = session.cohorts()

            def board(member: Member = me) -> None:  # bound here, where me is known not None
                cohorts.set_alias(member, alias)
                cohorts.set_opt_out(member, opt_out)

            session.act(board, "Leaderboard settings saved.")

st.subheader("Your profile", anchor=False)
with st.form("settings.profile"):
    values = fields.profile_fields("settings.profile", run.snap.profile)
    if st.form_submit_button("Save profile", type="primary", key="settings.profile:save"):
        session.act(lambda: run.ws.update_profile(values), "Profile saved.")

if me is None:  # local mode: a cohort member never switches to another owner
    st.subheader("Demo hunt", anchor=False)
    if session.current_user() == session.DEMO_USER:
        st.caption("You are looking around the demo hunt. Your own hunt is kept apart.")
        if st.button("Back to your hunt", type="primary", key="settings.demo.leave"):
            with session.guard():
                session.switch_user(store.LOCAL_USER)
    else:
        st.caption(
            "Look around a made-up job seeker's hunt: it is kept apart from yours in the same "
            "file, and nothing of yours changes. Come back here to return to your hunt."
        )
        if st.button("Open the demo hunt", key="settings.demo.open"):
            with session.guard(), st.spinner("Loading the demo hunt..."):
                session.open_demo()

st.subheader("How much each criterion counts", anchor=False)
st.caption(
    "0 switches a criterion off. An unknown criterion counts halfway (its prior), neither "
    "for nor against a company, and widens the company's range."
)
weights = run.ws.weights()
with st.form("settings.weights"):
    chosen: dict[str, float] = {}
    sides = dict(zip(("company", "contact"), st.columns(2, gap="large"), strict=True))
    sides["company"].markdown("**Choosing companies**")
    sides["contact"].markdown("**Choosing people**")
    for key, weight in weights.items():
        criterion = plugins.criteria[key]
        with sides[criterion.applies_to]:
            chosen[key] = st.slider(
                escape(criterion.label),
                0.0,
                10.0,
                float(weight),
                0.5,
                key=f"weight.{key}",
                help=escape(criterion.description),
            )
            source = plugins.criterion_plugin[key]
            st.caption(escape(f"Guide step {criterion.guide_step}, from plugin {source}"))
    if st.form_submit_button("Save weights", type="primary", key="settings.weights:save"):
        changed = {k: v for k, v in chosen.items() if v != weights[k]}

        def save() -> None:
            for key, weight in changed.items():
                run.ws.set_weight(key, weight)

        session.act(save, f"Saved {plural(len(changed), 'weight')}.")


st.subheader("Plugins", anchor=False)
infos = list(plugins.infos.values())
# The shared plugin manager may hold another user's error text: only admins see details.
admin = me is None or me.role == "admin"
st.dataframe(
    pd.DataFrame(
        {
            "Plugin": [i.name for i in infos],
            "Source": [i.source for i in infos],
            "Version": [i.version or "" for i in infos],
            "Criteria": [", ".join(i.criteria) for i in infos],
            "Status": [
                f"disabled by {i.disabled}"
                if i.disabled
                else (f"not loaded: {i.error}" if admin else "not loaded")
                if i.error
                else _loaded(i)
                for i in infos
            ],
        }
    ),
    hide_index=True,
)
problems = list(plugins.errors())
if problems:
    st.warning("Some plugins failed; the others still score.", icon=":material/warning:")
    if admin:
        st.text("\n".join(problems))
# A warning's text is the plugin's to write, like an error's: only admins see it.
deprecated = list(plugins.deprecations())
if deprecated and admin:
    st.info(
        "Some plugins use a deprecated part of Hunt's plugin API. They still work, but a future "
        "major version of Hunt will drop it: tell their authors.",
        icon=":material/update:",
    )
    st.text("\n".join(deprecated))
st.caption(
    "Add a plugin: install a package with an entry point in group `hunt`, or drop a `.py` file "
    "into a folder listed in `HUNT_PLUGINS_DIR`."
)

st.subheader("Where your data lives", anchor=False)
st.code(backends.redact(session.db_path()), language=None)
st.text(f"User: {session.current_user()}")

st.subheader("Export and backup", anchor=False)
st.caption(
    "Everything you entered (profile, companies, people, messages, chats, open roles, "
    "connections, weights, other spellings of your companies) in one file. Cells a "
    "spreadsheet could run as a formula are neutralised."
)
FORMATS = {"csv": "CSV files (zip)", "json": "JSON", "xlsx": "Excel workbook"}
PREPARED = "_settings.export"  # (format, data version, bytes) of the last prepared export
writes_now = run.ws.data_version()
pick, prepare = st.columns([2, 1], vertical_alignment="bottom")
fmt = pick.selectbox(
    "Format", list(FORMATS), format_func=FORMATS.__getitem__, key="settings.export.format"
)
if prepare.button("Prepare export", key="settings.export.prepare"):
    with session.guard(), st.spinner("Writing the export..."):
        st.session_state[PREPARED] = (fmt, writes_now, run.ws.export_bytes(fmt))
held = st.session_state.get(PREPARED)
if held and held[:2] == (fmt, writes_now):
    name, media = export.DOWNLOADS[fmt]
    st.download_button(
        f"Download {name}",
        held[2],
        file_name=name,
        mime=media,
        type="primary",
        on_click="ignore",
        key="settings.export.download",
        icon=":material/download:",
    )
else:
    st.caption("Prepare the export, then download it: it holds the hunt as it is right then.")

st.download_button(
    "Download follow-ups and chats as a calendar (.ics)",
    calendar_ics(run.snap, session.now()),
    file_name="hunt-calendar.ics",
    mime="text/calendar",
    on_click="ignore",
    key="settings.calendar.download",
    icon=":material/calendar_month:",
    help="Import it into Google Calendar, Outlook or Apple Calendar; a newer file updates it.",
)

st.markdown("**Restore from an export**")
st.caption("Loads an export of Hunt into an empty hunt, exactly as it was exported.")
backup = st.file_uploader(
    "hunt-export.json, hunt-export.xlsx or hunt-export.zip",
    type=["json", "xlsx", "zip"],
    key="settings.restore.file",
)
if backup is not None and st.button("Restore", type="primary", key="settings.restore.go"):
    data, filename = backup.getvalue(), backup.name

    def restore() -> None:
        st.session_state["_settings.restored"] = run.ws.restore_bytes(data, filename)

    session.act(restore, f"Restored your hunt from {filename}.")
restored = st.session_state.get("_settings.restored")
if restored:
    st.success(
        f"Restored your profile, {export.summary(restored)}.",
        icon=":material/check_circle:",
    )
