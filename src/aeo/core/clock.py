"""The statutory clock: business days elapsed on an application, with pauses that stop it.

Counting rule (one place, used everywhere): a day counts when it is a business day of the
administering economy's calendar, lies after the start date, is not after `today`, and does
not fall inside a pause. A pause that begins on day S and ends (the application resumes) on
day E stops the days in (S, E]: the day the trader is asked counts, the day work resumes does
not. An open pause stops every day up to today.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from aeo.core.business_days import add_business_days, business_days_between


@dataclass(frozen=True)
class Pause:
    start: date
    end: date | None = None


@dataclass(frozen=True)
class ClockReading:
    target_business_days: int
    elapsed_business_days: int
    remaining_business_days: int
    due_date: date
    paused: bool
    overdue: bool

    def as_dict(self) -> dict[str, object]:
        return {
            "target_business_days": self.target_business_days,
            "elapsed_business_days": self.elapsed_business_days,
            "remaining_business_days": self.remaining_business_days,
            "due_date": self.due_date,
            "paused": self.paused,
            "overdue": self.overdue,
        }


def paused_business_days(calendar: str, pauses: Sequence[Pause], today: date) -> int:
    return sum(
        business_days_between(calendar, p.start, min(p.end or today, today))
        for p in pauses
        if p.start < today
    )


def read_clock(
    *,
    calendar: str,
    started: date,
    target: int,
    pauses: Sequence[Pause] = (),
    today: date,
) -> ClockReading:
    """The clock as of `today` for a decision due `target` business days after `started`."""
    stopped = paused_business_days(calendar, pauses, today)
    elapsed = max(0, business_days_between(calendar, started, today) - stopped)
    return ClockReading(
        target_business_days=target,
        elapsed_business_days=elapsed,
        remaining_business_days=max(0, target - elapsed),
        due_date=add_business_days(calendar, started, target + stopped),
        paused=any(p.end is None for p in pauses),
        overdue=elapsed > target,
    )
