from datetime import date

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
