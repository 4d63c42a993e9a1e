"""A Hunt plugin: score a target company by the Glassdoor rating you noted down.

It never goes online. It reads the rating from the company's notes, written the way people
jot it down: "Glassdoor 4.2 (310 reviews)", "glassdoor: 3.8/5", "4.5 on Glassdoor".
A company without a rating in its notes is unknown, not bad: the reason says what to check.
"""

from __future__ import annotations

import re

from hunt_core.api import Company, Criterion, Signal, hookimpl

KEY = "glassdoor_rating"
LOW, HIGH = 3.0, 4.5  # a rating of LOW or below scores 0, HIGH or above scores 1
FEW_REVIEWS = 20  # with fewer reviews than this, the rating is pulled toward the middle

# A rating, not the start of a longer number ("1,204") nor a review count ("12 reviews").
_NUMBER = r"(?P<rating>\d+(?:[.,]\d+)?)(?![\d.,]*\d)(?!\s*reviews?\b)"
_OUT_OF_5 = r"(?:\s*(?:/|out of)\s*5)?"
_RATINGS = (
    re.compile(r"\bglassdoor\b\W{0,5}(?:rating\W{0,5})?" + _NUMBER + _OUT_OF_5, re.IGNORECASE),
    re.compile(_NUMBER + _OUT_OF_5 + r"\s*(?:stars?\s+)?on\s+glassdoor\b", re.IGNORECASE),
)
_REVIEWS = re.compile(r"(?P<count>\d[\d,]*)\s+(?:glassdoor\s+)?reviews?\b", re.IGNORECASE)


@hookimpl
def hunt_criteria() -> list[Criterion]:
    """Declare the one criterion this plugin scores."""
    return [
        Criterion(
            key=KEY,
            label="Glassdoor rating",
            applies_to="company",
            default_weight=1,
            description=(
                "How employees rate the company on Glassdoor, from the rating you noted "
                f"(e.g. 'Glassdoor 4.2 (310 reviews)'). {LOW:.1f} or lower scores 0, "
                f"{HIGH:.1f} or higher scores 1."
            ),
            guide_step=1,
        )
    ]


def find_rating(notes: str) -> tuple[float, int | None] | None:
    """(rating as written, number of reviews or None) from free-text notes, or None."""
    for pattern in _RATINGS:
        match = pattern.search(notes)
        if match:
            rating = float(match.group("rating").replace(",", "."))
            reviews = _REVIEWS.search(notes)
            count = int(reviews.group("count").replace(",", "")) if reviews else None
            return rating, count
    return None


def points_for(rating: float, reviews: int | None) -> float:
    """Points in [0, 1]: linear from LOW to HIGH, pulled toward 0.5 when reviews are few."""
    points = min(1.0, max(0.0, (rating - LOW) / (HIGH - LOW)))
    if reviews is not None and reviews < FEW_REVIEWS:
        points = 0.5 + (points - 0.5) * reviews / FEW_REVIEWS
    return round(points, 2)


@hookimpl
def hunt_score_company(company: Company) -> Signal:
    """Score the rating in the company's notes; unknown when the notes have none.

    The hook spec passes (company, profile, context); this implementation only needs the
    company, and pluggy lets an implementation accept any subset of the arguments.
    """
    found = find_rating(company.notes)
    if found is None:
        return Signal(
            criterion=KEY,
            points=None,
            reason=f"unknown: check {company.name} on glassdoor.com and add its rating to the "
            "company's notes, e.g. 'Glassdoor 4.1 (230 reviews)'",
        )
    rating, reviews = found
    if not 1 <= rating <= 5:
        return Signal(
            criterion=KEY,
            points=None,
            reason=f"unknown: the notes say Glassdoor {rating:g}, but ratings run from 1 to 5; "
            f"check {company.name} on glassdoor.com",
            evidence="company.notes",
        )
    points = points_for(rating, reviews)
    if reviews is None:
        based_on = ""
    elif reviews < FEW_REVIEWS:
        based_on = f" from only {reviews} reviews, so it counts for less"
    else:
        based_on = f" from {reviews:,} reviews"
    if rating >= 4:
        verdict = "employees rate it well"
    elif rating > LOW:
        verdict = "employees rate it middling; ask what it's like in a chat"
    else:
        verdict = "employees rate it poorly; ask what it's like in a chat"
    return Signal(
        criterion=KEY,
        points=points,
        reason=f"Glassdoor rating {rating:.1f}/5{based_on}: {verdict}",
        evidence="company.notes",
    )
