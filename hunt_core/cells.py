"""Formula-safe cells: what export writes into CSV and Excel, and how every import reads it back.

A spreadsheet app may run a cell starting with =, +, -, @, tab or CR as a formula, so export
puts a ' before such a cell; imports take that quote off again, and only where export would
have put one, so an export reads back exactly. Excel cells also escape the characters XML
cannot hold as _xHHHH_, as Excel itself does.
"""

from __future__ import annotations

import re

DANGEROUS = ("=", "+", "-", "@", "\t", "\r")  # what spreadsheet apps may run as a formula
_OOXML_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")


def neutralise(text: str) -> str:
    """Prefix ' to a cell a spreadsheet app could run as a formula (reversed by unneutralise)."""
    return "'" + text if text.lstrip("'").startswith(DANGEROUS) else text


def unneutralise(text: str) -> str:
    """Undo neutralise: the quote goes only where neutralise would have put one."""
    if text[:1] != "'":  # nearly every cell: a 30,000-row import calls this 200,000 times
        return text
    return text[1:] if text.lstrip("'").startswith(DANGEROUS) else text


def ooxml_escape(text: str) -> str:
    """Write characters XML cannot hold (and CR, which XML turns into LF) as _xHHHH_."""
    text = re.sub(r"_(?=x[0-9A-Fa-f]{4}_)", "_x005F_", text)
    return re.sub(r"[\x00-\x08\x0b-\x1f]", lambda m: f"_x{ord(m[0]):04X}_", text)


def ooxml_unescape(text: str) -> str:
    """Read _xHHHH_ escapes as Excel writes them."""
    if "_x" not in text:
        return text
    return _OOXML_ESCAPE.sub(lambda m: chr(int(m[1], 16)), text)


def to_xlsx(text: str) -> str:
    """A text cell of an Excel sheet as export writes it."""
    return ooxml_escape(neutralise(text))


def from_xlsx(text: str) -> str:
    """A text cell of an Excel sheet as imports read it: the inverse of to_xlsx."""
    return unneutralise(ooxml_unescape(text))
