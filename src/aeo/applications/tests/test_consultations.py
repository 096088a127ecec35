"""Prior consultations: requested → scheduled → held → closed, with their account manager."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from aeo.accounts.constants import Role
from aeo.applications.models import Consultation
from aeo.applications.tests.helpers import tokyo_examiner, trader_in_tokyo
from aeo.applications.tests.test_api import Api
from aeo.registry.models import CustomsOffice
from aeo.registry.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def manager():
    return UserFactory(role=Role.ACCOUNT_MANAGER, office=CustomsOffice.objects.get(code="TOKYO"))


def test_the_account_manager_schedules_holds_and_closes_it(client, manager):
    trader = trader_in_tokyo()
    me, am = Api(client, trader), Api(client, manager)
    created = me.post("/consultations", {"subject": "Outsourced internal audit"}).json()
    assert created["status"] == "requested" and created["account_manager"] == manager.username
    assert created["allowed_actions"] == []  # the trader waits for the account manager
    url = f"/consultations/{created['id']}"
    assert am.get(url).json()["allowed_actions"] == ["scheduled", "closed"]
    meeting = (timezone.now() + datetime.timedelta(days=3)).isoformat()
    scheduled = am.post(f"{url}/schedule", {"at": meeting, "version": created["version"]}).json()
    assert scheduled["status"] == "scheduled"
    stale = am.post(f"{url}/held", {"outcome": "x", "version": created["version"]})
    assert (stale.status_code, stale.json()["code"]) == (409, "stale")
    held = am.post(f"{url}/held", {"outcome": "Explained third-party audit for SMEs."}).json()
    assert held["status"] == "held" and held["allowed_actions"] == ["closed"]
    again = am.post(f"{url}/held", {"outcome": "Twice"})
    assert (again.status_code, again.json()["code"]) == (409, "invalid_transition")
    assert am.post(f"{url}/close", {}).json()["status"] == "closed"
    history = Consultation.objects.get().events.values_list("event", flat=True)
    assert list(history) == ["requested", "scheduled", "held", "closed"]
    assert me.post(f"{url}/close", {}).status_code == 403  # the trader may read, not act


def test_another_units_examiner_cannot_handle_it_and_another_trader_cannot_see_it(client, manager):
    trader = trader_in_tokyo()
    created = Api(client, trader).post("/consultations", {"subject": "SME track"}).json()
    osaka = UserFactory(role=Role.EXAMINER, office=CustomsOffice.objects.get(code="OSAKA"))
    assert Api(client, osaka).get(f"/consultations/{created['id']}").json()["allowed_actions"] == []
    assert Api(client, tokyo_examiner()).get(f"/consultations/{created['id']}").json()[
        "allowed_actions"
    ] == ["scheduled", "closed"]
    stranger = trader_in_tokyo()
    assert Api(client, stranger).get(f"/consultations/{created['id']}").status_code == 404


def test_the_page_offers_the_moves_and_keeps_a_rejected_entry(client, manager):
    trader = trader_in_tokyo()
    consultation = Api(client, trader).post("/consultations", {"subject": "Records"}).json()
    client.force_login(manager)
    url = reverse("applications:consultation_detail", args=[consultation["id"]])
    page = client.get(url).text
    assert 'data-action="schedule"' in page and 'data-action="held"' not in page
    rejected = client.post(
        reverse("applications:consultation_act", args=[consultation["id"], "schedule"]),
        {"schedule-at": "2001-01-01T10:00", "schedule-comment": "Bring the records."},
    )
    assert "The meeting time is in the past." in rejected.text
    assert "Bring the records." in rejected.text
    assert Consultation.objects.get().status == "requested"
