"""A benefit from an agency, in the browser: an OGA officer of the food sanitation authority
drafts it for AEO importers, the policy officer publishes it, and the AEO importer sees it
among its benefits on its home."""

import pytest
from playwright.sync_api import expect

from aeo.accounts.constants import Role
from aeo.benefits import services
from aeo.benefits.models import Benefit
from aeo.benefits.tests.helpers import aeo
from aeo.registry.tests.factories import UserFactory
from tests.browser.conftest import sign_in
from tests.browser.test_authorization_journey import act, state

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("reference_data")]

PASSWORD = "pw-test-123"
TITLE = "Fewer food sanitation inspections for AEO importers"


def test_an_agency_benefit_drafted_published_and_seen_by_the_aeo(new_page):
    mhlw = services.create_agency(
        actor=None,
        code="mhlw-food",
        name_en="Ministry of Health, Labour and Welfare",
        name_ja="厚生労働省",
        mandate="food_safety",
    )
    officer = UserFactory(role=Role.OGA_OFFICER, first_name="Hina", last_name="Nakamura")
    services.add_agency_member(actor=None, agency=mhlw, user=officer)
    policy = UserFactory(role=Role.POLICY_OFFICER)
    _, trader, _ = aeo(legal_name="Sakura Foods Import Co., Ltd.")

    # The OGA officer drafts the benefit for its agency.
    oga_page = new_page()
    sign_in(oga_page, officer.username, PASSWORD)
    oga_page.get_by_role("link", name="Benefits", exact=True).first.click()
    oga_page.get_by_role("link", name="Draft a benefit").click()
    form = oga_page.get_by_test_id("benefit-form")
    form.locator("[name=title_en]").fill(TITLE)
    form.locator("[name=title_ja]").fill("AEO輸入者の食品衛生検査の軽減")
    form.get_by_text("Authorized Importer", exact=True).click()
    form.locator("[name=category]").select_option("low_inspection")
    form.locator("[name=description_en]").fill("Monitoring inspections are planned less often.")
    form.locator("button[type=submit]").click()
    expect(state(oga_page)).to_have_text("Draft")
    benefit = Benefit.objects.get(title_en=TITLE)
    assert benefit.agency == mhlw and benefit.aeo_types == ["IMP"]

    # The AEO does not see a draft.
    aeo_page = new_page()
    sign_in(aeo_page, trader.username, PASSWORD)
    expect(aeo_page.locator("#my-benefits")).not_to_contain_text(TITLE)

    # The policy officer finds it among the drafts and publishes it.
    policy_page = new_page()
    sign_in(policy_page, policy.username, PASSWORD)
    policy_page.goto("/benefits/?status=draft")
    policy_page.get_by_role("link", name=TITLE).click()
    act(policy_page, "publish", {"comment": "Agreed under the MoU"})
    expect(state(policy_page)).to_have_text("Published")

    # The AEO importer sees it on its home, and what it means in practice.
    aeo_page.goto("/")
    panel = aeo_page.locator("#my-benefits")
    expect(panel).to_contain_text(TITLE)
    expect(panel).to_contain_text("Ministry of Health, Labour and Welfare")
    panel.get_by_role("link", name=TITLE).click()
    expect(aeo_page.locator("main")).to_contain_text(
        "Monitoring inspections are planned less often."
    )
