"""Pages that create what only the API created before: agencies, MoUs (and their moves up to
the confirmed termination) and joint inspections (requested, scheduled, recorded)."""

import re

import pytest
from django.utils import timezone

from aeo.accounts.constants import Role
from aeo.accounts.services import issue_token
from aeo.benefits import services
from aeo.benefits.models import Agency, JointInspection, MoU
from aeo.benefits.tests.helpers import aeo, agency, oga_officer, policy_officer
from aeo.core.tests.helpers import post_confirmed
from aeo.registry.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _when(days: int = 1) -> str:
    return (timezone.localtime() + timezone.timedelta(days=days)).strftime("%Y-%m-%dT%H:%M")


@pytest.mark.parametrize("url", ["/benefits/agencies/new/", "/benefits/mous/new/"])
def test_only_policy_officers_create_agencies_and_mous(client, url):
    mhlw = agency("mhlw")
    for user in (oga_officer(mhlw), UserFactory(role=Role.BORDER_OFFICER), aeo()[1]):
        client.force_login(user)
        assert client.get(url).status_code == 403
        assert client.post(url, {"title": "x"}).status_code == 403
    client.logout()
    assert client.get(url).status_code == 302  # to the login
    client.force_login(policy_officer())
    assert client.get(url).status_code == 200


def test_a_policy_officer_records_and_changes_an_agency(client):
    client.force_login(policy_officer())
    data = {"code": "maff-pp", "name_en": "Plant Protection Station", "mandate": "plant_protection"}
    bad = client.post("/benefits/agencies/new/", data | {"code": "new", "email": "nope"})
    assert bad.status_code == 400 and 'value="Plant Protection Station"' in bad.text
    assert 'id="id_email-error' in bad.text or "Enter a valid email" in bad.text
    assert client.post("/benefits/agencies/new/", data).status_code == 302
    assert client.post("/benefits/agencies/new/", data).status_code == 400  # duplicate code
    found = Agency.objects.get(code="maff-pp")
    assert "Change the agency" in client.get("/benefits/agencies/maff-pp/").text
    edit = "/benefits/agencies/maff-pp/edit/"
    assert 'value="Plant Protection Station"' in client.get(edit).text
    assert client.post(edit, data | {"name_en": " "}).status_code == 400
    assert client.post(edit, data | {"name_ja": "植物防疫所"}).status_code == 302
    found.refresh_from_db()
    assert found.name_ja == "植物防疫所" and found.code == "maff-pp"
    assert client.get("/benefits/agencies/nope/edit/").status_code == 404
    client.force_login(oga_officer(found))
    assert client.post(edit, data).status_code == 403


def test_an_mou_is_drafted_signed_and_terminated_on_pages(client):
    mhlw = agency("mhlw")
    client.force_login(policy_officer())
    data = {"agency": "mhlw", "title": "Customs–MHLW MoU", "commitments": ["joint_inspections"]}
    bad = client.post("/benefits/mous/new/", data | {"agency": "nope"})
    assert bad.status_code == 400 and 'value="Customs–MHLW MoU"' in bad.text
    assert client.post("/benefits/mous/new/", data).status_code == 302
    mou = MoU.objects.get(agency=mhlw)
    assert mou.commitments == ["joint_inspections"] and mou.status == "draft"
    url = f"/benefits/mous/{mou.pk}/act/"
    assert client.post(url + "signed/", {"signed-version": 1}).status_code == 302
    asked = client.post(url + "terminated/", {"terminated-version": 2})
    assert asked.status_code == 200 and 'data-testid="confirmation"' in asked.text
    mou.refresh_from_db()
    assert mou.status == "signed"
    done = post_confirmed(client, url + "terminated/", {"terminated-version": 2}, "terminated")
    assert done.status_code == 302
    mou.refresh_from_db()
    assert mou.status == "terminated" and mou.terminated_on is not None
    events = list(mou.events.values_list("event", flat=True))
    assert events == ["drafted", "signed", "terminated"]
    assert "Terminated" in client.get(f"/benefits/mous/{mou.pk}/").text


def test_an_oga_officer_requests_a_joint_inspection_for_its_agency(client):
    mhlw = agency("mhlw")
    agency("maff")
    operator, trader, _ = aeo()
    officer = oga_officer(mhlw)
    client.force_login(officer)
    page = client.get("/benefits/inspections/new/")
    assert page.status_code == 200
    own = re.search(r'<input[^>]*value="mhlw"[^>]*>', page.text)
    assert own and "checked" in own.group(0)  # its own agency, ticked
    data = {"operator": operator.tin, "agencies": ["maff"], "place": "Narita, cargo area 2"}
    refused = client.post("/benefits/inspections/new/", data)
    assert refused.status_code == 400 and "Include your own agency" in refused.text
    unknown = client.post("/benefits/inspections/new/", data | {"operator": "000"})
    assert unknown.status_code == 400 and 'value="Narita, cargo area 2"' in unknown.text
    late = client.post("/benefits/inspections/new/", data | {"scheduled_at": "3000-01-01T00:00"})
    assert late.status_code == 400
    ok = client.post(
        "/benefits/inspections/new/",
        data | {"agencies": ["mhlw", "maff"], "scheduled_at": _when()},
    )
    assert ok.status_code == 302
    inspection = JointInspection.objects.get()
    assert inspection.status == "scheduled" and inspection.operator == operator
    assert list(inspection.events.values_list("event", flat=True)) == ["requested", "scheduled"]
    client.force_login(trader)
    assert "Narita, cargo area 2" in client.get("/").text  # its upcoming ones, on its home
    assert client.get("/benefits/inspections/new/").status_code == 403


def test_a_border_officer_requests_schedules_and_records_a_joint_inspection(client):
    agency("mhlw")
    operator, _, _ = aeo()
    client.force_login(UserFactory(role=Role.BORDER_OFFICER))
    data = {"operator": operator.tin, "agencies": ["mhlw"], "place": "Tokyo Port"}
    assert client.post("/benefits/inspections/new/", data | {"agencies": []}).status_code == 400
    assert client.post("/benefits/inspections/new/", data).status_code == 302
    inspection = JointInspection.objects.get()
    url = f"/benefits/inspections/{inspection.pk}/act/"
    bad = client.post(url + "schedule/", {"schedule-version": 1, "schedule-scheduled_at": "x"})
    assert bad.status_code == 400
    client.post(url + "schedule/", {"schedule-version": 1, "schedule-scheduled_at": _when()})
    record = {"record-version": 2, "record-result": "no_issue", "record-minutes_saved": "90"}
    assert client.post(url + "record/", record | {"record-minutes_saved": "-1"}).status_code == 400
    assert post_confirmed(client, url + "record/", record, "record").status_code == 302
    inspection.refresh_from_db()
    assert inspection.status == "performed" and inspection.minutes_saved == 90
    assert [e.event for e in inspection.events.all()] == ["requested", "scheduled", "performed"]


def test_an_examiner_may_not_request_a_joint_inspection(client):
    client.force_login(UserFactory(role=Role.EXAMINER))
    assert client.get("/benefits/inspections/new/").status_code == 403


def test_the_api_requests_and_schedules_at_once():
    mhlw = agency("mhlw")
    operator, _, _ = aeo()
    when = timezone.now() + timezone.timedelta(days=2)
    inspection = services.request_joint_inspection(
        actor=None, operator=operator, agencies=[mhlw], place="x", scheduled_at=when
    )
    assert inspection.status == "scheduled" and inspection.scheduled_at == when


def test_a_proposal_brings_its_questions_into_the_requirements_draft(client):
    mhlw = agency("mhlw")
    client.force_login(oga_officer(mhlw))
    data = {"text_en": "Cold chain is monitored", "roles": ["importer"]}
    question = {"q1_text_en": "Do you log temperatures?", "q1_text_ja": "温度を記録していますか。"}
    bad = client.post("/benefits/proposals/", data | question)
    assert bad.status_code == 400 and 'value="Do you log temperatures?"' in bad.text
    bad_kind = client.post("/benefits/proposals/", data | question | {"q1_kind": "choice"})
    assert bad_kind.status_code == 400
    kinds = {"q1_kind": "yes_no", "q2_text_en": "Since when?", "q2_kind": "date"}
    assert client.post("/benefits/proposals/", data | question | kinds).status_code == 302
    proposal = mhlw.proposals.get()
    assert [q["kind"] for q in proposal.questions] == ["yes_no", "date"]
    client.force_login(policy_officer())
    assert "Since when?" in client.get(f"/benefits/proposals/{proposal.pk}/").text
    client.post(f"/benefits/proposals/{proposal.pk}/act/accept/", {"accept-version": 1})
    proposal.refresh_from_db()
    questions = list(proposal.criterion.questions.order_by("position"))
    assert [(q.code, q.kind) for q in questions] == [
        (f"{proposal.criterion.code}-1", "yes_no"),
        (f"{proposal.criterion.code}-2", "date"),
    ]
    assert "温度を記録していますか。" in questions[0].text


def test_the_api_proposes_criteria_with_questions(client):
    officer = oga_officer(agency("mhlw"))
    auth = {"HTTP_AUTHORIZATION": f"Bearer {issue_token(actor=None, user=officer)}"}
    body = {"text_en": "Cold chain", "questions": [{"text_en": "Logged?", "kind": "yes_no"}]}
    url = "/api/v1/proposed-criteria"
    made = client.post(url, body, content_type="application/json", **auth)
    assert made.status_code == 201 and made.json()["questions"][0]["kind"] == "yes_no"
    bad = {"text_en": "x", "questions": [{"text_en": "Which?", "kind": "choice"}]}
    refused = client.post(url, bad, content_type="application/json", **auth)
    assert refused.status_code == 422
