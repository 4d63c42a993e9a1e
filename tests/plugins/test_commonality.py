"""The commonality criterion: college, coding school, mutual connection, friend."""

from __future__ import annotations

from hunt_core.builtin_plugins import commonality
from hunt_core.models import Company, Contact, Profile, Signal
from hunt_core.plugins import as_list
from tests.plugin_views import view


def test_same_college_case_insensitive(profile: Profile) -> None:
    signal = commonality.hunt_score_contact(
        view(Contact(1, "Sam", college="university of DENVER")), view(profile)
    )
    assert (signal.points, signal.reason) == (1.0, "also went to university of DENVER")
    assert signal.pitch == "I saw we both went to the university of DENVER"
    assert signal.evidence == "contact.college"


def test_other_college_does_not_count(profile: Profile) -> None:
    signal = commonality.hunt_score_contact(view(Contact(1, "Sam", college="MIT")), view(profile))
    assert signal.points is None


def test_coding_school_and_fellow_grad(profile: Profile) -> None:
    other = commonality.hunt_score_contact(
        view(Contact(1, "Sam", coding_school="Hack Reactor")), view(profile)
    )
    assert (other.points, other.reason) == (1.0, "also went to a coding school (Hack Reactor)")
    fellow = commonality.hunt_score_contact(
        view(Contact(1, "Sam", coding_school="turing")), view(profile)
    )
    assert fellow.reason == "a fellow turing grad"
    assert fellow.pitch == "I'm a fellow turing grad"


def test_mutual_and_friend(profile: Profile) -> None:
    mutual = commonality.hunt_score_contact(
        view(Contact(1, "Sam", mutual="Jo Park")), view(profile)
    )
    assert (mutual.points, mutual.reason) == (1.0, "mutual connection: Jo Park")
    friend = commonality.hunt_score_contact(view(Contact(1, "Sam Lee", friend=True)), view(profile))
    assert (friend.points, friend.reason) == (1.0, "Sam Lee is your friend")


def test_several_join_into_one_signal_with_the_warmest_pitch(profile: Profile) -> None:
    contact = Contact(1, "Sam", college="University of Denver", coding_school="Turing", mutual="Jo")
    signal = commonality.hunt_score_contact(view(contact), view(profile))
    assert signal.points == 1.0
    assert signal.reason == (
        "a fellow Turing grad; also went to University of Denver; mutual connection: Jo"
    )
    assert signal.pitch == "I'm a fellow Turing grad"
    assert signal.evidence == "contact.coding_school, contact.college, contact.mutual"


def test_nothing_in_common_is_unknown(profile: Profile) -> None:
    signal = commonality.hunt_score_contact(view(Contact(1, "Sam Lee")), view(profile))
    assert signal.points is None
    assert signal.reason == (
        "unknown: check Sam Lee's LinkedIn for a shared college, coding school or mutual connection"
    )


def test_registers_and_scores_through_the_host(only, profile, context) -> None:
    plugins = only("commonality")
    assert plugins.criteria["commonality"].default_weight == 2
    got = plugins.call(
        "hunt_score_contact",
        as_list(Signal),
        contact=Contact(1, "Sam", mutual="Jo"),
        company=view(Company("Acme", id=1)),
        profile=view(profile),
        context=context,
    )
    assert [(name, s.points) for name, s in got] == [("commonality", 1.0)]
