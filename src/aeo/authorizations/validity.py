"""Validity periods by the economy's rule.

`valid_to` is the last day on which the authorization is valid (inclusive): N years from
1 April 2025 end on 31 March 2025 + N, so the period lasts exactly N years. The expiry task
closes an authorization on the day after `valid_to`.
"""

from datetime import date, timedelta


def add_years(day: date, years: int) -> date:
    """The same calendar day `years` later; 29 February moves to 1 March in a common year."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return date(day.year + years, 3, 1)


def valid_to(valid_from: date, validity_years: int | None) -> date | None:
    """The last valid day, or None when the economy's authorizations are indefinite."""
    if validity_years is None:
        return None
    return add_years(valid_from, validity_years) - timedelta(days=1)
