"""Intake: one by API, many as NDJSON or CSV, row by row, idempotent by number."""

import pytest

from aeo.accounts.constants import Role
from aeo.accounts.services import issue_token
from aeo.border.models import Declaration, DeclarationImport
from aeo.border.tests.helpers import ndjson, officer, row
from aeo.core.models import AuditEvent

pytestmark = pytest.mark.django_db


@pytest.fixture
def auth():
    user = officer(Role.POLICY_OFFICER, "CTB")
    return {"HTTP_AUTHORIZATION": f"Bearer {issue_token(actor=None, user=user)}"}


def post_rows(client, auth, body: bytes, content_type="application/x-ndjson", **params):
    query = "&".join(f"{k}={str(v).lower()}" for k, v in params.items())
    return client.post(
        f"/api/v1/declarations/import?{query}", body, content_type=content_type, **auth
    )


def test_good_rows_are_stored_and_bad_ones_reported_with_line_and_reason(client, auth):
    rows = [row(), row(direction="sideways"), row(), row(lines=[]), row(office="NOWHERE")]
    body = ndjson(rows[:2]) + b"{not json\n" + ndjson(rows[2:])
    response = post_rows(client, auth, body)
    assert response.status_code == 200, response.content
    data = response.json()
    assert (data["rows"], data["created"], data["rejected"]) == (6, 2, 4)
    assert [(e["line"], e["field"], e["code"]) for e in data["errors"]] == [
        (2, "direction", "invalid_choice"),
        (3, None, "invalid_json"),
        (5, "lines", "required"),
        (6, "office", "unknown_office"),
    ]
    assert set(Declaration.objects.values_list("number", flat=True)) == {
        rows[0]["number"],
        rows[2]["number"],
    }
    job = DeclarationImport.objects.get(pk=data["id"])
    assert AuditEvent.objects.filter(action="declaration.imported", object_id=str(job.pk)).exists()


def test_repeated_numbers_are_refused_or_updated_by_the_flag_never_duplicated(client, auth):
    first = row()
    post_rows(client, auth, ndjson([first]))
    again = {**first, "transport_mode": "air"}
    refused = post_rows(client, auth, ndjson([again, again])).json()
    assert refused["created"] == 0 and [e["code"] for e in refused["errors"]] == [
        "exists",
        "repeated",
    ]
    updated = post_rows(client, auth, ndjson([again]), update=True).json()
    assert updated["updated"] == 1
    declaration = Declaration.objects.get(number=first["number"])
    assert declaration.transport_mode == "air"
    assert Declaration.objects.filter(number=first["number"]).count() == 1


def test_csv_rows_carry_their_goods_lines(client, auth):
    header = (
        "number,office,direction,transport_mode,trader_tin,partner_economy,"
        "hs_code,origin,value,lodged_at,released_at\n"
    )
    party = "TOKYO,import,air,1234567890123,CN"
    body = (
        f"{header}C1,{party},847130;090111,CN;BR,100;250.5,2026-03-02T10:00:00+09:00,\n"
        f"C2,{party},847130,CN,100,2026-03-02T10:00:00+09:00,2026-03-01T10:00:00+09:00\n"
    ).encode()
    data = post_rows(client, auth, body, content_type="text/csv").json()
    assert data["created"] == 1
    assert [(e["line"], e["code"]) for e in data["errors"]] == [(3, "before_lodgment")]
    d = Declaration.objects.get(number="C1")
    assert [line["hs_code"] for line in d.lines] == ["847130", "090111"]
    assert str(d.total_value) == "350.50" and d.lane


def test_one_declaration_by_api_opens_its_history(client, auth):
    response = client.post("/api/v1/declarations", row(), content_type="application/json", **auth)
    assert response.status_code == 201, response.content
    data = response.json()
    assert data["lane"] in ("free", "paper", "exam") and data["status"] == "selected"
    assert [e["event"] for e in data["history"]] == ["lodged"]
    again = client.post(
        "/api/v1/declarations",
        {**row(), "number": data["number"]},
        content_type="application/json",
        **auth,
    )
    assert again.status_code == 409 and again.json()["code"] == "exists"
    bad = client.post(
        "/api/v1/declarations", row(partner_economy="ZZ"), content_type="application/json", **auth
    )
    assert bad.status_code == 422 and bad.json()["errors"][0]["field"] == "partner_economy"


def test_text_a_database_cannot_hold_is_a_row_error(client, auth):
    data = post_rows(client, auth, ndjson([row(partner_name="bad\u0000name")])).json()
    assert data["errors"][0]["code"] == "invalid_text"


def test_traders_lodge_for_themselves_but_cannot_read_selectivity(client):
    from aeo.registry.tests.factories import TraderFactory

    trader = TraderFactory()
    auth = {"HTTP_AUTHORIZATION": f"Bearer {issue_token(actor=None, user=trader)}"}
    data = post_rows(client, auth, ndjson([row(trader_tin=trader.operator.tin)])).json()
    assert data["created"] == 1
    listed = client.get("/api/v1/declarations", **auth).json()
    assert listed["count"] == 1
    assert client.get("/api/v1/selectivity/criteria", **auth).status_code == 403


def test_times_reported_later_move_the_state_forward_never_back(client, auth):
    first = row()
    post_rows(client, auth, ndjson([first]))
    released = {**first, "released_at": "2026-03-02T03:00:00+00:00"}
    post_rows(client, auth, ndjson([released]), update=True)
    assert Declaration.objects.get(number=first["number"]).status == "released"
    post_rows(client, auth, ndjson([first]), update=True)  # the times again without release
    d = Declaration.objects.get(number=first["number"])
    assert d.status == "released" and d.released_at is None


def test_the_daily_command_assigns_the_days_lanes_in_batch(client, auth):
    from django.core.management import call_command

    post_rows(client, auth, ndjson([row() for _ in range(30)]), assign=False)
    call_command("border_daily", "--day", "2026-03-02")
    assert not Declaration.objects.filter(status="lodged").exists()
    assert Declaration.objects.exclude(lane="").count() == 30
