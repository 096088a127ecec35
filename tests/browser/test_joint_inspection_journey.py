"""A joint inspection in the browser: a border officer requests it from the benefits section
with a date (scheduled at once), the AEO sees it coming on its home, and the officer records
the result, confirming the final step."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from aeo.accounts.constants import Role
from aeo.benefits import services
from aeo.benefits.tests.helpers import aeo
from aeo.registry.tests.factories import UserFactory
from tests.browser.conftest import sign_in
from tests.browser.test_authorization_journey import state

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("reference_data")]

PASSWORD = "pw-test-123"
PLACE = "Tokyo Port, Ohi container terminal"


def test_a_joint_inspection_requested_seen_by_the_aeo_and_recorded(new_page):
    services.create_agency(
        actor=None, code="maff-pp", name_en="Plant Protection Station", mandate="plant_protection"
    )
    officer = UserFactory(role=Role.BORDER_OFFICER)
    operator, trader, _ = aeo(legal_name="Sakura Flowers Import Co., Ltd.")
    when = timezone.localtime() + timezone.timedelta(days=3)

    page = new_page()
    sign_in(page, officer.username, PASSWORD)
    page.get_by_role("link", name="Benefits", exact=True).first.click()
    page.get_by_role("link", name="Request a joint inspection").first.click()
    form = page.get_by_test_id("edit-form")
    form.locator("[name=operator]").fill(operator.tin)
    form.get_by_text("Plant Protection Station", exact=True).click()
    form.locator("[name=place]").fill(PLACE)
    form.locator("[name=scheduled_at]").fill(when.strftime("%Y-%m-%dT%H:%M"))
    form.locator("button[type=submit]").click()
    expect(state(page)).to_have_text("Scheduled")

    aeo_page = new_page()
    sign_in(aeo_page, trader.username, PASSWORD)
    expect(aeo_page.locator("#my-benefits")).to_contain_text(PLACE)

    page.locator("button.usa-accordion__button[aria-controls='act-record']").click()
    record = page.locator("form[data-action='record']")
    record.locator("[name='record-minutes_saved']").fill("120")
    record.locator("button[type=submit]").click()
    expect(record.get_by_test_id("confirmation")).to_be_visible()
    record.get_by_role("button", name="Confirm:").click()
    expect(state(page)).to_have_text("Performed")
    expect(page.locator("main")).to_contain_text("120 minutes against separate inspections")
