"""Instructor review: each visible student's targets, scored through the normal snapshot."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from hunt_core import snapshot
from hunt_core.cohort import Member
from hunt_core.models import PEOPLE_MAX, PEOPLE_MIN, TARGET_COMPANIES
from hunt_core.plugins import Plugins
from hunt_core.store import Cohorts

TOP = 3  # best-scored companies shown per student


@dataclass(frozen=True)
class StudentReview:
    """How far one student's target list is, as an instructor sees it."""

    owner: str  # the student's data key: pass it to Cohorts.open_for or add_comment
    name: str
    email: str
    cohort: str
    companies: int
    staffed: int  # companies with PEOPLE_MIN-PEOPLE_MAX people
    top: tuple[tuple[str, float], ...]  # (company, score), best first
    target: int = TARGET_COMPANIES


def review(
    cohorts: Cohorts, plugins: Plugins, instructor: Member, now: dt.datetime
) -> list[StudentReview]:
    """One line per student of the instructor's cohorts (none for anyone else), by cohort."""
    lines = [_line(cohorts, plugins, instructor, s, now) for s in cohorts.students(instructor)]
    return sorted(lines, key=lambda r: (r.cohort, r.name, r.email))


def _line(
    cohorts: Cohorts, plugins: Plugins, instructor: Member, student: Member, now: dt.datetime
) -> StudentReview:
    """A student's review line, read through the read-only store the instructor may open."""
    snap = snapshot.take(cohorts.open_for(instructor, student.owner), plugins, now)
    sizes = [len(snap.context.contacts_by_company.get(c.id or -1, [])) for c in snap.companies]
    return StudentReview(
        owner=student.owner,
        name=student.name,
        email=student.email,
        cohort=student.cohort,
        companies=len(snap.companies),
        staffed=sum(1 for n in sizes if PEOPLE_MIN <= n <= PEOPLE_MAX),
        top=tuple((s.company.name, s.score) for s in snap.company_scores[:TOP]),
    )
