"""Message drafts from the guide: your In and excitement about the company, then the ask."""

from hunt_core.api import Template, hookimpl

# Every part is composed for the recipient (see hunt_core.drafts); a part may be empty.
FIRST = "{greeting}\n\n{intro} {opener}\n\n{ask}\n\n{sign_off}"
NOTE = "{greeting} {intro} {opener} {ask}"
INTRO = (
    "Hi {mutual_first_name},\n\n{intro_ask}\n\n"
    "If it helps, here's a short note you could forward to {first_name}:\n\n{blurb}\n\n"
    "Thank you!\n{my_name}"
)
FOLLOW_UP = (
    "{greeting}\n\n"
    "I'm following up on the {first_channel} I sent you {first_sent}, in case it got buried. "
    "I'd still love to hear what it's like to work at {company}, whenever you have a few "
    "minutes.\n\n"
    "Thanks so much,\n{my_name}"
)
THANK_YOU = (
    "{greeting}\n\n"
    "Thank you for taking the time to tell me about working at {company}! {chat_line} "
    "{referral_line}\n\n"
    "I'll keep you posted on how my search goes.\n\nBest,\n{my_name}"
)


@hookimpl
def hunt_message_templates() -> list[Template]:
    """The first message, the LinkedIn note, the intro request, follow-up and thank-you."""
    return [
        Template(kind="first", text=FIRST),
        Template(kind="linkedin-note", text=NOTE),
        Template(kind="intro", text=INTRO),
        Template(kind="follow-up", text=FOLLOW_UP),
        Template(kind="thank-you", text=THANK_YOU),
    ]
