"""Message drafts from the guide: excitement plus your In, then ask what working there is like."""

from hunt_core import Template, hookimpl

FIRST = (
    "Hi {first_name},\n\n"
    "I'm {my_name}, a software developer and recent {program} grad. {the_in}, and {company} "
    "is one of the companies I'm most excited about right now.\n\n"
    "Would you be open to sharing a bit about what it's like to work there? Even 15 minutes "
    "over coffee or a call would mean a lot.\n\n"
    "Thank you!\n{my_name}"
)
NOTES = (
    "Hi {first_name}, I'm {my_name}, a {program} grad. {the_in}, and {company} excites me. "
    "Would you share what it's like to work there?",
    "Hi {first_name}, I'm a {program} grad and {company} excites me. "
    "Would you share what it's like to work there?",
    "Hi {first_name}, would you share what it's like to work at {company}?",
)
FOLLOW_UP = (
    "Hi {first_name},\n\n"
    "I wanted to follow up on my note from {first_sent}, in case it got buried. I'd still love "
    "to hear what it's like to work at {company}, whenever you have a few minutes.\n\n"
    "Thanks so much,\n{my_name}"
)
THANK_YOU = (
    "Hi {first_name},\n\n"
    "Thank you for taking the time to chat with me about {company}! I learned a lot about the "
    "team and how you work, and I'm even more excited about {company} now.\n\n"
    "I'll keep you posted on how my search goes.\n\nBest,\n{my_name}"
)


@hookimpl
def hunt_message_templates() -> list[Template]:
    """The first message, LinkedIn notes (longest first), follow-up and thank-you."""
    return [
        Template("first", FIRST),
        *(Template("linkedin-note", text) for text in NOTES),
        Template("follow-up", FOLLOW_UP),
        Template("thank-you", THANK_YOU),
    ]
