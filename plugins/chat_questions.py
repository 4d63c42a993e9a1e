"""Guide step 6: coffee-chat questions specific to the person's role and their company."""

from __future__ import annotations

from hunt_core.api import Company, Contact, Profile, hookimpl, possessive

# Each bank keeps the focus on learning about the company, never on asking for a job.
_BANKS = {
    "developer": (
        "How did you get into development, and what brought you to {company}?",
        "What does a typical day or week look like for you?",
        "How is the engineering team organised, and who do you work with most?",
        "How do code review and feedback work on your team?",
        "How do newer developers get up to speed and find mentorship at {company}?",
        "What are the biggest technical challenges the team is working on right now?",
        "How does the team decide what to build next, and how much say do developers have?",
        "What has surprised you most since joining {company}?",
        "What do you wish you had known before joining {company}?",
        "What do you enjoy most about working here?",
    ),
    "manager": (
        "How did you come to lead your team at {company}?",
        "What does your team own, and what is it focused on this quarter?",
        "What makes a new developer successful on your team in their first few months?",
        "How do you support the growth of junior developers?",
        "How does your team balance shipping new features with maintaining what exists?",
        "What skills or habits do you wish more early-career developers had?",
        "How do product, design and engineering work together at {company}?",
        "Where do you see the team and {company} heading over the next year?",
        "What do you enjoy most about the culture at {company}?",
    ),
    "recruiter": (
        "How did you come to recruiting, and to {company}?",
        "What does the hiring process look like for developers at {company}?",
        "What do the developers who thrive at {company} have in common?",
        "Which teams are growing right now, and what is driving that?",
        "How does {company} think about developers from coding schools or without CS degrees?",
        "What do candidates often misunderstand about {company}?",
        "How would you describe the culture at {company} to a friend?",
        "What does onboarding look like for new engineers?",
        "What is {company} most excited about this year?",
    ),
    "other": (
        "How did you end up at {company}, and what does your role involve?",
        "What does a typical week look like for you?",
        "How does your work connect with the engineering team?",
        "What do you enjoy most about working at {company}?",
        "What is {company} most excited about right now?",
        "How would you describe the culture at {company} to a friend?",
        "Who are {companys} customers, and what do they love about the product?",
        "What has changed at {company} since you joined?",
        "Is there anyone else at {company} you think I should talk to?",
    ),
}


def _stack(company: Company, profile: Profile) -> str:
    """The company technology to ask about, preferring one you also know."""
    mine = {s.casefold() for s in profile.stack}
    shared = [s for s in company.stack if s.casefold() in mine]
    return (shared or company.stack or [""])[0]


@hookimpl
def hunt_chat_questions(contact: Contact, company: Company, profile: Profile) -> list[str]:
    """Questions about this company first, then the starter bank for the person's role."""
    name = company.name
    asks: list[str] = []
    if contact.title.strip():
        asks.append(f"What does a typical week look like in your role as {contact.title.strip()}?")
    stack = _stack(company, profile)
    if stack and contact.role in ("developer", "manager"):
        asks.append(f"What does a first year look like for a junior on the {stack} team at {name}?")
    elif stack:
        asks.append(f"How does {name} use {stack}, and what do the teams build with it?")
    if company.open_roles:
        role = company.open_roles[0]
        asks.append(f"I saw {name} is hiring for '{role}': what would that person work on?")
    if company.interests:
        asks.append(f"What drew you to working on {company.interests[0]} at {name}?")
    bank = _BANKS.get(contact.role, _BANKS["other"])
    asks.extend(q.format(company=name, companys=possessive(name)) for q in bank)
    return asks
