"""Account managers and contacts: logged by officials on the operator's page, never by traders."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from aeo.accounts.constants import Role
from aeo.accounts.services import issue_token
from aeo.registry.models import CustomsOffice
from aeo.registry.tests.factories import OperatorFactory, TraderFactory, UserFactory
from aeo.supervision.models import ContactLog
from aeo.supervision.services.contacts import assign_account_manager, log_contact

pytestmark = pytest.mark.django_db


def token(user) -> str:
    return issue_token(actor=None, user=user)


def official(role: str, office: str = "TOKYO"):
    return UserFactory(role=role, office=CustomsOffice.objects.get(code=office))


def test_an_official_logs_a_contact_from_the_operator_page(client):
    operator = OperatorFactory()
    client.force_login(official(Role.ACCOUNT_MANAGER))
    page = client.get(reverse("registry:operator_detail", args=[operator.pk]))
    url = reverse("supervision:operator", args=[operator.pk])
    assert f'hx-get="{url}"' in page.text  # the operator page loads the section in place
    section = client.get(url, HTTP_HX_REQUEST="true")
    assert 'name="occurred_at"' in section.text and "<html" not in section.text
    response = client.post(
        url,
        {"kind": "phone", "occurred_at": "2026-11-20T10:30", "summary": "Asked about SME rules"},
        HTTP_HX_REQUEST="true",
    )
    assert "Contact logged." in response.text
    assert "Asked about SME rules" in response.text
    assert ContactLog.objects.get().occurred_at.tzinfo is not None


def test_a_refused_contact_keeps_what_was_typed_and_names_the_field(client):
    operator = OperatorFactory()
    client.force_login(official(Role.ACCOUNT_MANAGER))
    response = client.post(
        reverse("supervision:operator", args=[operator.pk]),
        {"kind": "meeting", "occurred_at": "2099-01-01T10:00", "summary": "Visit planned"},
        HTTP_HX_REQUEST="true",
    )
    assert "usa-form-group--error" in response.text
    assert "A contact is logged once it has happened." in response.text
    assert 'value="Visit planned"' in response.text
    assert not ContactLog.objects.exists()


def test_future_contacts_and_traders_are_refused(client):
    operator = OperatorFactory()
    client.force_login(official(Role.EXAMINER))
    url = reverse("supervision:operator", args=[operator.pk])
    client.post(url, {"kind": "meeting", "occurred_at": "2099-01-01T10:00", "summary": "x"})
    trader = TraderFactory(operator=operator)
    client.force_login(trader)
    assert 'name="occurred_at"' not in client.get(url).text
    client.post(url, {"kind": "phone", "occurred_at": "2026-11-20T10:30", "summary": "x"})
    assert not ContactLog.objects.exists()
    other = OperatorFactory()
    assert client.get(reverse("supervision:operator", args=[other.pk])).status_code == 404


@pytest.mark.parametrize(
    ("role", "office", "reads"),
    [
        (Role.ACCOUNT_MANAGER, "TOKYO", True),
        (Role.EXAMINER, "TOKYO", True),
        (Role.AUDITOR, "TOKYO", True),
        (Role.AUDITOR, "OSAKA", False),
        (Role.COORDINATOR, "AEOC", True),
        (Role.EXAMINER, "OSAKA", False),
        (Role.ACCOUNT_MANAGER, "OSAKA", False),
        (Role.BORDER_OFFICER, "TOKYO", False),
        (Role.POLICY_OFFICER, "CTB", False),
        (Role.OGA_OFFICER, "TOKYO", False),
    ],
)
def test_the_contact_log_is_for_the_operators_supervisors_only(client, role, office, reads):
    """The operator's unit (Tokyo), coordinators and auditors; never border or OGA officers,
    another unit's examiners or headquarters."""
    operator = OperatorFactory()  # in JP-13, Tokyo's unit
    log_contact(
        actor=official(Role.ACCOUNT_MANAGER),
        operator=operator,
        kind="phone",
        occurred_at=timezone.now(),
        summary="Confidential call",
    )
    user = official(role, office)
    client.force_login(user)
    section = client.get(
        reverse("supervision:operator", args=[operator.pk]), HTTP_HX_REQUEST="true"
    )
    assert ("Confidential call" in section.text) is reads
    api = client.get(
        f"/api/v1/operators/{operator.pk}/contacts", HTTP_AUTHORIZATION=f"Bearer {token(user)}"
    )
    assert api.status_code == (200 if reads else 404)
    if not reads:
        with pytest.raises(PermissionDenied):
            log_contact(
                actor=user, operator=operator, kind="phone", occurred_at=timezone.now(), summary="x"
            )


def test_another_units_account_manager_reads_the_operators_it_manages(client):
    operator = OperatorFactory()
    manager = official(Role.ACCOUNT_MANAGER, "OSAKA")
    assign_account_manager(actor=None, operator=operator, manager=manager)
    client.force_login(manager)
    section = client.get(
        reverse("supervision:operator", args=[operator.pk]), HTTP_HX_REQUEST="true"
    )
    assert 'name="occurred_at"' in section.text
