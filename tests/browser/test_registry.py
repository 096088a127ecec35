"""An examiner finds an operator by name and reads its record and history."""

import re

import pytest
from playwright.sync_api import expect

from aeo.accounts.constants import Role
from aeo.registry.models import CustomsOffice
from aeo.registry.tests.factories import OperatorFactory, UserFactory
from tests.browser.conftest import sign_in

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("reference_data")]


def test_examiner_searches_the_registry(page):
    UserFactory(username="ex", role=Role.EXAMINER, office=CustomsOffice.objects.get(code="TOKYO"))
    OperatorFactory(legal_name="Kotobuki Warehousing K.K.", roles=["warehouse_operator"])
    OperatorFactory(legal_name="Seto Shipping Lines Inc.", roles=["sea_carrier"])
    sign_in(page, "ex", "pw-test-123")
    page.get_by_role("link", name="Operators", exact=True).click()
    results = page.locator("#operator-results")
    expect(results).to_contain_text("2 operators")
    page.fill("#q", "Kotobuki")
    expect(results).to_contain_text("1 operator")
    expect(page).to_have_url(re.compile(r"q=Kotobuki"))  # the search is in the address bar
    expect(results).not_to_contain_text("Seto Shipping Lines Inc.")
    results.get_by_role("link", name="Kotobuki Warehousing K.K.").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Kotobuki Warehousing K.K.")
    expect(page.get_by_text("Warehouse operator").first).to_be_visible()
    expect(page.get_by_role("heading", name="History")).to_be_visible()
