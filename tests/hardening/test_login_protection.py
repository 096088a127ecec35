"""Sign-in throttling and lockout, with the staff's unlock; sign-ins and downloads audited."""

import pytest
from axes.models import AccessAttempt
from django.core.management import call_command
from django.test import Client

from aeo.accounts.constants import Role
from aeo.accounts.services import issue_token
from aeo.core.models import AuditEvent
from aeo.registry.tests.factories import TraderFactory, UserFactory
from aeo.requirements import services as requirement_services
from aeo.requirements.tests.factories import pdf

pytestmark = pytest.mark.django_db

PASSWORD = "pw-test-123"  # the factories' password


def sign_in(client: Client, username: str, password: str):
    return client.post("/login/", {"username": username, "password": password})


def test_five_failures_lock_the_account_out_even_with_the_right_password(settings):
    settings.AXES_FAILURE_LIMIT = 5
    user = UserFactory(username="examiner.tokyo", role=Role.EXAMINER)
    client = Client()
    for _ in range(4):
        assert sign_in(client, user.username, "wrong").status_code == 200  # the form again
    locked = sign_in(client, user.username, "wrong")
    assert locked.status_code == 429
    assert "Sign-in locked" in locked.text
    again = sign_in(client, user.username, PASSWORD)
    assert again.status_code == 429
    assert "_auth_user_id" not in client.session
    actions = list(AuditEvent.objects.values_list("action", flat=True))
    assert actions.count("auth.login_failed") >= 5
    assert "auth.locked_out" in actions
    assert "auth.login" not in actions


def test_staff_unlock_a_locked_account(settings):
    settings.AXES_FAILURE_LIMIT = 2
    user = UserFactory(username="trader.sme", role=Role.EXAMINER)
    client = Client()
    sign_in(client, user.username, "wrong")
    assert sign_in(client, user.username, "wrong").status_code == 429
    assert AccessAttempt.objects.filter(username=user.username).exists()
    call_command("axes_reset_username", user.username)
    response = sign_in(client, user.username, PASSWORD)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


def test_sign_in_and_sign_out_are_in_the_audit_trail():
    user = UserFactory(role=Role.EXAMINER)
    client = Client()
    assert sign_in(client, user.username, PASSWORD).status_code == 302
    client.post("/logout/")
    events = AuditEvent.objects.filter(object_id=str(user.pk)).order_by("id")
    assert [e.action for e in events if e.action.startswith("auth.")] == [
        "auth.login",
        "auth.logout",
    ]
    login = events.get(action="auth.login")
    assert login.actor == user
    assert login.changes["ip"] == "127.0.0.1"
    assert login.origin.startswith("request ")


def test_a_failed_sign_in_for_an_unknown_name_is_recorded():
    sign_in(Client(), "nobody", "guess")
    event = AuditEvent.objects.get(action="auth.login_failed")
    assert event.changes["username"] == "nobody"
    assert event.actor is None


def test_evidence_downloads_are_audited_with_their_user(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    trader = TraderFactory()
    sheet = requirement_services.create_self_assessment(actor=trader, operator=trader.operator)
    token = issue_token(actor=None, user=trader)
    uploaded = client.post(
        f"/api/v1/self-assessments/{sheet.pk}/answers/CR-4/evidence",
        {"file": pdf()},
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )
    assert uploaded.status_code == 201, uploaded.content
    url = uploaded.json()["download_url"]
    response = client.get(url, HTTP_AUTHORIZATION=f"Bearer {token}")
    assert response.status_code == 200
    event = AuditEvent.objects.get(action="evidence.downloaded")
    assert event.actor == trader
    assert event.object_id == str(uploaded.json()["id"])
