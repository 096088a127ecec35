"""Business-day arithmetic in an economy's calendar: the one place that counts working days.

Weekends are Saturday and Sunday; public holidays come from the `holidays` package for the
economy's ISO code. Statutory clocks and every deadline use these functions.

Counting is arithmetic, not a walk over the days: weekdays up to a date follow from its
ordinal, and the holidays that fall on weekdays in a range are found by bisection in each
year's sorted list. A dashboard reads hundreds of 120-business-day clocks per request.
"""

from bisect import bisect_right
from datetime import date
from functools import lru_cache

import holidays


@lru_cache(maxsize=64)
def _calendar(economy: str, year: int) -> frozenset[date]:
    try:
        days = holidays.country_holidays(economy, years=year)
    except NotImplementedError:
        return frozenset()
    return frozenset(days.keys())


@lru_cache(maxsize=64)
def _weekday_holidays(economy: str, year: int) -> tuple[int, ...]:
    """Ordinals of the year's holidays that fall on a weekday (the only ones that count)."""
    return tuple(sorted(d.toordinal() for d in _calendar(economy, year) if d.weekday() < 5))


def _holidays_in(economy: str, after: date, upto: date) -> int:
    """Weekday holidays in (after, upto]."""
    count = 0
    low, high = after.toordinal(), upto.toordinal()
    for year in range(after.year, upto.year + 1):
        days = _weekday_holidays(economy, year)
        count += bisect_right(days, high) - bisect_right(days, low)
    return count


def _weekdays_upto(ordinal: int) -> int:
    """Weekdays in [day 1, ordinal]; day 1 (1 January of year 1) is a Monday."""
    weeks, rest = divmod(ordinal, 7)
    return weeks * 5 + min(rest, 5)


def _weekday_number(count: int) -> date:
    """The weekday with `_weekdays_upto(its ordinal) == count`."""
    weeks, rest = divmod(count - 1, 5)
    return date.fromordinal(weeks * 7 + rest + 1)


def has_calendar(economy: str) -> bool:
    return economy in holidays.list_supported_countries()


def holiday_names(economy: str, year: int) -> dict[date, str]:
    try:
        return dict(sorted(holidays.country_holidays(economy, years=year).items()))
    except NotImplementedError:
        return {}


def is_business_day(economy: str, day: date) -> bool:
    return day.weekday() < 5 and day not in _calendar(economy, day.year)


def add_business_days(economy: str, start: date, days: int) -> date:
    """The date `days` business days after `start` (start itself not counted)."""
    if days < 0:
        raise ValueError("days must not be negative")
    if days == 0:
        return start
    # The answer's weekday count is the start's, plus `days`, plus the holidays skipped on the
    # way; each pass can only find more holidays, so the target rises to the answer and stops
    # there (a holiday cannot be where it stops: it would count itself and raise the target).
    base = _weekdays_upto(start.toordinal()) + days
    target = base
    while True:
        candidate = _weekday_number(target)
        reached = base + _holidays_in(economy, start, candidate)
        if reached == target:
            return candidate
        target = reached


def business_days_between(economy: str, start: date, end: date) -> int:
    """Business days in (start, end]: 0 when end is not after start."""
    if end <= start:
        return 0
    weekdays = _weekdays_upto(end.toordinal()) - _weekdays_upto(start.toordinal())
    return weekdays - _holidays_in(economy, start, end)
