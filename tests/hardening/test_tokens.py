"""API tokens: named, expiring, last use recorded; listed and revoked by their owner and by an
administrator, on a page, through the API and with `aeo token --list/--revoke`."""

import json
from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from aeo.accounts.constants import Role
from aeo.accounts.models import ApiToken, User
from aeo.accounts.services import authenticate_token, issue_token
from aeo.core.models import AuditEvent
from aeo.registry.tests.factories import TraderFactory, UserFactory

pytestmark = pytest.mark.django_db


def auth(raw: str) -> dict[str, str]:
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def test_tokens_expire(settings):
    settings.AEO_TOKEN_DAYS = 30
    user = UserFactory()
    raw = issue_token(actor=None, user=user, name="nightly")
    token = ApiToken.objects.get()
    assert token.name == "nightly"
    assert token.expires_at - timezone.now() > timedelta(days=29)
    assert authenticate_token(raw) == user
    assert token.__class__.objects.get().last_used_at is not None
    ApiToken.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    assert authenticate_token(raw) is None
    never = issue_token(actor=None, user=user, days=0)
    assert ApiToken.objects.get(prefix=never[:12]).expires_at is None


def test_owner_lists_and_revokes_through_the_api(client):
    trader = TraderFactory()
    raw = issue_token(actor=None, user=trader, name="erp")
    other = issue_token(actor=None, user=TraderFactory(), name="theirs")
    listed = client.get("/api/v1/tokens", **auth(raw)).json()
    assert [t["name"] for t in listed["items"]] == ["erp"]
    assert listed["items"][0]["last_used_at"] is not None
    theirs = ApiToken.objects.get(prefix=other[:12])
    assert (
        client.post(
            f"/api/v1/tokens/{theirs.pk}/revoke", "{}", content_type="application/json", **auth(raw)
        ).status_code
        == 404
    )
    issued = client.post(
        "/api/v1/tokens",
        json.dumps({"name": "second", "days": 7}),
        content_type="application/json",
        **auth(raw),
    )
    assert issued.status_code == 201
    second = issued.json()
    assert authenticate_token(second["token"]) == trader
    revoked = client.post(
        f"/api/v1/tokens/{second['id']}/revoke",
        json.dumps({"reason": "leaked"}),
        content_type="application/json",
        **auth(raw),
    )
    assert revoked.json()["state"] == "revoked"
    assert client.get("/api/v1/tokens", **auth(second["token"])).status_code == 401
    event = AuditEvent.objects.get(action="token.revoked")
    assert event.actor == trader and event.reason == "leaked"


def test_an_administrator_lists_and_revokes_anyones_token(client):
    admin = UserFactory(role=Role.POLICY_OFFICER, is_staff=True, is_superuser=True)
    victim = issue_token(actor=None, user=TraderFactory(), name="victim")
    raw = issue_token(actor=None, user=admin)
    names = {t["name"] for t in client.get("/api/v1/tokens", **auth(raw)).json()["items"]}
    assert "victim" in names
    token = ApiToken.objects.get(prefix=victim[:12])
    response = client.post(
        f"/api/v1/tokens/{token.pk}/revoke", "{}", content_type="application/json", **auth(raw)
    )
    assert response.status_code == 200
    assert authenticate_token(victim) is None


def test_the_tokens_page_issues_once_and_revokes(client):
    user = UserFactory(role=Role.EXAMINER)
    client.force_login(user)
    page = client.post("/account/tokens/", {"name": "laptop"})
    assert page.status_code == 200
    raw = page.context["issued"]
    assert raw in page.text and authenticate_token(raw) == user
    again = client.get("/account/tokens/")
    assert raw not in again.text and "laptop" in again.text
    token = ApiToken.objects.get(user=user)
    client.post(f"/account/tokens/{token.pk}/revoke/")
    assert authenticate_token(raw) is None
    other = ApiToken.objects.get(prefix=issue_token(actor=None, user=UserFactory())[:12])
    assert client.post(f"/account/tokens/{other.pk}/revoke/").status_code == 404


def test_the_token_command_lists_and_revokes(capsys):
    user = UserFactory(username="script")
    call_command("token", "script", "--name", "cron", "--days", "10")
    raw = capsys.readouterr().out.strip()
    call_command("token", "script", "--list")
    listing = capsys.readouterr().out
    assert "cron" in listing and raw[:12] in listing and "active" in listing
    call_command("token", "--revoke", raw[:12], "--reason", "rotated")
    assert authenticate_token(raw) is None
    event = AuditEvent.objects.get(action="token.revoked")
    assert event.actor is None and event.reason == "rotated"
    with pytest.raises(CommandError, match="No single token"):
        call_command("token", "--revoke", "aeo_nothing")
    assert user.api_tokens.get().state == "revoked"


def test_adduser_applies_the_password_validators_and_refuses_empty_names():
    with pytest.raises(CommandError, match="too short|too common"):
        call_command("adduser", "newbie", "--role", "examiner", "--password", "abc")
    with pytest.raises(CommandError, match="username"):
        call_command("adduser", "  ", "--role", "examiner")
    with pytest.raises(CommandError, match="username"):
        call_command("adduser", "", "--role", "examiner")
    assert not User.objects.filter(username__in=["newbie", "", "  "]).exists()
    call_command("adduser", "newbie", "--role", "examiner", "--password", "a-long-Passphrase-9")
    assert User.objects.get(username="newbie").check_password("a-long-Passphrase-9")
