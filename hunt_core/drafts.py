"""The parts of a message for one recipient: greeting, their In, the company line, the ask."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass

from hunt_core.models import (
    Chat,
    CompanyScore,
    Contact,
    Context,
    Criterion,
    Profile,
    Touch,
    WeightedSignal,
)
from hunt_core.wording import article, capitalized, sentence, short_company, short_program, spoken

# Brevity levels a draft is rendered at, longest first, until it fits a LinkedIn note:
# 0 everything; 1 short names (first name, program and company without legal form) and a
# shorter company line; 2 without the company line when a personal In leads, else without the
# self-introduction; 3 no self-introduction and the short ask. The In and the ask survive.
LEVELS = 4
# What a first message went through, as "the ___ I sent you" (channel keys, then touch kinds).
CHANNEL_NOUNS = {
    "email": "email",
    "find-email": "email",
    "slack": "Slack message",
    "linkedin-note": "LinkedIn note",
    "linkedin-message": "LinkedIn message",
    "linkedin": "connection request",
    "connection-request": "connection request",
}
# Sentence openers in chat notes that read lower-case after "hearing that".
_COMMON_STARTS = frozenset(
    ("a", "an", "the", "they", "their", "them", "there", "this", "these", "those", "we", "our",
     "new", "most", "many", "every", "each", "some", "team", "teams", "junior", "juniors",
     "developers", "engineers", "people", "everyone", "hiring", "it", "its")
)  # fmt: skip
_TALKED = re.compile(r"^(we\s+)?(talked|chatted|spoke)\s+about\s+|^discussed\s+|^about\s+", re.I)
# Role-specific asks; a person's position among same-role colleagues picks one, so two people
# at one company never read the same words. {where} is "there" or "at Acme", {as_title} "as a
# Backend Engineer".
ASKS = {
    "developer": (
        "what it's like to work {where} {as_title}",
        "what it's like to work on the engineering team {where}, and how new developers "
        "get started",
        "what it's like to work {where}, and what your day to day looks like",
    ),
    "manager": (
        "what it's like to work on your team",
        "what it's like to work {where}, and what helps new developers do well on your team",
        "what it's like to work {where} from a manager's point of view",
    ),
    "recruiter": (
        "what it's like to work {where}, from where you sit",
        "what it's like to work {where}, and what the team values in new developers",
        "what it's like to work {where}, and how the team has grown",
    ),
    "other": (
        "what it's like to work {where}",
        "what it's like to work {where} {as_title}",
        "what it's like to work {where}, day to day",
    ),
}


@dataclass(frozen=True)
class Facts:
    """Everything a draft may say about one recipient, read once by the workspace."""

    contact: Contact
    score: CompanyScore
    profile: Profile
    criteria: Mapping[str, Criterion]
    contact_signals: tuple[WeightedSignal, ...] = ()
    context: Context | None = None
    channel: str = ""  # the key of the channel the message goes through ("" or unknown: generic)
    first_touch: Touch | None = None  # the first message, for the follow-up
    chat: Chat | None = None  # the coffee chat, for the thank-you
    today: dt.date | None = None


def fold(text: str) -> str:
    """Case- and space-insensitive form of a name."""
    return " ".join(text.casefold().split())


def names_person(text: str, contact: Contact) -> bool:
    """True when text names this person (full name, or first name as a word).

    An initial ("A. Shah", "I Shah") is no name to look for as a word: "a" and "I've" are in
    half the pitches, and would drop them all.
    """
    folded = fold(text)
    if fold(contact.name) and fold(contact.name) in folded:
        return True
    first = fold(contact.first_name).rstrip(".")
    return len(first) > 1 and re.search(rf"\b{re.escape(first)}\b", folded) is not None


def relationship(contact: Contact, company_knows: str, context: Context | None) -> str:
    """How you know the recipient yourself: 'friend', 'known', 'connected' or ''."""
    if contact.friend:
        return "friend"
    listed = [spoken(n) for n in company_knows.split(";") if n.strip()]
    if any(fold(contact.name) and fold(contact.name) in fold(n) for n in listed):
        return "known"
    connections = context.connections_by_company.get(contact.company_id, ()) if context else ()
    if contact.connected or any(fold(c.name) == fold(contact.name) for c in connections):
        return "connected"
    return ""


def company_pitch(facts: Facts) -> str:
    """The company's strongest pitch that is true for this recipient (never one naming them)."""
    pitched = [
        s
        for s in facts.score.signals
        if s.signal.known
        and s.signal.points
        and s.signal.pitch.strip()
        # The company's own name may contain the person's first name ("Ana" at "Ana Labs").
        and not names_person(s.signal.pitch.replace(facts.score.company.name, ""), facts.contact)
    ]
    if not pitched:
        return ""

    def strength(s: WeightedSignal) -> tuple[bool, float, str]:
        crit = facts.criteria.get(s.signal.criterion)
        return (bool(crit and crit.is_in), s.weight * (s.signal.points or 0), s.signal.criterion)

    return max(pitched, key=strength).signal.pitch.strip()


def common_pitch(facts: Facts, skip: tuple[str, ...]) -> str:
    """What the recipient has in common with you (the contact signals' warmest pitch)."""
    pitched = [
        s
        for s in facts.contact_signals
        if s.signal.known
        and s.signal.points
        and s.signal.pitch.strip()
        and not any(word and fold(word) in fold(s.signal.pitch) for word in skip)
    ]
    best = max(pitched, key=lambda s: s.weight * (s.signal.points or 0), default=None)
    return best.signal.pitch.strip() if best else ""


def sent_when(sent: dt.datetime | None, today: dt.date | None) -> str:
    """When the first message went out, read after it: 'last week', 'on Tuesday'."""
    if sent is None or today is None:
        return "recently"
    days = (today - sent.date()).days
    if days <= 0:
        return "earlier today"
    if days == 1:
        return "yesterday"
    if days < 7:
        return f"on {sent:%A}"
    if days < 14:
        return "last week"
    if days < 21:
        return "a couple of weeks ago"
    return "a few weeks ago" if days < 60 else "a while ago"


def channel_noun(touch: Touch | None) -> str:
    """The first message's channel as 'the ___ I sent you': 'email', 'Slack message'."""
    if touch is None:
        return "message"
    return CHANNEL_NOUNS.get(touch.channel) or CHANNEL_NOUNS.get(touch.kind) or "message"


def chat_line(chat: Chat | None) -> str:
    """A sentence from the chat's notes (their first line), or a short generic one."""
    note = (chat.notes if chat else "").strip().splitlines()
    # The first sentence, up to a semicolon: one thing they said, not the whole note.
    first = re.split(r"(?<=[.!?])\s|;", note[0].strip())[0].rstrip(".!? ") if note else ""
    if not first:
        return "I learned a lot about the team and how you work."
    topic = _TALKED.sub("", first)
    # A note with a full stop or a semicolon is a fact they told you; a bare phrase is a topic.
    phrase = not re.search(r"[.!?;]", note[0]) and len(first.split()) < 5
    if topic != first or phrase:
        return f"I especially enjoyed our conversation about {_lower_start(topic)}."
    return f"I especially appreciated hearing that {_lower_start(first)}."


def _lower_start(text: str) -> str:
    """Lower-case a note's first word when it is an everyday word, not a name."""
    word = text.split(" ", 1)[0]
    return text[:1].lower() + text[1:] if word.casefold() in _COMMON_STARTS else text


def referral_line(chat: Chat | None) -> str:
    """Thanks for an offered referral, or ''."""
    if chat is None or not chat.referral_offered:
        return ""
    return (
        "Thank you as well for offering to refer me: I'll send you my resume and the role "
        "I'm applying for this week."
    )


def _variant(facts: Facts) -> int:
    """This person's position among same-role colleagues at the company (0 when alone)."""
    contact = facts.contact
    by_company = facts.context.contacts_by_company if facts.context else {}
    colleagues = by_company.get(contact.company_id, ())
    same = sorted(
        (c for c in colleagues if c.role == contact.role), key=lambda c: (c.id or 0, c.name)
    )
    ids = [c.id for c in same]
    return ids.index(contact.id) if contact.id in ids else 0


def parts(facts: Facts, brevity: int = 0) -> dict[str, str]:
    """Every template variable for this recipient at a brevity level (0: the full message)."""
    contact, profile = facts.contact, facts.profile
    short = brevity >= 1
    full_company = facts.score.company.name
    company = short_company(full_company) if short else full_company
    full_program = profile.program.strip()
    program = short_program(full_program) if short else full_program
    my_name = profile.name.strip()
    me = my_name.split()[0] if short and my_name else my_name
    rel = relationship(contact, facts.score.company.knows_someone, facts.context)
    same_school = bool(full_program) and fold(contact.coding_school) == fold(full_program)
    mutual = spoken(contact.mutual)
    introducer = mutual if facts.channel == "intro" and mutual and not contact.friend else ""
    # A fellow grad is said in the introduction; an introducer in their own sentence.
    skip = tuple(w for w in (full_program if same_school else "", introducer) if w)
    common = common_pitch(facts, skip)
    pitch = company_pitch(facts).replace(full_company, company)

    sentences = []
    if introducer:
        first = introducer.split()[0]
        sentences.append(f"{first if short else introducer} was kind enough to introduce us.")
    if rel in ("friend", "known"):
        finished = f"I recently finished {program} and " if program and not short else ""
        you_know = "As you know" if rel == "friend" else "As you may know"
        sentences.append(f"{you_know}, {finished}I'm looking for my first developer role.")
    elif rel == "connected" and not introducer:  # an introduction is reason enough to write
        hope = "" if short else ", so I hope you don't mind a message"
        sentences.append(f"We're connected on LinkedIn{hope}.")
    if common:
        sentences.append(sentence(common))
    personal = bool(sentences) or same_school
    # The company line shrinks first ("high on my list"), then goes when a personal In leads.
    if pitch:
        # "it" is the company only when the pitch ends on it: after "Acme's mission", "it"
        # would be the mission.
        subject = "it's" if pitch.endswith(company) else f"{company} is"
        if brevity == 0:
            sentences.append(
                f"{capitalized(pitch)}, and {subject} one of the companies I'm most excited "
                "about right now."
            )
        elif brevity == 1 or (brevity == 2 and not personal):
            sentences.append(f"{capitalized(pitch)}, and {subject} high on my list.")
        elif not personal:
            sentences.append(sentence(pitch))
    elif brevity < 2 or not personal:
        lead = f"I've been following what {company} is building"
        if personal and brevity == 0:
            sentences.append(f"{company} is one of the companies I'm most excited about right now.")
        elif personal:
            sentences.append(f"{company} is high on my list.")
        elif brevity == 0:
            sentences.append(f"{lead}, and it's one of the companies I'm most excited about.")
        else:
            sentences.append(f"{lead}.")
    opener = " ".join(sentences)

    if rel in ("friend", "known"):
        intro = "I hope you're doing well!" if brevity < 3 else ""
    elif same_school:
        intro = f"I'm {me}, a fellow {program} grad." if me else f"I'm a fellow {program} grad."
    elif brevity >= 3 or (brevity == 2 and not personal):
        intro = ""  # when the company line is the In, who you are goes before it does
    else:
        who = f"I'm {me}, a" if me else "I'm a"
        if short:
            intro = f"{who} {program} grad." if program else f"{who} new developer."
        elif program:
            intro = f"{who} software developer and recent {program} grad."
        else:
            intro = f"{who} software developer fresh out of a coding bootcamp."

    where = "there" if company in opener else f"at {company}"
    title = contact.title.strip()
    as_title = f"as {article(title)}" if title else "as a developer"
    options = ASKS.get(contact.role, ASKS["other"])
    if brevity >= 3:
        ask = f"Would you share what it's like to work {where}?"
    else:
        asked = options[_variant(facts) % len(options)].format(where=where, as_title=as_title)
        ask = f"Would you be open to sharing {asked}?"
        if rel in ("friend", "known") and brevity == 0:
            ask += " Coffee's on me!"

    if rel in ("friend", "known"):
        sign_off = f"Thanks!\n{my_name.split()[0]}" if my_name else "Thanks!"
    else:
        sign_off = f"Thank you!\n{my_name}" if my_name else "Thank you!"

    if rel == "connected":
        the_in = "We're connected on LinkedIn"
    elif rel in ("friend", "known"):
        the_in = "As you know, I'm looking for my first developer role"
    elif same_school:
        the_in = f"I'm a fellow {program} grad"
    else:
        the_in = capitalized(common or pitch or f"I've been following what {company} is building")

    about = sentence(pitch) if pitch else ""
    there = "there" if company in about else f"at {company}"
    blurb_intro = (
        f"I'm {my_name or 'a software developer'}, "
        f"{f'a recent {program} grad' if program else 'fresh out of a coding bootcamp'}."
    )
    blurb = " ".join(
        p for p in (blurb_intro, about, f"I'd love to hear what it's like to work {there}.") if p
    )
    role = title or contact.role
    role_at = f"{article(role)} there" if role != "other" else "who works there"
    excited = f"{company} is one of the companies I'm most excited about"
    intro_ask = (
        "I hope you're doing well! I'm looking for my first developer role"
        f"{f' after finishing {program}' if program else ''}, and {excited}. "
        f"I saw you know {contact.name}, {role_at}. Would you be comfortable introducing us? "
        f"I'd love to hear from {contact.first_name} what it's like to work there."
    )
    sent = facts.first_touch.happened_at if facts.first_touch else None
    return {
        "first_name": contact.first_name,
        "name": contact.name,
        "company": company,
        "role": contact.role,
        "my_name": me or "a recent bootcamp grad",
        "program": program or "my bootcamp",
        "the_in": the_in,
        "first_sent": sent_when(sent, facts.today),
        "first_channel": channel_noun(facts.first_touch),
        "greeting": f"Hi {contact.first_name}," if contact.first_name else "Hi,",
        "intro": intro,
        "opener": opener,
        "ask": ask,
        "sign_off": sign_off,
        "chat_line": chat_line(facts.chat),
        "referral_line": referral_line(facts.chat),
        "mutual": mutual,
        "mutual_first_name": mutual.split()[0] if mutual else "",
        "intro_ask": intro_ask,
        "blurb": blurb,
    }
