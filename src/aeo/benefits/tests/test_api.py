"""The benefits API: the public catalogue, drafting and publishing by role, a trader's own
benefits, use, MoUs, proposals and joint inspections; bounded input."""

import pytest

from aeo.accounts.constants import Role
from aeo.authorizations.tests.conftest import bearer
from aeo.benefits.models import BenefitUse
from aeo.benefits.tests.helpers import aeo, agency, benefit, oga_officer, policy_officer
from aeo.registry.tests.factories import UserFactory

pytestmark = pytest.mark.django_db
JSON = "application/json"


def post(client, url, data, user):
    return client.post(url, data, content_type=JSON, **bearer(user))


def test_the_public_catalogue_by_type_and_authority(client):
    mhlw = agency("mhlw")
    benefit(publish=True, aeo_types=["IMP"])
    benefit(policy_officer(), publish=True, aeo_types=["WHS"], agency=mhlw, title_en="Food")
    benefit(aeo_types=["IMP"], title_en="Draft")
    everything = client.get("/api/v1/benefits").json()
    assert everything["count"] == 2
    by_type = client.get("/api/v1/benefits?aeo_type=WHS").json()["items"]
    assert [b["title_en"] for b in by_type] == ["Food"] and by_type[0]["agency"] == "mhlw"
    customs = client.get("/api/v1/benefits?authority=customs").json()["items"]
    assert [b["authority"] for b in customs] == ["customs"]
    assert client.get("/api/v1/agencies").json()["items"][0]["code"] == "mhlw"
    assert client.get("/api/v1/agencies/MHLW").json()["mandate"] == "food_safety"
    assert client.get("/api/v1/agencies/none").status_code == 404


def test_an_oga_officer_drafts_the_policy_officer_publishes(client):
    mhlw = agency("mhlw")
    agency("maff")
    officer, policy = oga_officer(mhlw), policy_officer()
    body = {
        "title_en": "Fewer sanitation inspections",
        "aeo_types": ["IMP"],
        "category": "low_inspection",
    }
    response = post(client, "/api/v1/benefits", body, officer)
    assert response.status_code == 201, response.content
    draft = response.json()
    assert draft["agency"] == "mhlw" and draft["allowed_actions"] == ["published", "withdrawn"]
    assert post(client, "/api/v1/benefits", body | {"agency": "maff"}, officer).status_code == 403
    unknown = post(client, "/api/v1/benefits", body | {"agency": "nope"}, policy)
    assert unknown.status_code == 422 and unknown.json()["errors"][0]["field"] == "agency"
    # A customs benefit of reduced examination states its reduction: selectivity applies it.
    bare = post(client, "/api/v1/benefits", body, policy)
    error = bare.json()["errors"][0]
    assert bare.status_code == 422 and (error["field"], error["code"]) == (
        "condition_percent",
        "required",
    )
    customs = post(client, "/api/v1/benefits", body | {"condition_percent": 12.5}, policy).json()
    assert customs["condition_percent"] == 12.5
    hidden = post(client, f"/api/v1/benefits/{customs['id']}/publish", {}, officer)
    assert hidden.status_code == 404  # a customs draft is not the OGA officer's to see
    post(client, f"/api/v1/benefits/{customs['id']}/publish", {}, policy)
    refused = post(client, f"/api/v1/benefits/{customs['id']}/withdraw", {}, officer)
    assert refused.status_code == 403  # published, it sees it, but may not withdraw it
    published = post(client, f"/api/v1/benefits/{draft['id']}/publish", {}, policy)
    assert published.json()["status"] == "published"
    again = post(client, f"/api/v1/benefits/{draft['id']}/publish", {}, policy)
    assert again.status_code == 409 and again.json()["code"] == "invalid_transition"
    stale = post(client, f"/api/v1/benefits/{draft['id']}/withdraw", {"version": 1}, policy)
    assert stale.status_code == 409 and stale.json()["code"] == "stale"


def test_a_traders_benefits_and_their_use(client):
    b = benefit(publish=True)
    benefit(publish=True, aeo_types=["EXP"], title_en="Exporters")
    operator, trader, _ = aeo()
    mine = client.get("/api/v1/benefits/mine", **bearer(trader)).json()["items"]
    assert [x["id"] for x in mine] == [b.pk]
    assert client.get("/api/v1/benefits/mine", **bearer(UserFactory())).status_code == 403
    border = UserFactory(role=Role.BORDER_OFFICER)
    url = f"/api/v1/benefits/{b.pk}/uses"
    used = post(client, url, {"operator_id": operator.pk, "reference": "1234567890"}, border)
    assert used.status_code == 201 and BenefitUse.objects.get().recorded_by == border
    assert post(client, url, {"operator_id": 2**63, "reference": "x"}, border).status_code == 422
    missing = post(client, url, {"operator_id": 2**62, "reference": "x"}, border)
    assert missing.status_code == 422 and missing.json()["code"] == "unknown_operator"
    assert (
        post(client, url, {"operator_id": operator.pk, "reference": "x"}, trader).status_code == 403
    )


def test_mous_proposals_and_joint_inspections(client):
    mhlw = agency("mhlw")
    policy, officer = policy_officer(), oga_officer(mhlw)
    body = {"agency": "mhlw", "title": "MoU", "commitments": ["joint_inspections"]}
    assert post(client, "/api/v1/mous", body, officer).status_code == 403
    assert post(client, "/api/v1/mous", body | {"agency": ""}, policy).status_code == 422
    created = post(client, "/api/v1/mous", body, policy).json()
    assert created["allowed_actions"] == ["signed", "terminated"]
    signed = post(client, f"/api/v1/mous/{created['id']}/status", {"event": "signed"}, policy)
    assert signed.json()["status"] == "signed"
    bad = post(client, f"/api/v1/mous/{created['id']}/status", {"event": "drafted"}, policy)
    assert bad.status_code == 422
    assert client.get("/api/v1/mous", **bearer(officer)).json()["count"] == 1

    proposal = post(client, "/api/v1/proposed-criteria", {"text_en": "Cold chain"}, officer)
    assert proposal.status_code == 201 and proposal.json()["agency"] == "mhlw"
    decided = post(
        client,
        f"/api/v1/proposed-criteria/{proposal.json()['id']}/decision",
        {"accept": True},
        policy,
    ).json()
    assert decided["status"] == "accepted" and decided["criterion_code"].startswith("OGA-")

    operator, trader, _ = aeo()
    requested = post(
        client,
        f"/api/v1/operators/{operator.pk}/joint-inspections",
        {"agencies": ["mhlw"], "place": "Tokyo Port"},
        UserFactory(role=Role.BORDER_OFFICER),
    )
    assert requested.status_code == 201, requested.content
    url = f"/api/v1/joint-inspections/{requested.json()['id']}"
    scheduled = post(
        client, f"{url}/schedule", {"scheduled_at": "2026-12-10T10:00:00+09:00"}, officer
    )
    assert scheduled.json()["status"] == "scheduled"
    assert post(client, f"{url}/record", {"result": "no_issue"}, trader).status_code == 403
    recorded = post(client, f"{url}/record", {"result": "no_issue", "minutes_saved": 120}, officer)
    assert recorded.json()["minutes_saved"] == 120
    theirs = client.get("/api/v1/joint-inspections", **bearer(trader)).json()["items"]
    assert [i["status"] for i in theirs] == ["performed"]
    assert client.get("/api/v1/joint-inspections", **bearer(aeo()[1])).json()["count"] == 0
