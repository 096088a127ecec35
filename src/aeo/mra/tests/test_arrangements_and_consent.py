"""Arrangements (public pages, the API, the workflow) and the trader's consent."""

import pytest

from aeo.accounts.constants import Role
from aeo.authorizations.tests.conftest import bearer, issue
from aeo.mra.constants import MRA_WORKFLOW
from aeo.mra.models import Arrangement, OutboxRecord
from aeo.mra.services import arrangements
from aeo.registry.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def policy():
    return UserFactory(role=Role.POLICY_OFFICER)


@pytest.fixture
def mra():
    return arrangements.create_mra(
        actor=None,
        title="Japan–Korea AEO MRA",
        partners=["KR"],
        benefits_abroad_notes="Fewer examinations in Korea.",
        partner_identifier="Your corporate number.",
        scope=[("IMP", "AEO importer")],
        indicators=[
            {
                "indicator": "Stage 1 release time",
                "target": "falls by 20 % within a year",
                "stage": 1,
                "target_change_pct": -20.0,
            }
        ],
    )


def test_policy_officers_create_and_move_an_arrangement_by_the_api(client, policy):
    created = client.post(
        "/api/v1/mras",
        {"title": "Japan–ASEAN AEO MRA", "partners": ["SG", "MY", "TH"]},
        content_type="application/json",
        **bearer(policy),
    )
    assert created.status_code == 201, created.json()
    body = created.json()
    assert body["status"] == "negotiating" and sorted(body["partners"]) == ["MY", "SG", "TH"]
    assert body["allowed_actions"] == ["signed", "terminated"]
    signed = client.post(
        f"/api/v1/mras/{body['id']}/status",
        {"event": "signed", "effective_on": "2026-06-01", "version": body["version"]},
        content_type="application/json",
        **bearer(policy),
    )
    assert signed.status_code == 200 and signed.json()["signed_on"] == "2026-06-01"
    illegal = client.post(
        f"/api/v1/mras/{body['id']}/status",
        {"event": "resumed"},
        content_type="application/json",
        **bearer(policy),
    )
    assert (illegal.status_code, illegal.json()["code"]) == (409, "invalid_transition")


def test_others_may_not_record_arrangements(client, trader):
    answer = client.post(
        "/api/v1/mras",
        {"title": "x", "partners": ["KR"]},
        content_type="application/json",
        **bearer(trader),
    )
    assert answer.status_code == 403


def test_every_illegal_move_is_refused(mra, policy):
    legal = MRA_WORKFLOW.table()
    for event in MRA_WORKFLOW.moves:
        for state in ("negotiating", "signed", "in_force", "suspended", "terminated"):
            if any(e == event and s == state for e, s, _ in legal):
                continue
            Arrangement.objects.filter(pk=mra.pk).update(status=state)
            mra.refresh_from_db()
            assert event not in MRA_WORKFLOW.allowed_events(mra, policy)


@pytest.mark.parametrize("language", ["en", "ja"])
def test_the_public_pages_need_no_sign_in(client, mra, language):
    client.cookies["django_language"] = language
    listing = client.get("/mra/", HTTP_ACCEPT_LANGUAGE=language)
    assert listing.status_code == 200 and "Japan–Korea AEO MRA" in listing.content.decode()
    detail = client.get(f"/mra/{mra.pk}/", HTTP_ACCEPT_LANGUAGE=language).content.decode()
    assert "Fewer examinations in Korea." in detail
    assert ("How to use it" if language == "en" else "利用方法") in detail
    assert client.get("/api/v1/mras").json()["items"][0]["title"] == "Japan–Korea AEO MRA"


def test_the_page_offers_the_moves_of_the_map(client, mra, policy):
    client.force_login(policy)
    page = client.get(f"/mra/{mra.pk}/").content.decode()
    assert "Record the signature" in page and "Resume the arrangement" not in page
    done = client.post(
        f"/mra/{mra.pk}/act/signed/",
        {"signed-version": mra.version, "signed-effective_on": "2011-05-25"},
    )
    assert done.status_code == 302
    mra.refresh_from_db()
    assert (mra.status, str(mra.signed_on)) == ("signed", "2011-05-25")


def test_a_trader_gives_and_withdraws_consent_on_its_page(client, trader, taipei):
    issue(trader.operator)
    client.force_login(trader)
    assert "Give my consent" in client.get("/mra/consent/").content.decode()
    assert client.post("/mra/consent/", {}).status_code == 302
    assert "Withdraw my consent" in client.get("/mra/consent/").content.decode()
    assert client.post("/mra/consent/", {}).status_code == 302
    events = list(OutboxRecord.objects.values_list("event", flat=True))
    assert events == ["consent_given", "consent_withdrawn"]


def test_consent_by_the_api_for_traders_only(client, trader, border):
    given = client.post("/api/v1/exchange/consent", **bearer(trader))
    assert given.status_code == 200 and given.json()["status"] == "given"
    again = client.post("/api/v1/exchange/consent", **bearer(trader))
    assert again.status_code == 409
    withdrawn = client.post("/api/v1/exchange/consent/withdraw", **bearer(trader))
    assert withdrawn.json()["status"] == "withdrawn"
    assert client.post("/api/v1/exchange/consent", **bearer(border)).status_code == 403


def test_the_exchange_page_is_for_programme_officials(client, policy, trader, taipei):
    client.force_login(policy)
    page = client.get("/mra/exchange/").content.decode()
    assert "Chinese Taipei" in page and "Ed25519" in page
    assert '"d"' not in page.replace("&#x27;", '"').replace("&quot;", '"')  # no private key
    client.force_login(trader)
    assert client.get("/mra/exchange/").status_code == 403


def test_policy_officers_record_an_arrangement_on_a_page(client, policy, trader):
    from django.urls import reverse

    client.force_login(trader)
    assert client.get(reverse("mra:mra_new")).status_code == 403
    assert "Record a new arrangement" not in client.get(reverse("mra:mra_list")).content.decode()
    client.force_login(policy)
    assert "Record a new arrangement" in client.get(reverse("mra:mra_list")).content.decode()
    data = {
        "title": "Japan–Thailand AEO MRA",
        "partners": "th",
        "scope": "IMP | AEO importer\nEXP AEO exporter",
        "stage1_target": "-20",
        "other_indicators": "Examination rate | at most half of non-AEOs'",
        "documents": "Joint statement | https://example.org/jp-th.pdf",
    }
    refused = client.post(reverse("mra:mra_new"), data)
    page = refused.content.decode()
    assert refused.status_code == 400 and "Line 2" in page and "Japan–Thailand AEO MRA" in page
    done = client.post(reverse("mra:mra_new"), {**data, "scope": "IMP | AEO importer"})
    mra = Arrangement.objects.get(title="Japan–Thailand AEO MRA")
    assert done.status_code == 302 and done.url == reverse("mra:mra_detail", args=[mra.pk])
    assert mra.status == "negotiating" and [e.code for e in mra.partners.all()] == ["TH"]
    assert [(s.our_type, s.partner_type) for s in mra.scope.all()] == [("IMP", "AEO importer")]
    stage, other = mra.indicators.order_by("pk")
    assert (stage.stage, stage.target_change_pct) == (1, -20.0) and other.stage is None
    assert mra.documents.get().url == "https://example.org/jp-th.pdf"
