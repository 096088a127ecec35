"""The stored clock (deadlines in the database) agrees with the one clock recomputed.

Dashboards and filters read `clock_*` columns through indexed conditions (`urgency`); the
arithmetic stays in `aeo.core.clock`. These tests recompute every clock and compare.
"""

import copy
import datetime

import pytest
from django.core.management import call_command
from django.db import connection

from aeo.applications import selectors, services
from aeo.applications.constants import CLOCK_STATES, DUE_SOON_BUSINESS_DAYS
from aeo.applications.models import AWAITING, URGENCY, Application, State
from aeo.applications.tasks import daily_clock_tick
from aeo.applications.tests.helpers import submitted_application, tokyo_examiner, trader_in_tokyo
from aeo.core.db import refresh_statistics
from aeo.core.now import now, today, travel

pytestmark = pytest.mark.django_db


def python_bucket(application: Application, on: datetime.date) -> str:
    """The dashboard's rule on the reading recomputed in Python (as dashboards once did)."""
    reading = application.clock(on)
    assert reading is not None
    if reading.overdue:
        return "overdue"
    if reading.paused:
        return "paused"
    if reading.remaining_business_days <= DUE_SOON_BUSINESS_DAYS:
        return "due_soon"
    return "on_track"


def stored_bucket(application: Application, on: datetime.date) -> str:
    (name,) = [
        name
        for name in URGENCY
        if Application.objects.urgency(name, on).filter(pk=application.pk).exists()
    ]
    return name


def assert_stored_matches_recomputed(on: datetime.date) -> int:
    checked = 0
    for application in Application.objects.filter(accepted_on__isnull=False):
        reading = application.clock(on)
        assert reading is not None
        assert application.clock_elapsed == reading.elapsed_business_days, application
        assert application.clock_due_on == reading.due_date, application
        assert application.clock_paused == reading.paused, application
        assert application.current_clock(on) == reading, application  # read from the row
        checked += 1
    return checked


def assert_buckets_match(on: datetime.date) -> None:
    for application in Application.objects.filter(state__in=CLOCK_STATES):
        assert stored_bucket(application, on) == python_bucket(application, on), (application, on)


def _at(day: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(6), tzinfo=datetime.UTC)


def test_every_demo_application_stores_the_clock_it_would_recompute():
    call_command("demo", "--no-serve", "--operators", "40", "--seed", "3")
    assert assert_stored_matches_recomputed(today()) >= 8
    assert_buckets_match(today())
    # Between ticks the stored dates keep the buckets exact on later days…
    for days in (1, 3, 10, 30, 60, 120):
        assert_buckets_match(today() + datetime.timedelta(days=days))
    # …and the daily tick stores every running clock as of its day.
    for days in (1, 17, 45):
        day = today() + datetime.timedelta(days=days)
        with travel(_at(day)):
            daily_clock_tick.call()
        assert assert_stored_matches_recomputed(day)
        assert_buckets_match(day)


def test_each_event_stores_the_clock():
    trader, examiner = trader_in_tokyo(), tokyo_examiner()
    # A fixed day: whether the steps reach every bucket within the weeks read depends on the
    # holidays in between (from today, it failed once today was 4 December).
    start = datetime.date(2026, 8, 3)
    with travel(_at(start)):
        application = services.accept_application(
            actor=examiner, application=submitted_application(trader)
        )
    steps = [
        (
            10,
            lambda a: services.request_information(
                actor=examiner,
                application=a,
                request="Send the audit report.",
                resume_by=today() + datetime.timedelta(days=30),
            ),
        ),
        (20, lambda a: services.respond_to_request(actor=trader, application=a, response="Sent")),
        (30, lambda a: services.extend_deadline(actor=examiner, application=a, reason="Complex")),
        (
            40,
            lambda a: services.request_information(
                actor=examiner,
                application=a,
                request="And the fencing plan.",
                resume_by=today() + datetime.timedelta(days=30),
            ),
        ),
        (50, lambda a: services.respond_to_request(actor=trader, application=a, response="Sent")),
    ]
    seen = set()
    for days, step in steps:
        day = start + datetime.timedelta(days=days)
        with travel(_at(day)):
            application = step(Application.objects.get(pk=application.pk))
        application.refresh_from_db()
        assert application.clock_read_on == day
        reading = application.clock(day)
        assert (application.clock_elapsed, application.clock_due_on, application.clock_paused) == (
            reading.elapsed_business_days,
            reading.due_date,
            reading.paused,
        )
        for later in range(0, 90, 7):
            on = day + datetime.timedelta(days=later)
            seen.add(stored_bucket(application, on))
            assert stored_bucket(application, on) == python_bucket(application, on), (days, later)
    assert {"paused", "on_track", "due_soon", "overdue"} <= seen
    with travel(_at(start + datetime.timedelta(days=60))):
        services.withdraw_application(actor=trader, application=application)
    application.refresh_from_db()
    assert application.clock_overdue_from is None and not application.clock_paused
    assert not Application.objects.urgency("overdue", today()).filter(pk=application.pk).exists()


def test_the_dashboard_counts_every_bucket_and_shows_the_soonest_due(monkeypatch):
    monkeypatch.setattr(selectors, "DASHBOARD_ROWS", 2)
    examiner = tokyo_examiner()
    for days in (200, 210, 220, 5):
        with travel(now() - datetime.timedelta(days=days)):
            services.accept_application(
                actor=examiner, application=submitted_application(trader_in_tokyo())
            )
    buckets = selectors.workload(examiner)
    assert buckets["overdue"].count == 3 and buckets["on_track"].count == 1
    dues = [reading.due_date for _, reading in buckets["overdue"].rows]
    assert len(dues) == 2 and dues == sorted(dues)
    oldest = Application.objects.order_by("accepted_on").first()
    assert buckets["overdue"].rows[0][0] == oldest


def _sqlite_plan(rows) -> str:
    sql, params = rows.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN QUERY PLAN " + sql, params)
        return " ".join(str(row[-1]) for row in cursor.fetchall())


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's planner")
@pytest.mark.parametrize("name", URGENCY)
def test_sqlite_reads_a_bucket_from_the_clock_index(name):
    """A partial index is used only by a query that states its condition with the same
    constants (`InlineIn`); with the states bound, SQLite read every application."""
    rows = Application.objects.urgency(name, today()).values_list("pk", flat=True)[:10]
    assert "USING INDEX application_due" in _sqlite_plan(rows)


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's planner")
def test_sqlite_reads_the_queue_awaiting_acceptance_from_its_index():
    rows = Application.objects.filter(AWAITING).order_by("updated_at").values_list("pk")[:10]
    assert "INDEX application_awaiting" in _sqlite_plan(rows)


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's planner")
def test_sqlite_reads_a_units_queue_and_its_count_from_their_index():
    """An examiner's dashboard: a unit's applications awaiting acceptance, and how many (the
    rows its COUNT reads)."""
    waiting = submitted_application(trader_in_tokyo())
    decided = [copy.copy(waiting) for _ in range(20)]  # a unit with more decided than waiting
    for application in decided:
        application.pk, application.state = None, State.WITHDRAWN
    Application.objects.bulk_create(decided)
    refresh_statistics()
    queue = Application.objects.filter(AWAITING, office=waiting.office).order_by("updated_at")
    for rows in (queue.values_list("pk")[:10], queue.order_by().values_list("pk")):
        assert "INDEX application_office_awaiting" in _sqlite_plan(rows)
