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
    client.force_login(UserFactory(role=Role.ACCOUNT_MANAGER))
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
    client.force_login(UserFactory(role=Role.EXAMINER))
    url = reverse("supervision:operator", args=[operator.pk])
    client.post(url, {"kind": "meeting", "occurred_at": "2099-01-01T10:00", "summary": "x"})
    trader = TraderFactory(operator=operator)
    client.force_login(trader)
    assert 'name="occurred_at"' not in client.get(url).text
    client.post(url, {"kind": "phone", "occurred_at": "2026-11-20T10:30", "summary": "x"})
    assert not ContactLog.objects.exists()
    other = OperatorFactory()
    assert client.get(reverse("supervision:operator", args=[other.pk])).status_code == 404
