"""Account managers and contacts: logged by officials on the operator's page, never by traders."""

import pytest
from django.urls import reverse

from aeo.accounts.constants import Role
from aeo.registry.tests.factories import OperatorFactory, TraderFactory, UserFactory
from aeo.supervision.models import ContactLog

pytestmark = pytest.mark.django_db


def test_an_official_logs_a_contact_from_the_operator_page(client):
    operator = OperatorFactory()
    client.force_login(UserFactory(role=Role.ACCOUNT_MANAGER))
    page = client.get(reverse("registry:operator_detail", args=[operator.pk]))
    assert 'name="occurred_at"' in page.text
    response = client.post(
        reverse("supervision:log_contact", args=[operator.pk]),
        {"kind": "phone", "occurred_at": "2026-11-20T10:30", "summary": "Asked about SME rules"},
        follow=True,
    )
    assert "Contact logged." in response.text
    assert "Asked about SME rules" in response.text
    assert ContactLog.objects.get().occurred_at.tzinfo is not None


def test_future_contacts_and_traders_are_refused(client):
    operator = OperatorFactory()
    client.force_login(UserFactory(role=Role.EXAMINER))
    client.post(
        reverse("supervision:log_contact", args=[operator.pk]),
        {"kind": "meeting", "occurred_at": "2099-01-01T10:00", "summary": "x"},
    )
    trader = TraderFactory(operator=operator)
    client.force_login(trader)
    assert (
        'name="occurred_at"'
        not in client.get(reverse("registry:operator_detail", args=[operator.pk])).text
    )
    post = client.post(
        reverse("supervision:log_contact", args=[operator.pk]),
        {"kind": "phone", "occurred_at": "2026-11-20T10:30", "summary": "x"},
    )
    assert post.status_code == 404
    assert not ContactLog.objects.exists()
