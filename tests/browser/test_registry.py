"""An examiner finds an operator by name and reads its record and history."""

import pytest

from aeo.accounts.constants import Role
from aeo.registry.models import CustomsOffice
from aeo.registry.tests.factories import OperatorFactory, UserFactory
from tests.browser.conftest import sign_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_examiner_searches_the_registry(page):
    UserFactory(username="ex", role=Role.EXAMINER, office=CustomsOffice.objects.get(code="TOKYO"))
    OperatorFactory(legal_name="Kotobuki Warehousing K.K.", roles=["warehouse_operator"])
    OperatorFactory(legal_name="Seto Shipping Lines Inc.", roles=["sea_carrier"])
    sign_in(page, "ex", "pw-test-123")
    page.click("text=Operators")
    page.fill("#q", "Kotobuki")
    page.wait_for_selector("text=1 operator")
    assert page.locator("text=Seto Shipping Lines Inc.").count() == 0
    page.click("text=Kotobuki Warehousing K.K.")
    page.wait_for_selector("h1:has-text('Kotobuki Warehousing K.K.')")
    assert page.locator("text=Warehouse operator").count() >= 1
