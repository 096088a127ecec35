"""Pages: the public catalogue and a benefit, drafting and publishing, the AEO's home panel,
agencies, MoUs, proposals and joint inspections."""

import pytest
from django.utils import timezone

from aeo.accounts.constants import Role
from aeo.benefits import services
from aeo.benefits.models import Benefit
from aeo.benefits.tests.helpers import aeo, agency, benefit, oga_officer, policy_officer
from aeo.registry.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_the_public_catalogue_by_type_and_authority(client):
    mhlw = agency("mhlw", name_en="Ministry of Health, Labour and Welfare")
    benefit(publish=True, aeo_types=["IMP"], title_en="Pre-arrival lodgment")
    benefit(
        policy_officer(), publish=True, aeo_types=["WHS"], agency=mhlw, title_en="Food sanitation"
    )
    benefit(title_en="Secret draft")
    page = client.get("/benefits/").content.decode()
    assert "Pre-arrival lodgment" in page and "Food sanitation" in page
    assert "Secret draft" not in page and "Authorized Importer" in page
    by_type = client.get("/benefits/?aeo_type=WHS").content.decode()
    assert "Pre-arrival lodgment" not in by_type and "Food sanitation" in by_type
    customs = client.get("/benefits/?authority=customs").content.decode()
    assert "Food sanitation" not in customs
    assert client.get("/benefits/?status=draft").content.decode().count("Secret draft") == 0
    assert "Food sanitation" in client.get("/benefits/agencies/mhlw/").content.decode()
    assert client.get("/benefits/agencies/nope/").status_code == 404


def test_an_oga_officer_drafts_and_the_policy_officer_publishes(client):
    officer = oga_officer(agency("mhlw"))
    client.force_login(officer)
    form = client.get("/benefits/new/")
    assert form.status_code == 200
    data = {
        "title_en": "Fewer food sanitation inspections",
        "aeo_types": ["IMP"],
        "agency": "mhlw",
        "category": "low_inspection",
    }
    bad = client.post("/benefits/new/", data | {"condition_percent": "150"})
    assert bad.status_code == 400
    response = client.post("/benefits/new/", data)
    draft = Benefit.objects.get()
    assert response.status_code == 302 and draft.agency.code == "mhlw"
    assert client.get("/benefits/?status=draft").content.decode().count(draft.title_en) == 1
    client.force_login(policy_officer())
    page = client.get(f"/benefits/{draft.pk}/").content.decode()
    assert 'data-action="publish"' in page
    client.post(f"/benefits/{draft.pk}/act/publish/", {"publish-version": 1})
    draft.refresh_from_db()
    assert draft.status == "published"
    assert client.get(f"/benefits/{draft.pk}/").status_code == 200


def test_other_roles_cannot_draft(client):
    client.force_login(UserFactory(role=Role.EXAMINER))
    assert client.get("/benefits/new/").status_code == 403
    client.force_login(aeo()[1])
    assert client.get("/benefits/new/").status_code == 403


def test_the_aeo_sees_its_benefits_and_upcoming_inspections_on_its_home(client):
    b = benefit(publish=True, title_en="Pre-arrival lodgment")
    benefit(publish=True, aeo_types=["EXP"], title_en="Exporters only")
    operator, trader, _ = aeo()
    services.request_joint_inspection(
        actor=None, operator=operator, agencies=[agency()], place="Tokyo Port, berth 3"
    )
    client.force_login(trader)
    home = client.get("/").content.decode()
    assert 'id="my-benefits"' in home and b.title_en in home
    assert "Exporters only" not in home and "Tokyo Port, berth 3" in home


def test_mous_proposals_and_inspections_pages(client):
    mhlw = agency("mhlw")
    policy, officer = policy_officer(), oga_officer(mhlw)
    mou = services.create_mou(actor=policy, agency=mhlw, title="Customs–MHLW MoU")
    client.force_login(policy)
    assert "Customs–MHLW MoU" in client.get("/benefits/mous/").content.decode()
    client.post(f"/benefits/mous/{mou.pk}/act/signed/", {"signed-version": 1})
    mou.refresh_from_db()
    assert mou.status == "signed"

    client.force_login(officer)
    response = client.post(
        "/benefits/proposals/",
        {"text_en": "Cold chain is monitored", "roles": ["importer"], "hs_prefixes": "0302, 03"},
    )
    assert response.status_code == 302
    proposal = mhlw.proposals.get()
    assert proposal.hs_prefixes == ["0302", "03"]
    client.force_login(policy)
    client.post(f"/benefits/proposals/{proposal.pk}/act/accept/", {"accept-version": 1})
    proposal.refresh_from_db()
    assert proposal.status == "accepted"
    assert (
        proposal.criterion.code
        in client.get(f"/benefits/proposals/{proposal.pk}/").content.decode()
    )

    operator, trader, _ = aeo()
    inspection = services.request_joint_inspection(
        actor=None, operator=operator, agencies=[mhlw], place="Narita"
    )
    client.force_login(officer)
    when = timezone.localtime() + timezone.timedelta(days=1)
    client.post(
        f"/benefits/inspections/{inspection.pk}/act/schedule/",
        {"schedule-version": 1, "schedule-scheduled_at": when.strftime("%Y-%m-%dT%H:%M")},
    )
    inspection.refresh_from_db()
    assert inspection.status == "scheduled"
    client.force_login(trader)
    assert "Narita" in client.get("/benefits/inspections/").content.decode()
    assert client.get(f"/benefits/inspections/{inspection.pk}/").status_code == 200
    client.force_login(aeo()[1])
    assert client.get(f"/benefits/inspections/{inspection.pk}/").status_code == 404
