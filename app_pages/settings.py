"""Settings: your profile, how much each criterion counts, the plugins, where the data lives."""

import pandas as pd
import streamlit as st

from app_pages import fields, session
from app_pages.safe import escape

run = session.current()
plugins = run.ws.plugins
st.title("Settings")

st.subheader("Your profile", anchor=False)
with st.form("settings.profile"):
    values = fields.profile_fields("settings.profile", run.snap.profile)
    if st.form_submit_button("Save profile", type="primary", key="settings.profile:save"):
        session.act(lambda: run.ws.update_profile(values), "Profile saved.")

st.subheader("How much each criterion counts", anchor=False)
st.caption("0 switches a criterion off. An unknown criterion never counts against a company.")
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

        session.act(save, f"Saved {len(changed)} weight{'s' if len(changed) != 1 else ''}.")

st.subheader("Plugins", anchor=False)
infos = list(plugins.infos.values())
st.dataframe(
    pd.DataFrame(
        {
            "Plugin": [i.name for i in infos],
            "Source": [i.source for i in infos],
            "Criteria": [", ".join(i.criteria) for i in infos],
            "Load error": [i.error or "" for i in infos],
        }
    ),
    hide_index=True,
)
problems = list(plugins.errors())
if problems:
    st.warning("Some plugins failed; the others still score.", icon=":material/warning:")
    st.text("\n".join(problems))
st.caption(
    "Add a plugin: install a package with an entry point in group `hunt`, or drop a `.py` file "
    "into a folder listed in `HUNT_PLUGINS_DIR`."
)

st.subheader("Where your data lives", anchor=False)
st.code(session.db_path(), language=None)
st.text(f"User: {session.current_user()}")
