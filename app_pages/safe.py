"""User text made inert: Markdown-rendering elements get it escaped, the rest as plain text."""

from __future__ import annotations

import string

_ESCAPES = str.maketrans({c: "\\" + c for c in string.punctuation})


def escape(text: object) -> str:
    """One line with every ASCII punctuation mark backslash-escaped, so Markdown shows it as is.

    CommonMark lets any punctuation be escaped; escaping all of it also defeats autolinks,
    HTML, images, emphasis, LaTeX and Streamlit's own directives in one rule.
    """
    return " ".join(str(text).split()).translate(_ESCAPES)
