"""MRAs in the browser: a trader gives, then withdraws, its consent to the exchange (each
confirmed on the page), and a border officer pastes several identifiers and reads each one's
status, in English and in Japanese."""

import pytest
from playwright.sync_api import expect

from aeo.accounts.constants import Role
from aeo.authorizations import services as authorization_services
from aeo.benefits.tests.helpers import aeo
from aeo.mra.constants import ConsentStatus
from aeo.mra.models import ExchangeConsent
from aeo.registry.tests.factories import UserFactory
from tests.browser.conftest import sign_in

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("reference_data")]

PASSWORD = "pw-test-123"
WORDS = {
    "en": {
        "give": "Give my consent",
        "withdraw": "Withdraw my consent",
        "given": "Consent given: your status is sent to MRA partners.",
        "withdrawn": "Consent withdrawn: your status is not sent.",
        "active": "Active",
        "suspended": "Suspended",
        "unknown": "Unknown",
    },
    "ja": {
        "give": "同意する",
        "withdraw": "同意を撤回する",
        "given": "同意済み：貴社のステータスはMRA相手国に送信されます。",
        "withdrawn": "同意撤回済み：貴社のステータスは送信されません。",
        "active": "有効",
        "suspended": "効力停止中",
        "unknown": "不明",
    },
}


def _page(browser, live_server, lang: str):
    context = browser.new_context(base_url=live_server.url, locale=lang)
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.on("dialog", lambda dialog: dialog.accept())
    return context, page


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_consent_given_and_withdrawn_then_statuses_checked(browser, live_server, lang):
    words = WORDS[lang]
    operator, trader, _ = aeo(legal_name="Sakura Trading K.K.")
    other, _, (suspended,) = aeo(legal_name="Fuji Precision K.K.")
    authorization_services.suspend(
        actor=None, authorization=suspended, ground="facts", reason="audit"
    )
    officer = UserFactory(role=Role.BORDER_OFFICER)

    context, page = _page(browser, live_server, lang)
    sign_in(page, trader.username, PASSWORD)
    page.goto("/mra/consent/")
    page.get_by_role("button", name=words["give"]).click()
    expect(page.locator("main")).to_contain_text(words["given"])
    page.get_by_role("button", name=words["withdraw"]).click()
    expect(page.locator("main")).to_contain_text(words["withdrawn"])
    expect(page.get_by_role("button", name=words["give"])).to_be_visible()
    assert ExchangeConsent.objects.get(operator=operator).status == ConsentStatus.WITHDRAWN
    context.close()

    context, page = _page(browser, live_server, lang)
    sign_in(page, officer.username, PASSWORD)
    page.goto("/mra/verify/")
    page.locator("[name=ids]").fill(f"{operator.tin}\n{other.tin}\n9999999999999")
    page.locator("main form button[type=submit]").click()
    rows = page.locator("main table tbody tr")
    expect(rows).to_have_count(3)
    for row, status in zip(range(3), ("active", "suspended", "unknown"), strict=True):
        expect(rows.nth(row).locator("td").nth(1)).to_have_text(words[status])
    context.close()
