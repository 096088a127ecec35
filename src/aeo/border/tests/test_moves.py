"""The moves after lodgment through the API: examination, release, delivery, re-routing."""

import pytest

from aeo.accounts.constants import Role
from aeo.accounts.services import issue_token
from aeo.border import services
from aeo.border.models import Declaration
from aeo.border.tests.helpers import officer, row
from aeo.core.models import AuditEvent
from aeo.registry.tests.factories import TraderFactory

pytestmark = pytest.mark.django_db


def bearer(user):
    return {"HTTP_AUTHORIZATION": f"Bearer {issue_token(actor=None, user=user)}"}


def in_lane(lane: str, **kw) -> Declaration:
    d = services.create_declaration(actor=officer(Role.POLICY_OFFICER, "CTB"), data=row(**kw))
    Declaration.objects.filter(pk=d.pk).update(lane=lane)
    return Declaration.objects.get(pk=d.pk)


def post(client, user, d, action, **body):
    return client.post(
        f"/api/v1/declarations/{d.pk}/{action}",
        body,
        content_type="application/json",
        **bearer(user),
    )


def test_examined_goods_are_released_then_delivered_each_move_audited(client):
    border = officer()
    d = in_lane("exam")
    early = post(client, border, d, "release")
    assert early.status_code == 409 and early.json()["code"] == "examination_pending"
    found = post(client, border, d, "examination", result="discrepancy")
    assert found.status_code == 422 and found.json()["errors"][0]["field"] == "note"
    examined = post(client, border, d, "examination", result="no_discrepancy", version=d.version)
    assert examined.json()["status"] == "examined"
    stale = post(client, border, d, "release", version=d.version)
    assert stale.status_code == 409 and stale.json()["code"] == "stale"
    released = post(client, border, d, "release").json()
    assert released["status"] == "released" and released["released_at"]
    delivered = post(client, border, d, "delivery").json()
    assert delivered["status"] == "delivered"
    assert [e["event"] for e in delivered["history"]] == [
        "lodged",
        "examined",
        "released",
        "delivered",
    ]
    actions = set(
        AuditEvent.objects.filter(
            object_id=str(d.pk), object_type="border.declaration"
        ).values_list("action", flat=True)
    )
    assert {"declaration.examined", "declaration.released", "declaration.delivered"} <= actions


def test_rerouting_needs_a_reason_and_restarts_the_examination(client):
    border = officer()
    d = in_lane("free")
    assert post(client, border, d, "reroute", lane="exam", reason=" ").status_code == 422
    moved = post(client, border, d, "reroute", lane="exam", reason="Tip-off from the port").json()
    assert moved["lane"] == "exam" and moved["lane_reason"]["decided_by"] == "officer"
    assert moved["lane_reason"]["rerouted"] == {"from": "free"}
    assert post(client, border, d, "release").json()["code"] == "examination_pending"


def test_goods_an_agency_must_clear_wait_for_it():
    border, oga = officer(), officer(Role.OGA_OFFICER, "CTB")
    d = in_lane("free", oga_agency="Plant Protection Station")
    from aeo.core.errors import InvalidTransition

    with pytest.raises(InvalidTransition):
        services.release_declaration(actor=border, declaration=d)
    services.request_joint_inspection(actor=border, declaration=d, comment="Fumigation check")
    services.clear_oga(actor=oga, declaration=d)
    assert services.release_declaration(actor=border, declaration=d).status == "released"


def test_an_officer_works_only_on_their_office_and_sees_only_it(client):
    d = in_lane("free")
    osaka = officer(office="OSAKA")
    assert post(client, osaka, d, "release").status_code == 404
    assert client.get("/api/v1/declarations", **bearer(osaka)).json()["count"] == 0
    tokyo = officer()
    assert client.get("/api/v1/declarations", **bearer(tokyo)).json()["count"] == 1
    trader = TraderFactory()
    assert client.get(f"/api/v1/declarations/{d.pk}", **bearer(trader)).status_code == 404
