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


@dataclass(frozen=True)
class ClockState:
    """What is stored of a clock read on `read_on`, for indexed dashboards and filters.

    Until the next event that changes the clock (a pause, a resumption, an extension, the
    close) the two dates answer "due soon?" and "overdue?" for any later day by comparison
    alone: the clock is due soon from `due_soon_from` and overdue from `overdue_from` (None:
    not while it stays as it is, e.g. paused). While a pause is open the due date moves a day
    with every business day, so the daily tick stores the state again.
    """

    read_on: date
    elapsed_business_days: int
    due_date: date
    paused: bool
    due_soon_from: date | None
    overdue_from: date | None


def clock_state(
    *,
    calendar: str,
    started: date,
    target: int,
    pauses: Sequence[Pause] = (),
    today: date,
    soon: int,
    running: bool = True,
) -> ClockState:
    """The clock as of `today` (see `read_clock`) with the days from which it is due within
    `soon` business days and overdue, if nothing changes; `running` False: a closed clock."""
    reading = read_clock(
        calendar=calendar, started=started, target=target, pauses=pauses, today=today
    )
    due_soon_from: date | None = None
    overdue_from: date | None = None
    if running and reading.overdue:
        # Already overdue: it stays so, paused or not (the first overdue day is not needed).
        overdue_from = due_soon_from = started
    elif running and not reading.paused:
        stopped = paused_business_days(calendar, pauses, today)
        # From today on, elapsed(d) = business days in (started, d] - stopped.
        overdue_from = add_business_days(calendar, started, target + stopped + 1)
        due_soon_from = (
            started
            if target <= soon
            else add_business_days(calendar, started, target - soon + stopped)
        )
    return ClockState(
        read_on=today,
        elapsed_business_days=reading.elapsed_business_days,
        due_date=reading.due_date,
        paused=reading.paused,
        due_soon_from=due_soon_from,
        overdue_from=overdue_from,
    )
