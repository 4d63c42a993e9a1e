"""English for messages and counts: plurals, possessives, lists, capitals and short names."""

from __future__ import annotations

import re

# Trailing legal forms a person leaves out when they name a company in a message.
_LEGAL = re.compile(
    r",?\s+(inc\.?|incorporated|llc|l\.l\.c\.|ltd\.?|limited|corp\.?|corporation|co\.|gmbh|"
    r"plc|llp|pbc|s\.a\.|ag)$",
    re.IGNORECASE,
)
# Where a program's everyday name ends: "Turing School of Software & Design" -> "Turing".
_PROGRAM_TAIL = re.compile(
    r"\s+(school|academy|bootcamp|boot camp|institute|college|university)\b.*$"
    r"|\s+(of|-|\u2013)\s.*$|\s*[,(].*$",
    re.IGNORECASE,
)
SHORT_NAME = 24  # characters: past this a program's name is cut to its first words
LONG_COMPANY = 40  # characters: past this (legal form gone) a company is cut to its first words


def plural(n: int, one: str, many: str | None = None) -> str:
    """'1 person', '2 people'; many defaults to one + 's'."""
    return f"{n} {one if n == 1 else (many or one + 's')}"


def possessive(name: str) -> str:
    """Acme -> Acme's, Cinder Networks -> Cinder Networks'."""
    name = name.strip()
    if not name:
        return name
    return f"{name}'" if name[-1] in "sS" else f"{name}'s"


def and_list(items: list[str]) -> str:
    """'A', 'A and B', 'A, B and C'."""
    if not items:
        return ""
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


def spoken(name: str) -> str:
    """A name as said in a message: notes in brackets left out ('Sam (my neighbor)' -> 'Sam')."""
    return " ".join(re.sub(r"\([^)]*\)", " ", name).split())


def article(phrase: str) -> str:
    """'a developer', 'an Engineering Manager' (by the first letter, good enough for titles)."""
    phrase = phrase.strip()
    return f"{'an' if phrase[:1].lower() in 'aeiou' and phrase else 'a'} {phrase}"


def capitalized(text: str) -> str:
    """The text with its first letter upper-cased, the rest untouched ('iPhone' aside)."""
    text = text.strip()
    return text[:1].upper() + text[1:]


def sentence(text: str) -> str:
    """A clause as a sentence: capital first, a full stop unless it already ends one."""
    text = capitalized(text)
    return text if not text or text[-1] in ".!?" else text + "."


def first_words(text: str, width: int = SHORT_NAME) -> str:
    """The leading whole words that fit in width (at least the first word)."""
    words = text.split()
    kept = words[:1]
    for word in words[1:]:
        if len(" ".join([*kept, word])) > width:
            break
        kept.append(word)
    return " ".join(kept)


def short_company(name: str) -> str:
    """A company as people say it: no legal form, at most a few words."""
    name = name.strip()
    while True:
        shorter = _LEGAL.sub("", name).strip()
        if shorter == name or not shorter:
            break
        name = shorter
    return name if len(name) <= LONG_COMPANY else first_words(name)


def short_program(program: str) -> str:
    """A program's everyday name: 'Turing School of Software & Design' -> 'Turing'."""
    program = program.strip()
    short = _PROGRAM_TAIL.sub("", program).strip() or program
    return first_words(short)
