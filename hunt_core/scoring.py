"""Run the scoring hooks, weight and explain the signals, rank companies and contacts."""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any, NamedTuple, TypeVar

from hunt_core import gcpause, views
from hunt_core.channels import best_channel, can_send
from hunt_core.models import (
    CORE_ROLES,
    NEUTRAL_PRIOR,
    PEOPLE_MAX,
    PEOPLE_MIN,
    PER_ROLE_MAX,
    AppliesTo,
    Channel,
    Company,
    CompanyScore,
    Contact,
    ContactRank,
    Context,
    Criterion,
    Profile,
    Signal,
    WeightedSignal,
)
from hunt_core.plugins import Plugins

T = TypeVar("T")

# How much each outreach state keeps of a contact's priority: people not yet reached come first.
STATE_FACTOR = {
    "new": 1.0,
    "follow-up-due": 0.8,
    "waiting": 0.3,
    "followed-up": 0.2,
    "replied": 0.1,
    "chat-scheduled": 0.1,
    "chat-held": 0.0,
    "thanked": 0.0,
}
COMPANY_SHARE = 0.5  # of a contact's priority; the rest is how good a first contact they are
NO_CHANNEL_FACTOR = 0.5  # someone you cannot reach yet waits behind someone you can
_NUMBERS = frozenset({int, float})
ROLE_PLURALS = {"developer": "developers", "manager": "managers", "recruiter": "recruiters"}
# Named tuples made once per signal or person in a ranking are made with tuple.__new__: their
# own constructor is a Python function, which doubles what each costs.
_new = tuple.__new__


def signal_check(
    criteria: Mapping[str, Criterion], applies_to: str
) -> Callable[[Any], list[Signal]]:
    """A checker that accepts only well-formed signals for declared criteria of one kind."""
    keys = frozenset(k for k, c in criteria.items() if c.applies_to == applies_to)

    def check(value: Any) -> list[Signal]:
        # Runs for every call of every plugin: exact type tests first, the general ones after.
        if type(value) is Signal:  # the usual answer, one well-formed signal, passed at once
            points, reason = value.points, value.reason
            if (
                value.criterion in keys
                and (points is None or (type(points) in _NUMBERS and 0 <= points <= 1))
                and type(reason) is str
                and reason
                and not reason.isspace()
            ):
                return [value]
        if value is None:
            return []
        items = [value] if isinstance(value, Signal) else value
        if not isinstance(items, list | tuple):
            raise TypeError(f"returned {type(value).__name__}, expected Signal or a list of them")
        for s in items:
            if not isinstance(s, Signal):
                raise TypeError(f"returned {type(s).__name__} in a list, expected Signal")
            if s.criterion not in keys:
                raise ValueError(f"signal for undeclared {applies_to} criterion {s.criterion!r}")
            points = s.points
            if points is not None and (
                (
                    type(points) not in _NUMBERS  # the usual case decided without isinstance
                    and (isinstance(points, bool) or not isinstance(points, int | float))
                )
                or not 0 <= points <= 1
            ):
                raise ValueError(f"signal {s.criterion!r} points {points!r} not in [0, 1]")
            reason = s.reason
            if type(reason) is not str or not reason or reason.isspace():
                raise ValueError(f"signal {s.criterion!r} has no reason")
        return items if type(items) is list else list(items)

    return check


def effective_weights(
    criteria: Mapping[str, Criterion], chosen: Mapping[str, float]
) -> dict[str, float]:
    """Each criterion's weight: the user's choice, else the plugin's default."""
    return {key: float(chosen.get(key, c.default_weight)) for key, c in criteria.items()}


def _merge(results: Iterable[tuple[str, Signal]]) -> dict[str, tuple[str, Signal]]:
    """One signal per criterion, independent of plugin order: known beats unknown, then points."""
    best: dict[str, tuple[str, Signal]] = {}
    for plugin, s in results:
        held = best.get(s.criterion)
        if held is None or _rank_key(plugin, s) > _rank_key(*held):
            best[s.criterion] = (plugin, s)
    return best


def _rank_key(plugin: str, s: Signal) -> tuple[bool, float, str, str]:
    """Order for merging two signals on one criterion (plugin and reason only break ties)."""
    return (s.known, s.points or 0.0, plugin, s.reason)


class Estimate(NamedTuple):
    """One subject's weighing: fractions in [0, 1], how many criteria are known, the signals."""

    fraction: float  # unknown criteria counted at their prior
    low: float  # as if every unknown turned out no
    high: float  # as if every unknown turned out yes
    earned: float  # the weighted points of the known verdicts alone
    known: int  # criteria that count (weight > 0) with a verdict
    total: int  # criteria that count
    signals: tuple[WeightedSignal, ...]


# One criterion as _weigh reads it: key, weight, label, prior, and its unknown placeholder.
Slot = tuple[str, float, str, float, WeightedSignal]


def _weigh(merged: Mapping[str, tuple[str, Signal]], slots: Sequence[Slot]) -> Estimate:
    """The weighted mean of points in [0, 1] with each unknown at its prior, range and coverage.

    ``slots`` are every declared criterion of the subject's kind, in display order; one that no
    plugin gave a signal for is unknown too (its placeholder), so coverage is "known of all
    criteria that count". Weight 0 criteria are listed but never count.
    """
    got = guessed = open_weight = weight_sum = 0.0
    known = total = 0
    out = []
    for key, w, label, prior, blank in slots:
        held = merged.get(key)
        if held is None:
            if w <= 0:
                continue  # switched off and silent: nothing to show
            out.append(blank)
            points = None
        else:
            plugin, s = held
            out.append(_new(WeightedSignal, (s, w, plugin, label, prior)))
            points = s.points
        if w > 0:
            total += 1
            weight_sum += w
            if points is None:
                guessed += w * prior
                open_weight += w
            else:
                got += w * points
                known += 1
    if not weight_sum:
        return Estimate(NEUTRAL_PRIOR, NEUTRAL_PRIOR, NEUTRAL_PRIOR, 0.0, 0, 0, tuple(out))
    return _new(
        Estimate,
        (
            (got + guessed) / weight_sum,
            got / weight_sum,
            (got + open_weight) / weight_sum,
            got,
            known,
            total,
            tuple(out),
        ),
    )


def _slot(criterion: Criterion, weight: float, plugin: str) -> Slot:
    """A criterion as _weigh reads it, with the placeholder it shows while unjudged."""
    placeholder = _placeholder(criterion, weight, plugin)
    return (criterion.key, weight, criterion.label, criterion.prior, placeholder)


def _placeholder(criterion: Criterion, weight: float, plugin: str) -> WeightedSignal:
    """The unknown signal a criterion gets when no plugin judged it (it still counts)."""
    what = criterion.description.strip().rstrip(".")
    reason = f"unknown: nothing judged this yet ({what})" if what else "unknown: not judged yet"
    signal = Signal(criterion=criterion.key, points=None, reason=reason)
    return WeightedSignal(signal, weight, plugin, criterion.label, criterion.prior)


class Scorer:
    """Scores with one plugin manager and one user's weights; built once per ranking.

    It takes the stored records and hands the hooks their read-only views (each built once,
    in ``seen``); what it returns holds the records again, so the host never reads a view.
    """

    def __init__(
        self, plugins: Plugins, weights: Mapping[str, float], seen: views.Seen | None = None
    ) -> None:
        self.plugins = plugins
        self.seen = seen or views.Seen()
        plugins.new_run()  # a plugin skipped as too slow last time gets another chance
        self.criteria = plugins.criteria
        self.weights = effective_weights(self.criteria, weights)
        # Signals are listed heaviest criterion first, then by key: decided once, not per company.
        ranked = sorted(self.criteria, key=lambda k: (-self.weights[k], k))
        owner = plugins.criterion_plugin
        self._slots = {
            kind: tuple(
                _slot(self.criteria[k], self.weights[k], owner.get(k, ""))
                for k in ranked
                if self.criteria[k].applies_to == kind
            )
            for kind in ("company", "contact")
        }
        self._company_check = signal_check(self.criteria, "company")
        self._contact_check = signal_check(self.criteria, "contact")

    def weigh(self, results: Iterable[tuple[str, Signal]], applies_to: AppliesTo) -> Estimate:
        """Merge one subject's (plugin, signal) results and weigh every criterion of its kind."""
        return _weigh(_merge(results), self._slots[applies_to])

    def judge(self, company: Company, results: Iterable[tuple[str, Signal]]) -> CompanyScore:
        """A company's score 0-100 from its plugins' results, with its range and coverage."""
        e = self.weigh(results, "company")
        return _new(
            CompanyScore,
            (
                company,
                round(100 * e.fraction, 1),
                e.signals,
                round(100 * e.low, 1),
                round(100 * e.high, 1),
                e.known,
                e.total,
            ),
        )

    def company(self, company: Company, profile: Profile, context: Context) -> CompanyScore:
        """Score one company 0-100 with its explained signals, range and coverage."""
        return self._scores([company], profile, context)[0]

    def companies(
        self, companies: Iterable[Company], profile: Profile, context: Context
    ) -> list[CompanyScore]:
        """Rank companies best first; ties broken by name."""
        with gcpause.paused():
            scores = self._scores(list(companies), profile, context)
            return sorted(
                scores, key=lambda s: (-s.score, s.company.name.casefold(), s.company.id or 0)
            )

    def _scores(
        self, companies: Sequence[Company], profile: Profile, context: Context
    ) -> list[CompanyScore]:
        """Each company's score, in the order given."""
        company = self.seen.company
        results = self.plugins.call_each(
            "hunt_score_company",
            self._company_check,
            [(company(c),) for c in companies],
            ("company",),
            profile=self.seen.profile(profile),
            context=context,
        )
        return [self.judge(c, r) for c, r in zip(companies, _drained(results), strict=True)]

    def contact(
        self,
        contact: Contact,
        company: CompanyScore,
        profile: Profile,
        context: Context,
        options: Sequence[Channel],
    ) -> ContactRank:
        """How soon to reach this person: company score, contact fit, channel and state."""
        rows = [(contact, company)]
        return self._ranks(rows, self._views_of(rows), [options], profile, context)[0][0]

    def contacts(
        self,
        contacts: Sequence[Contact],
        scores: Mapping[int, CompanyScore],
        profile: Profile,
        context: Context,
        channels_of: Callable[[Sequence[PersonAt]], Sequence[Sequence[Channel]]],
    ) -> list[ContactRank]:
        """Rank people best first: those the guide's 3-6 (1-2 per role) still needs, then the
        rest; within each tier by priority, ties broken by company then person name.

        ``channels_of`` gives every way to reach each of a list of (person, company) views,
        in their order.
        """
        with gcpause.paused():
            rows = [(c, scores[c.company_id]) for c in contacts if c.company_id in scores]
            viewed = self._views_of(rows)
            options = channels_of(viewed)
            within, beyond = _quota(self._ranks(rows, viewed, options, profile, context))
            within.sort(key=_order)
            beyond.sort(key=_order)
            return [rank for rank, _ in within] + [rank for rank, _ in beyond]

    def _views_of(self, rows: Sequence[tuple[Contact, CompanyScore]]) -> list[PersonAt]:
        """The (person, company) views the hooks get for each row."""
        person, company = self.seen.contact, self.seen.company
        return [(person(c), company(s.company)) for c, s in rows]

    def _ranks(
        self,
        rows: Sequence[tuple[Contact, CompanyScore]],
        viewed: Sequence[PersonAt],
        options: Sequence[Sequence[Channel]],
        profile: Profile,
        context: Context,
    ) -> list[tuple[ContactRank, Claim, Order]]:
        """Each person's rank (quota not applied) with its sort keys, in the order given.

        The keys are made here, right after this person's objects were made: a later pass over
        60,000 ranks would read them all back from memory.
        """
        results = self.plugins.call_each(
            "hunt_score_contact",
            self._contact_check,
            [(p, c, list(o)) for (p, c), o in zip(viewed, options, strict=True)],
            ("contact", "company", "channels"),
            profile=self.seen.profile(profile),
            context=context,
        )
        states = context.states
        # Per company, once, not once per person: its name folded, and the reason it gives.
        folded: dict[int, str] = {}
        headline: dict[int, str] = {}
        out = []
        for (contact, score), channels, found in zip(rows, options, _drained(results), strict=True):
            estimate = self.weigh(found, "contact")
            signals = estimate.signals
            channel = best_channel(channels, contact)
            reachable = can_send(channel)
            state = states.get(contact.id or -1, "new")
            base = COMPANY_SHARE * score.score / 100 + (1 - COMPANY_SHARE) * estimate.fraction
            factor = STATE_FACTOR.get(state, 0.0) * (1.0 if reachable else NO_CHANNEL_FACTOR)
            first = headline.get(contact.company_id)
            if first is None:
                first = headline[contact.company_id] = (
                    f"{score.company.name} scores {score.score:.0f}/100"
                )
            reasons = [first]
            reasons += [s.signal.reason for s in signals if s.signal.known and s.signal.points]
            if not reachable and state == "new":
                reasons.append(channel.reason)
            if state != "new":
                reasons.append(f"outreach state: {state}")
            priority = round(100 * base * factor, 1)
            rank = _new(
                ContactRank,
                (contact, score.company, priority, channel, state, tuple(reasons), signals, False),
            )
            name, number = contact.name.casefold(), contact.id or 0
            at = folded.get(contact.company_id)
            if at is None:
                at = folded[contact.company_id] = score.company.name.casefold()
            claim = (state == "new", -estimate.earned, name, number)
            out.append((rank, claim, (-priority, at, name, number)))
        return out


def _drained(items: list[T]) -> Iterator[T]:
    """The items in order, emptying the list: each is let go once the loop moves past it.

    The plugins' results for 60,000 people freed as they are weighed are memory the ranks
    made next reuse, rather than fresh pages.
    """
    items.reverse()
    while items:
        yield items.pop()


# A person's view and their company's, as the hooks get them.
PersonAt = tuple[views.Contact, views.Company]
# Who keeps a slot at their company: people already reached, then the best fit (the weighted
# points of what is known), then name and id.
Claim = tuple[bool, float, str, int]
# The order people are listed in, within and beyond the quota: priority, then company and
# person name, then id, so it is total.
Order = tuple[float, str, str, int]


# The sort keys of a person's claim to a slot at their company, and of where they are listed.
_claim = _order = operator.itemgetter(1)


def _quota(
    entries: Iterable[tuple[ContactRank, Claim, Order]],
) -> tuple[list[tuple[ContactRank, Order]], list[tuple[ContactRank, Order]]]:
    """Split people into those within the guide's 1-2 per role and 3-6 per company, and those
    past it (marked, with the reason why), each with its order.

    Per company, by claim, the first PER_ROLE_MAX of each core role and the first PEOPLE_MAX
    people overall are in; a person over a role's cap takes no company slot.
    """
    by_company: dict[int, list[tuple[ContactRank, Claim, Order]]] = {}
    for entry in entries:
        company_id = entry[0].contact.company_id
        group = by_company.get(company_id)
        if group is None:
            by_company[company_id] = [entry]
        else:
            group.append(entry)
    within: list[tuple[ContactRank, Order]] = []
    beyond: list[tuple[ContactRank, Order]] = []
    for group in by_company.values():
        if len(group) <= PER_ROLE_MAX:  # too few for any cap to bind
            within += [(rank, order) for rank, _, order in group]
            continue
        per_role: dict[str, int] = {}
        kept = 0
        for rank, _, order in sorted(group, key=_claim):
            role, company = rank.contact.role, rank.company.name
            taken = per_role.get(role, 0)
            why = ""
            if role in CORE_ROLES and taken >= PER_ROLE_MAX:
                why = (
                    f"you already have {PER_ROLE_MAX} {ROLE_PLURALS[role]} at {company}: "
                    f"the guide asks for 1-{PER_ROLE_MAX} per role"
                )
            elif kept >= PEOPLE_MAX:
                why = (
                    f"{company} already has {PEOPLE_MAX} people: "
                    f"{PEOPLE_MIN}-{PEOPLE_MAX} is enough"
                )
            if why:
                marked = _new(ContactRank, (*rank[:5], (*rank.reasons, why), rank.signals, True))
                beyond.append((marked, order))
                continue
            per_role[role] = taken + 1
            kept += 1
            within.append((rank, order))
    return within, beyond
