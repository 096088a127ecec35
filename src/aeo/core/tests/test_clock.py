"""The statutory clock in Japan's calendar: holidays, pauses, extension, SME track, year end."""

from datetime import date

from aeo.core.business_days import add_business_days
from aeo.core.clock import Pause, read_clock


def test_fresh_application_has_its_full_target():
    reading = read_clock(calendar="JP", started=date(2026, 3, 2), target=90, today=date(2026, 3, 2))
    assert reading.elapsed_business_days == 0
    assert reading.remaining_business_days == 90
    assert reading.due_date == add_business_days("JP", date(2026, 3, 2), 90)
    assert not reading.paused and not reading.overdue


def test_golden_week_holidays_do_not_count():
    # Mon 27 Apr → Fri 8 May 2026: 29 Apr, 4, 5, 6 May are holidays; 2 weekends.
    reading = read_clock(
        calendar="JP", started=date(2026, 4, 27), target=90, today=date(2026, 5, 8)
    )
    assert reading.elapsed_business_days == 5  # 28, 30 Apr; 1, 7, 8 May


def test_pause_stops_the_clock_and_it_resumes_where_it_left_off():
    start = date(2026, 6, 1)  # Monday
    pause = Pause(start=date(2026, 6, 5), end=date(2026, 6, 19))  # Fri → Fri, two weeks
    during = read_clock(
        calendar="JP",
        started=start,
        target=90,
        pauses=[Pause(start=pause.start)],
        today=date(2026, 6, 12),
    )
    assert during.paused
    assert during.elapsed_business_days == 4  # 2, 3, 4, 5 June
    after = read_clock(
        calendar="JP", started=start, target=90, pauses=[pause], today=date(2026, 6, 22)
    )
    assert not after.paused
    assert after.elapsed_business_days == 5  # the 4 before, then Mon 22
    assert after.due_date == add_business_days("JP", start, 100)  # 10 business days paused


def test_extension_and_overdue():
    start = date(2026, 1, 5)
    today = add_business_days("JP", start, 95)
    standard = read_clock(calendar="JP", started=start, target=90, today=today)
    assert standard.overdue and standard.remaining_business_days == 0
    extended = read_clock(calendar="JP", started=start, target=120, today=today)
    assert not extended.overdue and extended.remaining_business_days == 25


def test_sme_track_has_a_shorter_target():
    start = date(2026, 2, 2)
    sme = read_clock(calendar="JP", started=start, target=60, today=start)
    standard = read_clock(calendar="JP", started=start, target=90, today=start)
    assert sme.due_date < standard.due_date


def test_clock_across_a_year_end():
    # Accepted Mon 2026-12-21; Japan's calendar has 1 Jan and the Coming of Age Day (11 Jan 2027).
    start = date(2026, 12, 21)
    reading = read_clock(calendar="JP", started=start, target=90, today=date(2027, 1, 15))
    # Dec 22-25 (4), 28-31 (4), Jan 4-8 (5), 12-15 (4): 17 business days.
    assert reading.elapsed_business_days == 17
