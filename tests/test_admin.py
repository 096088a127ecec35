"""The admin reads everything and cannot go around the services, even for a superuser."""

import pytest
from django.contrib import admin
from django.db import IntegrityError
from django.urls import reverse

from aeo.accounts.constants import Role
from aeo.accounts.models import User
from aeo.core.admin import AuditedAdmin, ReadOnlyAdmin
from aeo.core.models import AuditEvent, HistoryEvent
from aeo.registry.models import Economy
from aeo.registry.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

WORKFLOW_MODELS = [
    "applications.Application",
    "applications.Consultation",
    "authorizations.Authorization",
    "requirements.TemplateVersion",
    "requirements.SelfAssessment",
    "registry.Operator",
    "core.AuditEvent",
    "accounts.ApiToken",
]


@pytest.fixture
def superuser(client):
    user = User.objects.create_superuser("root", "root@example.org", "pw", role=Role.POLICY_OFFICER)
    client.force_login(user)
    return user


def _admin_of(label: str):
    return next(a for m, a in admin.site._registry.items() if m._meta.label == label)


@pytest.mark.parametrize("label", WORKFLOW_MODELS)
def test_workflow_and_history_models_are_read_only(client, superuser, label):
    model_admin = _admin_of(label)
    assert isinstance(model_admin, ReadOnlyAdmin)
    meta = model_admin.model._meta
    add = client.get(reverse(f"admin:{meta.app_label}_{meta.model_name}_add"))
    assert add.status_code == 403
    listing = client.get(reverse(f"admin:{meta.app_label}_{meta.model_name}_changelist"))
    assert listing.status_code == 200


def test_history_rows_are_never_editable_inlines():
    for model_admin in admin.site._registry.values():
        for inline in model_admin.inlines:
            if issubclass(inline.model, HistoryEvent):
                assert not inline.has_add_permission(None, None)
                assert not inline.has_change_permission(None, None)


def test_reference_data_changed_in_the_admin_is_validated_and_audited(client, superuser):
    assert isinstance(_admin_of("registry.Economy"), AuditedAdmin)
    economy = Economy.objects.get(code="NZ")
    url = reverse("admin:registry_economy_change", args=[economy.pk])
    form = client.get(url).context["adminform"].form
    data = {k: v for k, v in form.initial.items() if v is not None}
    data.update({"sme_employee_cap": 25})
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    event = AuditEvent.objects.get(action="economy.changed", object_id=str(economy.pk))
    assert event.actor == superuser and event.changes == {"sme_employee_cap": [20, 25]}
    assert (
        client.post(reverse("admin:registry_economy_delete", args=[economy.pk])).status_code == 403
    )


def test_no_role_gets_staff_status():
    officer = UserFactory(role=Role.POLICY_OFFICER)
    assert not officer.is_staff
    officer.is_staff = True
    with pytest.raises(IntegrityError, match="staff_only_superusers"):
        officer.save()
