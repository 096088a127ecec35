"""Business-day arithmetic in an economy's calendar: the one place that counts working days.

Weekends are Saturday and Sunday; public holidays come from the `holidays` package for the
economy's ISO code. Statutory clocks and every deadline use these functions.
"""

from datetime import date, timedelta
from functools import lru_cache

import holidays


@lru_cache(maxsize=64)
def _calendar(economy: str, year: int) -> frozenset[date]:
    try:
        days = holidays.country_holidays(economy, years=year)
    except NotImplementedError:
        return frozenset()
    return frozenset(days.keys())


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
    current = start
    while days:
        current += timedelta(days=1)
        if is_business_day(economy, current):
            days -= 1
    return current


def business_days_between(economy: str, start: date, end: date) -> int:
    """Business days in (start, end]: 0 when end is not after start."""
    count = 0
    current = start
    while current < end:
        current += timedelta(days=1)
        if is_business_day(economy, current):
            count += 1
    return count
