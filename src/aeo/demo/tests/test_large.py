import pytest
from django.core.management import call_command

from aeo.applications.models import Application
from aeo.applications.tests.test_stored_clock import (
    assert_buckets_match,
    assert_stored_matches_recomputed,
)
from aeo.authorizations.models import Authorization
from aeo.authorizations.services import issue_authorizations
from aeo.core.now import today
from aeo.demo.large import PARTNER_ECONOMY, build_large
from aeo.mra import selectors
from aeo.mra.models import PartnerAEO
from aeo.registry.models import Operator

pytestmark = pytest.mark.django_db


def test_the_large_data_set_is_built_in_bulk_once_with_stored_clocks():
    call_command("demo", "--no-serve", "--operators", "30", "--seed", "5")
    added = build_large(seed=5, operators=600, applications=250, authorizations=60, partner_aeos=40)
    assert Operator.objects.count() == 600
    assert Application.objects.count() == 250
    assert Authorization.objects.count() == 60
    assert added["operators"] == 600 - 33
    assert Operator.objects.filter(roles__isnull=True).count() == 0
    assert Application.objects.filter(state="paused", pauses__ended_on__isnull=True).exists()
    assert assert_stored_matches_recomputed(today()) > 150
    assert_buckets_match(today())
    # A second run adds nothing; the AEO number counters continue after the bulk numbers.
    assert added["partner_aeos"] == 40
    assert build_large(
        seed=5, operators=600, applications=250, authorizations=60, partner_aeos=40
    ) == {"operators": 0, "applications": 0, "authorizations": 0, "partner_aeos": 0}
    assert PartnerAEO.objects.filter(partner__economy_id=PARTNER_ECONOMY).count() == 40
    (found,) = selectors.verify([f"{PARTNER_ECONOMY}-AEO-000007"])
    assert (found.status, found.source) == ("active", "partner")
    operator = Operator.objects.filter(authorizations__isnull=True, roles__role="importer").first()
    (issued,) = issue_authorizations(actor=None, operator=operator, roles=["importer"])
    assert issued.aeo_number not in set(
        Authorization.objects.exclude(pk=issued.pk).values_list("aeo_number", flat=True)
    )


def test_the_large_data_set_dates_agree_with_the_clocks():
    call_command("demo", "--no-serve", "--operators", "30", "--seed", "5")
    build_large(seed=5, operators=200, applications=120, authorizations=20, partner_aeos=0)
    on = today()
    for app in Application.objects.select_related("self_assessment"):
        opened = app.created_at.date()
        if app.accepted_on:  # opened before it was accepted, never "today" for an old case
            assert opened < app.accepted_on, app.pk
        sheet = app.self_assessment
        assert sheet.submitted_at is None or sheet.submitted_at >= sheet.created_at
        if app.closed_at:
            assert opened <= app.closed_at.date() <= on
    assert not Application.objects.filter(accepted_on__lt=on, created_at__date=on).exists()
    opened_on = dict(Application.objects.values_list("pk", "created_at"))
    for authorization in Authorization.objects.filter(application_id__isnull=False):
        assert authorization.issued_at >= opened_on[authorization.application_id]
