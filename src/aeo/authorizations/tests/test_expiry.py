from datetime import date, timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from aeo.authorizations import services
from aeo.authorizations.models import Authorization
from aeo.authorizations.tasks import expire_authorizations
from aeo.authorizations.tests.conftest import change_to, economy_with_importers, issue
from aeo.core.now import today, travel
from aeo.registry.tests.factories import OperatorFactory

pytestmark = pytest.mark.django_db


def _mexican(valid_from: date, roles=("importer",)) -> Authorization:
    operator = OperatorFactory(economy=economy_with_importers("MX"), region=None, roles=roles)
    return services.issue_authorizations(
        actor=None, operator=operator, roles=list(roles), valid_from=valid_from
    )[0]


def test_expires_after_the_last_valid_day_not_on_it():
    today = date(2027, 3, 31)
    lapsed = _mexican(date(2025, 3, 31))  # last valid day 2027-03-30
    last_day = _mexican(date(2025, 4, 1))  # last valid day 2027-03-31
    assert services.expire_lapsed(on=today) == [lapsed.aeo_number]
    lapsed.refresh_from_db()
    last_day.refresh_from_db()
    assert (lapsed.status, last_day.status) == ("expired", "active")
    event = lapsed.events.last()
    assert (event.from_state, event.to_state, event.actor) == ("active", "expired", None)
    assert "2027-03-30" in event.comment


def test_expires_suspended_but_leaves_closed_and_indefinite_alone():
    old = date(2020, 1, 1)
    suspended = _mexican(old)
    change_to(actor=None, authorization=suspended, to="suspended", reason="Audit.")
    revoked = _mexican(old)
    change_to(actor=None, authorization=revoked, to="revoked", reason="Fraud.")
    indefinite = services.issue_authorizations(
        actor=None, operator=OperatorFactory(), roles=["importer"], valid_from=old
    )[0]
    assert services.expire_lapsed() == [suspended.aeo_number]
    statuses = dict(Authorization.objects.values_list("aeo_number", "status"))
    assert statuses == {
        suspended.aeo_number: "expired",
        revoked.aeo_number: "revoked",
        indefinite.aeo_number: "active",
    }


def test_the_task_and_the_command_expire():
    lapsed = _mexican(timezone.localdate() - timedelta(days=3 * 366))
    result = expire_authorizations.enqueue()
    assert result.return_value == [lapsed.aeo_number]
    again = _mexican(timezone.localdate() - timedelta(days=3 * 366))
    out = StringIO()
    call_command("expire_authorizations", stdout=out)
    assert again.aeo_number in out.getvalue()
    assert "Closed 1 authorization." in out.getvalue()


def test_a_suspension_unremedied_by_the_end_of_its_period_becomes_a_revocation():
    with travel(timezone.now() - timedelta(days=40)):
        late, remedied, facts = (issue(OperatorFactory())[0] for _ in range(3))
        for authorization in (late, remedied):
            services.suspend(
                actor=None,
                authorization=authorization,
                ground="conditions",
                remedy_by=today() + timedelta(days=30),
                reason="Seals missing.",
            )
        services.suspend(actor=None, authorization=facts, ground="facts", reason="Seizure.")
        services.lift_suspension(actor=None, authorization=remedied, reason="Seals fitted.")
    assert expire_authorizations.enqueue().return_value == [late.aeo_number]
    statuses = dict(Authorization.objects.values_list("aeo_number", "status"))
    assert [statuses[a.aeo_number] for a in (late, remedied, facts)] == [
        "revoked",
        "active",
        "suspended",
    ]
    assert "without the suspension being lifted" in late.events.last().comment
