import random
from datetime import date, timedelta

import pytest

from aeo.core.business_days import add_business_days, business_days_between, is_business_day


def test_weekends_and_japanese_holidays_are_not_business_days():
    assert not is_business_day("JP", date(2026, 1, 1))  # New Year's Day
    assert not is_business_day("JP", date(2026, 5, 5))  # Children's Day
    assert not is_business_day("JP", date(2026, 11, 28))  # Saturday
    assert is_business_day("JP", date(2026, 11, 24))


def test_adding_business_days_skips_weekends_and_holidays_across_a_year_end():
    # Fri 2025-12-26 + 3 business days: Mon 29, Tue 30, Wed 31 (not holidays in the package)
    assert add_business_days("JP", date(2025, 12, 26), 3) == date(2025, 12, 31)
    # Wed 2025-12-31 + 1: Jan 1 is a holiday, Jan 2 a business day in the package's calendar
    nxt = add_business_days("JP", date(2025, 12, 31), 1)
    assert nxt > date(2026, 1, 1)
    assert business_days_between("JP", date(2025, 12, 31), nxt) == 1


def test_between_is_the_inverse_of_add():
    start = date(2026, 4, 20)  # spans Golden Week
    for n in (0, 1, 5, 10, 90, 120):
        assert business_days_between("JP", start, add_business_days("JP", start, n)) == n


def test_an_economy_without_a_calendar_counts_weekdays():
    assert add_business_days("XX", date(2026, 11, 20), 1) == date(2026, 11, 23)


def _walk_between(economy: str, start: date, end: date) -> int:
    """The definition, one day at a time: what the arithmetic must give."""
    count, day = 0, start
    while day < end:
        day += timedelta(days=1)
        count += is_business_day(economy, day)
    return count


def _walk_add(economy: str, start: date, days: int) -> date:
    day = start
    while days:
        day += timedelta(days=1)
        days -= is_business_day(economy, day)
    return day


@pytest.mark.parametrize("economy", ["JP", "US", "SG", "XX"])
def test_the_arithmetic_agrees_with_walking_the_calendar(economy):
    rng = random.Random(economy)
    for _ in range(300):
        start = date(2018, 1, 1) + timedelta(days=rng.randrange(365 * 10))
        end = start + timedelta(days=rng.randrange(-10, 500))
        assert business_days_between(economy, start, end) == _walk_between(economy, start, end)
        n = rng.choice([0, 1, 2, 5, 30, 90, 120, rng.randrange(400)])
        assert add_business_days(economy, start, n) == _walk_add(economy, start, n)
