"""`hunt rank`, `next`, `draft`, `chat prep`, `progress`, `weights`, `snooze`: what to do now."""

from __future__ import annotations

import argparse
import shlex
from typing import Any

from hunt_core.cli.common import (
    Sub,
    json_flag,
    positive,
    print_json,
    print_json_list,
    print_table,
)
from hunt_core.cli.shapes import (
    company_json,
    contact_json,
    next_json,
    progress_json,
    questions_json,
)
from hunt_core.models import DRAFT_KINDS
from hunt_core.wording import plural
from hunt_core.workspace import Workspace

DETAILS_SHOWN = 8  # progress lines per step in text mode, so a big hunt stays readable
THEN_SHOWN = 4  # queued steps `hunt next` lists after the first


def setup(commands: Any, sub: Sub) -> None:
    """Add the commands that rank, plan and draft."""
    what = sub(commands, "rank", "rankings with their reasons").add_subparsers(
        metavar="WHAT", required=True
    )
    for name, text, run in (
        ("companies", "target companies, best first, with every signal", cmd_rank_companies),
        ("contacts", "people, who to reach first and through which channel", cmd_rank_contacts),
    ):
        action = json_flag(sub(what, name, text, run), scores=True)
        action.add_argument("--top", type=positive, metavar="N", help="only the first N")
    json_flag(
        sub(commands, "next", "the one next step and the queue behind it", cmd_next), scores=True
    )
    draft = sub(commands, "draft", "draft a message to a person", cmd_draft)
    draft.add_argument("company", metavar="COMPANY")
    draft.add_argument("contact", metavar="CONTACT")
    draft.add_argument("--kind", default="first", metavar="|".join(DRAFT_KINDS))
    draft.set_defaults(scores=True)
    chat = sub(commands, "chat", "coffee chats").add_subparsers(metavar="ACTION", required=True)
    text = "the questions to ask in a coffee chat with a person"
    prep = json_flag(sub(chat, "prep", text, cmd_chat_prep), scores=True)
    prep.add_argument("company", metavar="COMPANY")
    prep.add_argument("contact", metavar="NAME")
    weights = json_flag(sub(commands, "weights", "how much each criterion counts", cmd_weights))
    change = sub(
        weights.add_subparsers(metavar="ACTION"),
        "set",
        "set one criterion's weight (0 switches it off)",
        cmd_weight_set,
    )
    change.add_argument("criterion", metavar="CRITERION")
    change.add_argument("weight", metavar="WEIGHT", type=float)
    snooze = sub(commands, "snooze", "hide a next step for some days", cmd_snooze)
    snooze.add_argument("step_key", metavar="STEP_KEY", help="as shown by `hunt next`")
    snooze.add_argument("--days", type=int, default=1, metavar="N")
    json_flag(sub(commands, "progress", "progress per guide step", cmd_progress), scores=True)


def cmd_rank_companies(ws: Workspace, args: argparse.Namespace) -> None:
    """Companies best first, each signal with its points, weight and reason."""
    scores = ws.rank_companies()[: args.top]
    if args.json:
        print_json_list(scores, company_json)
        return
    if not scores:
        print("No companies yet: hunt company add NAME, or hunt import companies FILE.csv")
    for number, score in enumerate(scores, start=1):
        print(
            f"{number:>3}. {score.company.name}  {score.score:.1f}/100"
            f"  (range {score.span}; {score.coverage})"
        )
        for weighted in score.signals:
            signal = weighted.signal
            points = "?" if signal.points is None else f"{signal.points:.2f}"
            print(f"       {points:>4} x{weighted.weight:<4g} {weighted.label}: {signal.reason}")


def cmd_rank_contacts(ws: Workspace, args: argparse.Namespace) -> None:
    """People in the order to reach them, with channel and reasons."""
    ranks = ws.rank_contacts()[: args.top]
    if args.json:
        print_json_list(ranks, contact_json)
        return
    if not ranks:
        print("No people yet: hunt contact add COMPANY NAME --role developer")
    for rank in ranks:
        who = f"{rank.contact.name} ({rank.contact.role}) at {rank.company.name}"
        via = rank.channel.label
        print(f"{rank.priority:6.1f}  {who}: {via}")
        print(f"        {'; '.join(rank.reasons)}")


def cmd_next(ws: Workspace, args: argparse.Namespace) -> None:
    """The one next step, and what comes after it."""
    first, *later = ws.queue()
    if args.json:
        print_json(next_json(first, later))
        return
    print(first.action)
    print(f"  Why: {first.why}")
    print(f"  (Not now? hunt snooze {first.key} --days 1)")
    if later:
        print("\nThen:")
        for step in later[:THEN_SHOWN]:
            print(f"  - {step.action}")


def cmd_draft(ws: Workspace, args: argparse.Namespace) -> None:
    """Print a message draft."""
    print(ws.draft(args.company, args.contact, args.kind))


def cmd_chat_prep(ws: Workspace, args: argparse.Namespace) -> None:
    """The questions for a coffee chat: the ones saved for it, else the plugins' starter bank."""
    company = ws.store.company(args.company)
    person = ws.store.contact(company, args.contact)
    questions = ws.chat_questions(company.name, person.name)
    if args.json:
        print_json(questions_json(company.name, person.name, questions))
        return
    print(f"Coffee chat with {person.name} ({person.role}) at {company.name}:")
    for number, question in enumerate(questions, 1):
        print(f"  {number}. {question}")
    if not questions:
        print("  No questions yet: write your own on the Chats page.")
    after = shlex.join(["hunt", "log", company.name, person.name, "chat-held"])
    print(f"Afterwards: {after}, then write your thank-you.")


def cmd_weights(ws: Workspace, args: argparse.Namespace) -> None:
    """Every criterion's weight in force."""
    weights = ws.weights()
    if args.json:
        print_json(weights)
        return
    rows = []
    for key, weight in weights.items():
        criterion = ws.plugins.criteria[key]
        default = f"{criterion.default_weight:g}"
        rows.append([key, f"{weight:g}", default, criterion.applies_to, criterion.label])
    print_table(["criterion", "weight", "default", "for", "label"], rows)


def cmd_weight_set(ws: Workspace, args: argparse.Namespace) -> None:
    """Set one criterion's weight."""
    ws.set_weight(args.criterion, args.weight)
    print(f"Weight of {args.criterion} set to {args.weight:g}.")


def cmd_snooze(ws: Workspace, args: argparse.Namespace) -> None:
    """Hide a next step for some days."""
    ws.snooze(args.step_key, args.days)
    print(f"Snoozed {args.step_key} for {plural(args.days, 'day')}.")


def cmd_progress(ws: Workspace, args: argparse.Namespace) -> None:
    """Progress per guide step."""
    progress = ws.progress()
    if args.json:
        print_json([progress_json(p) for p in progress])
        return
    for p in progress:
        print(f"{p.step}. {p.title:<22} {p.summary}")
        for line in p.details[:DETAILS_SHOWN]:
            print(f"     {line}")
        if len(p.details) > DETAILS_SHOWN:
            print(f"     ... and {len(p.details) - DETAILS_SHOWN} more")
