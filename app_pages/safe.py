"""User text made inert: Markdown-rendering elements get it escaped, the rest show it as text."""

from __future__ import annotations

import re
import string

_ESCAPES = str.maketrans({c: "\\" + c for c in string.punctuation})
# Streamlit's Markdown turns URLs, www. names, e-mail addresses and :shortcodes: into links
# and icons after escapes are undone, so an invisible word joiner splits those patterns.
_JOINER = "\u2060"
_AUTOLINKS = re.compile(r"(?<=[:@])|(?<=www)(?=\\\.)", re.IGNORECASE)


def escape(text: object) -> str:
    """One line of user text that any Markdown element shows exactly as typed.

    CommonMark lets every ASCII punctuation mark be backslash-escaped; escaping all of them
    defeats HTML, links, images, emphasis, LaTeX and Streamlit's directives in one rule.
    """
    escaped = " ".join(str(text).split()).translate(_ESCAPES)
    return _AUTOLINKS.sub(_JOINER, escaped)
