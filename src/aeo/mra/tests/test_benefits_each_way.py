"""The benefits each way: our catalogue's benefits for the partner's AEOs, the partner's
benefits for ours, and a trader's "your benefits abroad" (state, authorization, consent)."""

import pytest
from django.urls import reverse

from aeo.authorizations import services as authorization_services
from aeo.authorizations.tests.conftest import bearer
from aeo.benefits.tests.helpers import aeo, benefit, policy_officer
from aeo.mra.constants import MRAEventType
from aeo.mra.models import Arrangement
from aeo.mra.selectors import benefits_abroad_for
from aeo.mra.services import arrangements, consent

pytestmark = pytest.mark.django_db

ABROAD = {
    "title_en": "Reduced examination in Korea",
    "title_ja": "韓国における検査の軽減",
    "category": "low_inspection",
    "aeo_types": ["IMP"],
}


def _in_force(**kwargs) -> Arrangement:
    mra = arrangements.create_mra(
        actor=None,
        title="Japan–Korea AEO MRA",
        partners=["KR"],
        scope=[("IMP", "AEO importer"), ("EXP", "AEO exporter")],
        **kwargs,
    )
    for event in (MRAEventType.SIGNED, MRAEventType.ENTERED_INTO_FORCE):
        mra = arrangements.change_mra_status(actor=None, mra=mra, event=event)
    return mra


def test_the_api_records_and_shows_the_benefits_each_way(client):
    policy = policy_officer()
    ours = benefit(publish=True, title_en="Reduced Customs examination")
    draft = benefit(title_en="Not yet")
    body = {
        "title": "Japan–Korea AEO MRA",
        "partners": ["KR"],
        "scope": [{"our_type": "IMP", "partner_type": "AEO importer"}],
        "benefits_here": [ours.pk],
        "benefits_abroad": [ABROAD],
        "benefits_abroad_notes": "Quote your AEO number.",
    }
    created = client.post("/api/v1/mras", body, content_type="application/json", **bearer(policy))
    assert created.status_code == 201, created.json()
    shown = client.get(f"/api/v1/mras/{created.json()['id']}").json()
    assert [b["id"] for b in shown["benefits_here"]] == [ours.pk]
    assert shown["benefits_here"][0]["agency"] is None
    assert shown["benefits_abroad"] == [ABROAD]
    assert shown["benefits_abroad_notes"] == "Quote your AEO number."
    for wrong, code in (
        ({"benefits_here": [draft.pk]}, "unknown_benefit"),
        ({"benefits_abroad": [{**ABROAD, "aeo_types": ["WHS"]}]}, "not_in_scope"),
    ):
        refused = client.post(
            "/api/v1/mras", {**body, **wrong}, content_type="application/json", **bearer(policy)
        )
        assert (refused.status_code, refused.json()["errors"][0]["code"]) == (422, code)


@pytest.mark.parametrize("language", ["en", "ja"])
def test_the_public_page_shows_both_ways_in_the_visitor_language(client, language):
    ours = benefit(publish=True, title_en="Reduced Customs examination", title_ja="検査の軽減")
    mra = _in_force(benefits_here=[ours.pk], benefits_abroad=[ABROAD])
    client.cookies["django_language"] = language
    page = client.get(reverse("mra:mra_detail", args=[mra.pk])).content.decode()
    assert ("検査の軽減" if language == "ja" else "Reduced Customs examination") in page
    assert ABROAD["title_ja" if language == "ja" else "title_en"] in page
    assert reverse("benefits:detail", args=[ours.pk]) in page


def test_the_new_arrangement_page_records_the_benefits(client):
    policy = policy_officer()
    ours = benefit(publish=True)
    client.force_login(policy)
    assert str(ours.title_en) in client.get(reverse("mra:mra_new")).content.decode()
    data = {
        "title": "Japan–Thailand AEO MRA",
        "partners": "TH",
        "scope": "IMP | AEO importer",
        "benefits_here": [str(ours.pk)],
        "benefits_abroad": "Reduced examination | 検査の軽減 | no_such | IMP",
    }
    refused = client.post(reverse("mra:mra_new"), data)
    assert refused.status_code == 400 and "low_inspection" in refused.content.decode()
    done = client.post(
        reverse("mra:mra_new"),
        {**data, "benefits_abroad": "Reduced examination | 検査の軽減 | low_inspection | imp"},
    )
    assert done.status_code == 302
    mra = Arrangement.objects.get(title="Japan–Thailand AEO MRA")
    assert list(mra.benefits_here.all()) == [ours]
    line = mra.benefits_abroad.get()
    assert (line.title_ja, line.category) == ("検査の軽減", "low_inspection")
    assert line.aeo_types == ["IMP"]


def _titles(operator) -> list[str]:
    found = benefits_abroad_for(operator)
    return [b.title_en for _mra, lines in found.arrangements for b in lines]


def test_benefits_abroad_follow_consent_state_and_authorization():
    mra = _in_force(
        benefits_abroad=[ABROAD, {**ABROAD, "title_en": "Exporters only", "aeo_types": ["EXP"]}]
    )
    operator, trader, (authorization,) = aeo()
    assert benefits_abroad_for(operator).consent_needed and _titles(operator) == []
    consent.give_consent(actor=trader, operator=operator)
    assert _titles(operator) == ["Reduced examination in Korea"]  # its type's only
    suspended = arrangements.change_mra_status(actor=None, mra=mra, event=MRAEventType.SUSPENDED)
    assert _titles(operator) == [] and not benefits_abroad_for(operator).consent_needed
    arrangements.change_mra_status(actor=None, mra=suspended, event=MRAEventType.RESUMED)
    assert _titles(operator) == ["Reduced examination in Korea"]
    authorization_services.suspend(
        actor=None, authorization=authorization, ground="facts", reason="audit"
    )
    assert _titles(operator) == []


def test_a_trader_sees_its_benefits_abroad_on_its_home_and_by_the_api(client):
    _in_force(benefits_abroad=[ABROAD])
    operator, trader, _ = aeo()
    client.force_login(trader)
    home = client.get(reverse("home")).content.decode()
    assert reverse("mra:consent") in home and 'data-testid="abroad-consent"' in home
    answer = client.get("/api/v1/benefits/mine", **bearer(trader)).json()
    assert answer["abroad"] == {"consent_needed": True, "arrangements": []}
    consent.give_consent(actor=trader, operator=operator)
    assert "Reduced examination in Korea" in client.get(reverse("home")).content.decode()
    abroad = client.get("/api/v1/benefits/mine", **bearer(trader)).json()["abroad"]
    assert abroad["consent_needed"] is False
    (entry,) = abroad["arrangements"]
    assert entry["partners"] == ["KR"] and entry["benefits"][0]["title"] == ABROAD["title_en"]
