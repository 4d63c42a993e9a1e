"""One user's hunt: the functions the CLI and the dashboard call, over a store and plugins."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from hunt_core import channels, drafts, forms, outreach, playbook, snapshot, views
from hunt_core.cohort import Comment
from hunt_core.errors import InvalidInput
from hunt_core.models import (
    DRAFT_KINDS,
    OUTREACH_KINDS,
    Chat,
    Company,
    CompanyScore,
    Contact,
    ContactRank,
    Profile,
    Progress,
    Step,
    Touch,
    choice,
    required_text,
)
from hunt_core.names import name_key
from hunt_core.plugins import Plugins
from hunt_core.snapshot import Snapshot
from hunt_core.store import Store

if TYPE_CHECKING:
    import httpx

    from hunt_core.find_email import Found
    from hunt_core.http import Resolver
    from hunt_core.importers.jobboards import JobsSummary
    from hunt_core.importers.linkedin import LinkedInSummary, Offer
    from hunt_core.importers.linkedin import Progress as LinkedInProgress

Clock = Callable[[], dt.datetime]


class Workspace:
    """A user's hunt with an injectable clock, so 'a week later' can be tested."""

    def __init__(
        self,
        store: Store,
        plugins: Plugins,
        clock: Clock = dt.datetime.now,
        *,
        keep: list[Snapshot] | None = None,
    ) -> None:
        """keep: where a process about to exit (the `hunt` program) keeps every snapshot."""
        self.store = store
        self.plugins = plugins
        self.clock = clock
        self._keep = keep

    # -- reads ---------------------------------------------------------------------------

    def snapshot(self, *, people: bool = True) -> Snapshot:
        """A consistent read of everything, scored lazily (people=False: see snapshot.take)."""
        snap = snapshot.take(self.store, self.plugins, self.clock(), people=people)
        if self._keep is not None:
            self._keep.append(snap)
        return snap

    def rank_companies(self) -> list[CompanyScore]:
        """Target companies, best first, each with its explained signals.

        Everyone is read only if a plugin asks for them, and then in the same read.
        """
        with self.store.reading():
            return self.snapshot(people=False).company_scores

    def rank_contacts(self) -> list[ContactRank]:
        """People, who to reach first, with channel and reasons."""
        return self.snapshot().contact_ranks

    def queue(self, snap: Snapshot | None = None) -> list[Step]:
        """Every next step in the guide's order."""
        snap = snap or self.snapshot()
        return playbook.queue(snap, self.store.snoozed(snap.now))

    def next_step(self, snap: Snapshot | None = None) -> Step:
        """The one thing to do now (never None)."""
        snap = snap or self.snapshot()
        return playbook.next_step(snap, self.store.snoozed(snap.now))

    def progress(self, snap: Snapshot | None = None) -> list[Progress]:
        """Progress per guide step."""
        return playbook.progress(snap or self.snapshot())

    def draft(
        self,
        company: str,
        contact: str,
        kind: str = "first",
        snap: Snapshot | None = None,
        channel: str | None = None,
    ) -> str:
        """A message for one person through a channel key (default: the warmest usable one).

        'first' is a LinkedIn note when that is the channel; 'intro' asks the mutual connection
        to introduce you, and the first message after it names them.
        """
        kind = choice(kind, DRAFT_KINDS, "draft kind")
        snap = snap or self.snapshot()
        person = self.store.contact(self.store.company(company), contact)
        if kind == "intro" and (person.friend or not person.mutual.strip()):
            why = (
                "is your friend: message them directly"
                if person.friend
                else ("has no mutual connection to introduce you: add one with --mutual")
            )
            raise InvalidInput(f"{person.name} {why}")
        if kind == "follow-up" and (why := outreach.NO_FOLLOW_UP.get(snap.state(person), "")):
            raise InvalidInput(f"{person.name} {why}")
        score = snap.score_by_id[person.company_id]
        options = snap.channels(person)
        best = channels.best_channel(options, person)
        key = channel if channel is not None else best.key
        rank = snap.scorer.contact(person, score, snap.profile, snap.context, options)
        touches = self.store.touches(person.id) if person.id is not None else []
        facts = drafts.Facts(
            contact=person,
            score=score,
            profile=snap.profile,
            criteria=self.plugins.criteria,
            contact_signals=rank.signals,
            context=snap.context,
            channel=key,
            first_touch=next((t for t in touches if t.kind in OUTREACH_KINDS), None),
            chat=snap.chat_by_contact.get(person.id or -1),
            today=snap.today,
        )
        levels = outreach.variables(facts)
        available = outreach.templates(self.plugins)
        if kind == "linkedin-note" or (kind == "first" and key == channels.LINKEDIN_NOTE):
            return outreach.draft(available, "linkedin-note", levels, snap.profile.note_limit)
        return outreach.draft(available, kind, levels)

    def data_version(self) -> int:
        """A number that moves with every committed write of this hunt: a stale read's key."""
        return self.store.data_version()

    def touches(self, contact: Contact | None = None) -> list[Touch]:
        """What happened, oldest first: with one person, or with everyone."""
        return self.store.touches(contact.id if contact is not None else None)

    def comments(self) -> list[Comment]:
        """Instructor comments on this hunt, oldest first."""
        return self.store.comments()

    def confirmed_aliases(self) -> set[str]:
        """name_key of every other spelling of a target the user confirmed."""
        return {name_key(alias) for _, alias in self.store.company_aliases()}

    def linkedin_offers(self, snap: Snapshot) -> list[Offer]:
        """LinkedIn connections at the targets who are not people in this hunt yet."""
        from hunt_core.importers import linkedin

        return linkedin.offers(self.store, snap.connections, snap.companies)

    def export_bytes(self, fmt: str) -> bytes:
        """Everything in this hunt as one download (csv zip, json or xlsx)."""
        from hunt_core import export  # openpyxl and zip writing load only for an export

        return export.export_bytes(self.store, fmt)

    def chat_questions(self, company: str, contact: str) -> list[str]:
        """Questions for a chat: the saved ones, else the plugins' starter bank."""
        person = self.store.contact(self.store.company(company), contact)
        saved = self.store.chat(person.id or -1)
        if saved and saved.questions:
            return saved.questions
        found = self.plugins.call(
            "hunt_chat_questions",
            _strings,
            contact=views.contact(person),
            company=views.company(self.store.company_by_id(person.company_id)),
            profile=views.profile(self.store.profile()),
        )
        return list(dict.fromkeys(q for _, q in found))

    # -- writes --------------------------------------------------------------------------

    def update_profile(self, values: Mapping[str, Any]) -> Profile:
        """Change the given profile fields."""
        profile = forms.profile_from(values, self.store.profile())
        self.store.save_profile(profile)
        return profile

    def add_company(self, values: Mapping[str, Any]) -> Company:
        """Add a target company from text fields."""
        company = forms.company_from(values)

        def write() -> Company:
            added = self.store.add_company(company)
            self._relink()
            return added

        return self.store.atomic(write)

    def edit_company(self, name: str, values: Mapping[str, Any]) -> Company:
        """Change the given fields of a company."""
        company = forms.company_from(values, self.store.company(name))

        def write() -> None:
            self.store.update_company(company)
            self._relink()

        self.store.atomic(write)
        return company

    def add_targets(self, names: Sequence[str]) -> list[Company]:
        """Add target companies by name, all or none."""
        return self.store.atomic(lambda: [self.add_company({"name": n}) for n in names])

    def add_contact(self, company: str, values: Mapping[str, Any]) -> Contact:
        """Add a person at a company from text fields."""
        target = self.store.company(company)
        return self.store.add_contact(forms.contact_from(values, target.id or -1))

    def edit_contact(self, company: str, name: str, values: Mapping[str, Any]) -> Contact:
        """Change the given fields of a person."""
        person = self.store.contact(self.store.company(company), name)
        contact = forms.contact_from(values, person.company_id, person)
        self.store.update_contact(contact)
        return contact

    def find_email(
        self,
        company: str,
        name: str,
        *,
        client: httpx.Client | None = None,
        resolve: Resolver | None = None,
    ) -> Found:
        """Look for a person's email on their GitHub and website; saves nothing."""
        from hunt_core import find_email  # httpx loads only when someone looks

        person = self.store.contact(self.store.company(company), name)
        return find_email.search(person, client=client, resolve=resolve)

    def log(
        self,
        company: str,
        contact: str,
        kind: str,
        *,
        channel: str = "",
        at: str | None = None,
        text: str = "",
    ) -> Touch:
        """Record an outreach event; chat events also keep the chat record in step."""
        kind = forms.touch_kind(kind)
        if kind == "chat-scheduled" and not (at or "").strip():  # "now" would be a guess
            raise InvalidInput("a scheduled chat needs its day: --at YYYY-MM-DD")
        when = forms.touch_time(at, self.clock())
        person = self.store.contact(self.store.company(company), contact)
        touch = Touch(person.id or -1, kind, when, channel.strip(), text)

        def write() -> None:
            self.store.add_touch(touch)
            if kind in ("chat-scheduled", "chat-held"):
                chat = self.store.chat(person.id or -1) or Chat(person.id or -1)
                if kind == "chat-scheduled":
                    chat.scheduled_for = when
                else:
                    chat.held_at = when
                self.store.save_chat(chat)

        self.store.atomic(write)
        return touch

    def save_chat(self, company: str, contact: str, **changes: Any) -> Chat:
        """Change questions, notes or the referral flag of the chat with a person."""
        person = self.store.contact(self.store.company(company), contact)
        chat = self.store.chat(person.id or -1) or Chat(person.id or -1)
        for key, value in changes.items():
            if key not in ("questions", "notes", "referral_offered", "scheduled_for"):
                raise InvalidInput(f"unknown chat field {key!r}")
            setattr(chat, key, value)
        self.store.save_chat(chat)
        return chat

    def mark_comments_seen(self, ids: Sequence[int]) -> None:
        """Note that the user has read these instructor comments, now."""
        self.store.mark_comments_seen(ids, self.clock())

    def add_offered(self, offered: Sequence[Offer]) -> list[Contact]:
        """Add offered LinkedIn connections as people (anyone listed already is skipped)."""
        from hunt_core.importers import linkedin

        return linkedin.add_offered(self.store, offered)

    def restore_bytes(self, data: bytes, filename: str) -> dict[str, int]:
        """Load an uploaded export (.json, .xlsx or a .zip of CSV files) into this empty hunt."""
        from hunt_core import export

        return export.restore_bytes(self.store, data, filename)

    def set_weight(self, criterion: str, weight: float) -> None:
        """Tune how much one criterion counts (0 switches it off)."""
        if criterion not in self.plugins.criteria:
            known = ", ".join(sorted(self.plugins.criteria))
            raise InvalidInput(f"unknown criterion {criterion!r} (known: {known})")
        if not 0 <= weight <= 10:
            raise InvalidInput(f"weight {weight} must be between 0 and 10")
        self.store.set_weight(criterion, weight)

    def weights(self) -> dict[str, float]:
        """Every criterion's weight in force for this user."""
        chosen = self.store.weights()
        return {
            k: chosen.get(k, c.default_weight) for k, c in sorted(self.plugins.criteria.items())
        }

    def snooze(self, step_key: str, days: int = 1) -> None:
        """Hide a next step for some days; a key that names no step now is refused."""
        if days < 1:
            raise InvalidInput("snooze for at least one day")
        if not playbook.is_step(self.snapshot(), step_key):
            raise InvalidInput(f"{step_key!r} is no next step of your hunt (see `hunt next`)")
        self.store.snooze(step_key, self.clock() + dt.timedelta(days=days))

    def import_jobs(
        self,
        company: str,
        *,
        greenhouse: str | None = None,
        lever: str | None = None,
        ashby: str | None = None,
        file: bytes | None = None,
        client: httpx.Client | None = None,
    ) -> JobsSummary:
        """Replace a company's postings from one job board, fetched or from a saved answer."""
        # httpx takes ~60 ms to import; only job imports need it, so it loads here.
        from hunt_core.importers import jobboards

        boards = {"greenhouse": greenhouse, "lever": lever, "ashby": ashby}
        given = [source for source, token in boards.items() if token is not None]
        if len(given) + (file is not None) != 1:
            raise InvalidInput("give exactly one of a Greenhouse, Lever or Ashby board, or a file")
        target = self.store.company(company)
        if file is not None:
            payload = jobboards.load(file)
            source = jobboards.detect(payload)
        else:
            source = given[0]
            payload = jobboards.fetch(source, boards[source] or "", client=client)
        return jobboards.import_jobs(self.store, target, source, payload, self.clock())

    def import_linkedin(
        self,
        data: bytes,
        *,
        progress: LinkedInProgress | None = None,
        add_people: bool = False,
        source: str = "Connections.csv",
    ) -> LinkedInSummary:
        """Import LinkedIn's Connections.csv: link people to targets, offer them, suggest more."""
        from hunt_core.importers import linkedin  # rapidfuzz loads only for LinkedIn matching

        return linkedin.import_linkedin(
            self.store, data, progress=progress, add_people=add_people, source=source
        )

    def confirm_alias(self, company: str, spelling: str) -> tuple[Company, int]:
        """Confirm another name of a target (a near miss of an import): link who works there."""
        from hunt_core.importers import linkedin

        target = self.store.company(company)
        with self.store.transaction():
            self.store.add_company_alias(target.id or -1, required_text(spelling, "other name"))
            linked = linkedin.relink(self.store)
        return target, linked

    def _relink(self) -> None:
        """Re-match LinkedIn connections to the target companies after those changed."""
        from hunt_core.importers import linkedin

        linkedin.relink(self.store)


def _strings(value: Any) -> list[str]:
    """Checker for hooks that return a list of strings."""
    if value is None:
        return []
    if isinstance(value, list | tuple) and all(isinstance(v, str) for v in value):
        return [v.strip() for v in value if v.strip()]
    raise TypeError(f"returned {type(value).__name__}, expected a list of str")
