"""The lifecycle through the API, as a trader's and an examiner's scripts would drive it."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from aeo.accounts.services import issue_token
from aeo.applications import services
from aeo.applications.tests.helpers import (
    submitted_application,
    tokyo_examiner,
    trader_in_tokyo,
)
from aeo.core.now import now, today, travel
from aeo.demo.lifecycle import SAMPLE_PDF, TYPED_ANSWERS

pytestmark = pytest.mark.django_db


class Api:
    def __init__(self, client, user):
        self.client = client
        self.auth = {"HTTP_AUTHORIZATION": f"Bearer {issue_token(actor=None, user=user)}"}

    def get(self, path, **params):
        return self.client.get(f"/api/v1{path}", params, **self.auth)

    def post(self, path, body=None):
        return self.client.post(
            f"/api/v1{path}", body or {}, content_type="application/json", **self.auth
        )

    def put(self, path, body):
        return self.client.put(f"/api/v1{path}", body, content_type="application/json", **self.auth)

    def upload(self, path, name, content):
        file = SimpleUploadedFile(name, content, content_type="application/pdf")
        return self.client.post(f"/api/v1{path}", {"file": file}, **self.auth)


def fill_through_the_api(me: Api, sheet_id: int) -> None:
    """Answer the current template's questions for the trader's roles, as a script would."""
    template = me.get("/requirements/template").json()
    for criterion in template["criteria"]:
        for question in criterion["questions"]:
            path = f"/self-assessments/{sheet_id}/answers/{question['code']}"
            if question["kind"] == "evidence":
                response = me.upload(f"{path}/evidence", f"{question['code']}.pdf", SAMPLE_PDF)
                assert response.status_code == 201, response.content
                continue
            value = (
                question["choices"][0]
                if question["kind"] == "choice"
                else TYPED_ANSWERS[question["kind"]]
            )
            response = me.put(path, {"value": value})
            assert response.status_code == 200, response.content


@pytest.fixture
def trader():
    return trader_in_tokyo()


def test_whole_journey_through_the_api(client, trader):
    me, examiner = Api(client, trader), Api(client, tokyo_examiner())
    assert me.post("/consultations", {"subject": "Outsourced training"}).status_code == 201
    created = me.post("/applications", {"roles": ["importer"]})
    assert created.status_code == 201, created.content
    app = created.json()
    assert app["state"] == "draft" and app["clock"] is None
    incomplete = me.post(f"/applications/{app['id']}/submit")
    assert incomplete.status_code == 409
    assert "gap" in incomplete.json()["detail"]
    fill_through_the_api(me, app["self_assessment_id"])
    sheet = me.get(f"/self-assessments/{app['self_assessment_id']}").json()
    assert sheet["gaps"] == []
    app = me.post(f"/applications/{app['id']}/submit").json()
    assert app["state"] == "submitted"
    url = f"/applications/{app['id']}"
    app = examiner.post(f"{url}/accept", {"version": app["version"]}).json()
    assert app["state"] == "under_examination"
    assert set(app["clock"]) == {
        "target_business_days",
        "elapsed_business_days",
        "remaining_business_days",
        "due_date",
        "paused",
        "overdue",
    }
    assert app["clock"]["remaining_business_days"] == 60  # SME expedited track
    past = examiner.post(
        f"{url}/information-requests", {"request": "Audit report", "resume_by": "2020-01-01"}
    )
    assert past.status_code == 422
    assert past.json()["errors"][0]["field"] == "resume_by"
    assert past.json()["code"] == "past_date"
    resume_by = (today() + datetime.timedelta(days=14)).isoformat()
    app = examiner.post(
        f"{url}/information-requests", {"request": "Audit report", "resume_by": resume_by}
    ).json()
    assert app["state"] == "paused" and app["clock"]["paused"] is True
    early = examiner.post(f"{url}/decision", {"outcome": "authorized"})
    assert early.status_code == 409
    assert early.json()["code"] == "invalid_transition"
    app = me.post(f"{url}/response", {"response": "Report attached to the check sheet"}).json()
    assert app["state"] == "under_examination" and app["clock"]["paused"] is False
    app = examiner.post(
        f"{url}/validation-visit",
        {"visited_on": today().isoformat(), "findings": "Sound", "satisfactory": True},
    ).json()
    app = examiner.post(f"{url}/extension", {"reason": "Second site"}).json()
    assert app["clock"]["target_business_days"] == 90
    version = app["version"]
    first = examiner.post(f"{url}/decision", {"outcome": "authorized", "version": version})
    second = Api(client, tokyo_examiner()).post(
        f"{url}/decision",
        {"outcome": "refused", "reasons": ["security"], "text": "x", "version": version},
    )
    assert first.status_code == 200 and first.json()["state"] == "authorized"
    assert second.status_code == 409
    assert set(second.json()) == {"detail", "code", "errors"}
    assert second.json()["code"] == "stale"
    history = me.get(f"{url}/history").json()
    assert [e["event"] for e in history][-3:] == [
        "validation_visit_recorded",
        "deadline_extended",
        "decided_authorized",
    ]
    listed = examiner.get("/applications", state="authorized").json()
    assert [a["id"] for a in listed["items"]] == [app["id"]]


def test_another_operators_application_is_404_and_lists_exclude_it(client, trader):
    me = Api(client, trader)
    app = me.post("/applications").json()
    other = Api(client, trader_in_tokyo())
    for path in (f"/applications/{app['id']}", f"/applications/{app['id']}/history"):
        assert other.get(path).status_code == 404
    assert other.post(f"/applications/{app['id']}/withdraw").status_code == 404
    assert other.get("/applications").json()["count"] == 0


def test_bad_decision_payloads_name_the_field(client, trader):
    app = Api(client, trader).post("/applications").json()
    examiner = Api(client, tokyo_examiner())
    bad = examiner.post(f"/applications/{app['id']}/decision", {"outcome": "maybe"})
    assert bad.status_code == 422
    assert bad.json()["errors"][0]["field"] == "outcome"
    bad = examiner.post(
        f"/applications/{app['id']}/decision", {"outcome": "refused", "reasons": ["bribery"]}
    )
    assert bad.status_code == 422
    assert bad.json()["errors"][0]["field"].startswith("reasons")


def test_list_filters_overdue_applications_most_overdue_first(client, trader):
    examiner = tokyo_examiner()
    accepted = {}
    for days, who in ((170, trader_in_tokyo()), (200, trader)):  # both past their due date
        with travel(now() - datetime.timedelta(days=days)):
            accepted[days] = services.accept_application(
                actor=examiner, application=submitted_application(who)
            )
    on_time = services.accept_application(
        actor=examiner, application=submitted_application(trader_in_tokyo())
    )
    api = Api(client, examiner)
    overdue = api.get("/applications", overdue="true").json()["items"]
    assert [a["id"] for a in overdue] == [accepted[200].pk, accepted[170].pk]
    assert [a["id"] for a in api.get("/applications", overdue="false").json()["items"]] == [
        on_time.pk
    ]
