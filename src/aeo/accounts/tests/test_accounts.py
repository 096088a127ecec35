import pytest
from django.core.management import CommandError, call_command

from aeo.accounts.models import ApiToken, User
from aeo.accounts.services import authenticate_token, issue_token
from aeo.registry.tests.factories import OperatorFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_tokens_are_stored_hashed_and_authenticate(capsys):
    user = UserFactory()
    raw = issue_token(actor=None, user=user)
    token = ApiToken.objects.get(user=user)
    assert raw not in (token.key_hash, token.prefix) and len(token.key_hash) == 64
    assert authenticate_token(raw) == user
    assert authenticate_token(raw + "x") is None
    user.is_active = False
    user.save()
    assert authenticate_token(raw) is None


def test_token_command_prints_a_working_token(capsys):
    user = UserFactory(username="script")
    call_command("token", "script")
    assert authenticate_token(capsys.readouterr().out.strip()) == user


def test_adduser_binds_traders_to_an_operator_and_refuses_bad_input():
    op = OperatorFactory()
    call_command(
        "adduser", "t1", "--role", "trader", "--operator", op.tin, "--password", "pw-xyz-987"
    )
    assert User.objects.get(username="t1").operator == op
    with pytest.raises(CommandError, match="bound to an operator"):
        call_command("adduser", "t2", "--role", "trader")
    with pytest.raises(CommandError, match="No operator"):
        call_command("adduser", "t3", "--role", "trader", "--operator", "1010001000006")
    with pytest.raises(CommandError, match="already exists"):
        call_command("adduser", "t1", "--role", "examiner")
    call_command("adduser", "ex", "--role", "examiner", "--office", "tokyo")
    assert User.objects.get(username="ex").office.code == "TOKYO"


def test_home_page_per_role(client):
    trader_op = OperatorFactory(legal_name="Hikari Foods Import Inc.")
    trader = UserFactory(role="trader", operator=trader_op)
    client.force_login(trader)
    assert "Hikari Foods Import Inc." in client.get("/").text
    client.force_login(UserFactory(role="examiner"))
    page = client.get("/").text
    assert "Search operators" in page  # the officials' home: their work and the status search


def test_login_required_and_healthz(client):
    assert client.get("/").status_code == 302
    assert client.get("/healthz").json() == {"status": "ok", "database": "ok"}
