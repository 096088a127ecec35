"""Officials' and traders' pages: list, detail with history and status form, certificate."""

import pytest
from django.urls import reverse

from aeo.accounts.constants import Role
from aeo.authorizations.tests.conftest import issue
from aeo.core.tests.helpers import post_confirmed
from aeo.registry.tests.factories import OperatorFactory, TraderFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_trader_lists_only_its_own(client, authorization, trader):
    other = issue(OperatorFactory())[0]
    client.force_login(trader)
    page = client.get(reverse("authorizations:authorization_list")).text
    assert authorization.aeo_number in page
    assert other.aeo_number not in page


def _act(pk: int, name: str) -> str:
    return reverse("authorizations:act", args=[pk, name])


@pytest.mark.parametrize("name", ["authorization_detail", "certificate", "certificate_pdf", "act"])
def test_another_operators_trader_gets_404(client, authorization, name):
    client.force_login(TraderFactory())
    if name == "act":
        response = client.post(_act(authorization.pk, "surrender"))
    else:
        response = client.get(reverse(f"authorizations:{name}", args=[authorization.pk]))
    assert response.status_code == 404


def test_certificate_page_for_the_holder_and_officials(client, authorization, trader):
    url = reverse("authorizations:certificate", args=[authorization.pk])
    assert client.get(url).status_code == 302  # sign-in first
    for user in (trader, UserFactory(role=Role.BORDER_OFFICER)):
        client.force_login(user)
        page = client.get(url)
        assert page.status_code == 200
        assert authorization.aeo_number in page.text
        assert "Sakura Trading K.K." in page.text
        assert "Authorized Importer" in page.text
        assert "Indefinite" in page.text
        assert "authorizations/certificate.css" in page.text


def test_certificate_says_when_not_in_force(client, authorization, examiner):
    client.force_login(examiner)
    post_confirmed(client, _act(authorization.pk, "revoke"), {"revoke-reason": "Fraud."}, "revoke")
    page = client.get(reverse("authorizations:certificate", args=[authorization.pk]))
    assert "This authorization is not in force: Revoked." in page.text


def test_certificate_pdf(client, authorization, trader):
    client.force_login(trader)
    response = client.get(reverse("authorizations:certificate_pdf", args=[authorization.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert authorization.aeo_number in response["Content-Disposition"]
    assert response.content.startswith(b"%PDF-")
    assert authorization.aeo_number.encode() in response.content  # the document title


def test_certificate_pdf_with_a_japanese_name(client, examiner):
    (authorization,) = issue(OperatorFactory(legal_name="株式会社さくら <商事> & Co."))
    client.force_login(examiner)
    response = client.get(reverse("authorizations:certificate_pdf", args=[authorization.pk]))
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF-")


def test_detail_offers_only_permitted_actions_and_suspends(client, authorization, examiner):
    url = reverse("authorizations:authorization_detail", args=[authorization.pk])
    client.force_login(examiner)
    page = client.get(url).text
    assert _act(authorization.pk, "suspend") in page and _act(authorization.pk, "lift") not in page
    blank = client.post(_act(authorization.pk, "suspend"), {"suspend-ground": "conditions"})
    assert blank.status_code == 400
    assert "Set the end of the period to remedy." in blank.text or "required" in blank.text
    data = {
        "suspend-ground": "conditions",
        "suspend-remedy_by": "2999-01-31",
        "suspend-reason": "Audit findings.",
    }
    asked = client.post(_act(authorization.pk, "suspend"), data)
    assert asked.status_code == 200  # asked first, in words: nothing happened yet
    assert "the operator gets no AEO benefits for this type" in asked.text
    assert "If it is not lifted by 2999-01-31, the authorization is revoked." in asked.text
    assert "Confirm: Suspend" in asked.text
    authorization.refresh_from_db()
    assert authorization.status == "active"
    response = post_confirmed(client, _act(authorization.pk, "suspend"), data, "suspend")
    assert response.status_code == 302
    page = client.get(url).text
    assert "Audit findings." in page and "Period to remedy ends on 2999-01-31" in page
    assert _act(authorization.pk, "lift") in page


def test_holder_may_only_surrender_and_plan_measures(client, authorization, trader, examiner):
    url = reverse("authorizations:authorization_detail", args=[authorization.pk])
    client.force_login(trader)
    page = client.get(url).text
    assert _act(authorization.pk, "surrender") in page
    assert _act(authorization.pk, "revoke") not in page
    forged = client.post(_act(authorization.pk, "revoke"), {"revoke-reason": "Forged."})
    assert forged.status_code == 302  # refused: "not available any more"
    authorization.refresh_from_db()
    assert authorization.status == "active"
    client.force_login(examiner)
    post_confirmed(
        client,
        _act(authorization.pk, "suspend"),
        {"suspend-ground": "facts", "suspend-reason": "Seizure under investigation."},
        "suspend",
    )
    client.force_login(trader)
    client.post(_act(authorization.pk, "measures"), {"measures-plan": "Retrain the staff."})
    assert "Retrain the staff." in client.get(url).text
    client.force_login(UserFactory(role=Role.AUDITOR))
    assert "What you can do now" not in client.get(url).text
    assert client.post(_act(authorization.pk, "lift"), {"lift-reason": "R."}).status_code == 302
    authorization.refresh_from_db()
    assert authorization.status == "suspended"


def test_revocation_asks_again_when_the_answer_changes(client, authorization, examiner):
    client.force_login(examiner)
    url = _act(authorization.pk, "revoke")
    asked = client.post(url, {"revoke-reason": "Fraud."})
    assert "may not apply again for three years" in asked.text
    assert "You are revoking this AEO authorization" in asked.text
    token = asked.text.split('name="revoke-confirmed" value="')[1].split('"')[0]
    # The user ticks "every type" after seeing the question: a new question, nothing revoked.
    changed = client.post(
        url, {"revoke-reason": "Fraud.", "revoke-all_types": "on", "revoke-confirmed": token}
    )
    assert "You are revoking every AEO type this operator holds" in changed.text
    authorization.refresh_from_db()
    assert authorization.status == "active"
    client.post(url, {"revoke-reason": "Fraud.", "revoke-confirmed": token})
    authorization.refresh_from_db()
    assert authorization.status == "revoked"
