"""After authorization, in the browser: an incident leads to a corrective action that is put right.

The AEO reports an incident with an attachment from its home; its account manager acknowledges
it and assesses it as calling for a corrective action, which that raises; the AEO sees what it
must do on its home and responds with evidence; the unit's auditor verifies and accepts it.
"""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from aeo.accounts.constants import Role
from aeo.supervision.models import CorrectiveAction, Incident
from aeo.supervision.services.contacts import assign_account_manager
from aeo.supervision.tests.helpers import aeo, official
from tests.browser.conftest import sign_in
from tests.browser.test_authorization_journey import PDF, act, state

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("reference_data")]

PASSWORD = "pw-test-123"
SUMMARY = "Seal number not matching the manifest"


def file(name: str) -> dict:
    return {"name": name, "mimeType": "application/pdf", "buffer": PDF}


def test_incident_to_corrective_action_to_verification(new_page):
    operator, trader = aeo(legal_name="Sakura Foods Import Co., Ltd.", employee_count=35)
    trader.set_password(PASSWORD)
    trader.save()
    manager = official(Role.ACCOUNT_MANAGER, first_name="Hana", last_name="Mori")
    manager.set_password(PASSWORD)
    manager.save()
    assign_account_manager(actor=None, operator=operator, manager=manager)
    auditor = official(Role.AUDITOR)
    auditor.set_password(PASSWORD)
    auditor.save()

    # The AEO reports from its home, with the file that shows what happened.
    aeo_page = new_page()
    sign_in(aeo_page, trader.username, PASSWORD)
    expect(aeo_page.locator("#my-aeo")).to_contain_text("Hana Mori")
    aeo_page.get_by_role("link", name="Report an incident").click()
    when = (timezone.localtime() - timedelta(hours=3)).strftime("%Y-%m-%dT%H:%M")
    aeo_page.fill("[name=occurred_at]", when)
    aeo_page.fill("[name=summary]", SUMMARY)
    aeo_page.fill("[name=declarations]", "1234567890")
    aeo_page.locator("[name=attachments]").set_input_files(files=[file("seal-photo.pdf")])
    aeo_page.locator("main form button[type=submit]").click()
    expect(state(aeo_page)).to_have_text("Reported")
    expect(aeo_page.get_by_role("link", name="seal-photo.pdf")).to_be_visible()
    incident = Incident.objects.get(summary=SUMMARY)

    # The account manager finds it in the queue, acknowledges and assesses it.
    manager_page = new_page()
    sign_in(manager_page, manager.username, PASSWORD)
    manager_page.goto("/supervision/queue/")
    manager_page.get_by_role("link", name=SUMMARY).click()
    act(manager_page, "acknowledge")
    expect(state(manager_page)).to_have_text("Acknowledged")
    act(
        manager_page,
        "assess",
        {
            "comment": "The seal log was not kept.",
            "action_description": "Keep a numbered seal log.",
            "due_business_days": "10",
        },
        tick="Corrective action",
    )
    expect(state(manager_page)).to_have_text("Assessed")
    action = CorrectiveAction.objects.get(incident=incident)
    expect(manager_page.get_by_role("link", name=f"#{action.pk}")).to_be_visible()

    # The AEO sees what it must do on its home and answers with evidence.
    aeo_page.goto("/")
    obligations = aeo_page.get_by_test_id("obligations")
    expect(obligations).to_contain_text(f"respond by {action.due_on:%Y-%m-%d}")
    obligations.get_by_role("link", name=f"#{action.pk}").click()
    expect(aeo_page.locator("main")).to_contain_text("Keep a numbered seal log.")
    aeo_page.fill("[name='respond-response']", "Numbered seals and a log since Monday.")
    aeo_page.locator("[name='respond-file']").set_input_files(files=[file("seal-log.pdf")])
    aeo_page.get_by_role("button", name="Send the response").click()
    expect(aeo_page.locator(".usa-alert--success")).to_contain_text("Response sent.")

    # The unit's auditor verifies it from the list of corrective actions.
    auditor_page = new_page()
    sign_in(auditor_page, auditor.username, PASSWORD)
    auditor_page.goto("/supervision/actions/")
    auditor_page.get_by_role("link", name=str(action.pk), exact=True).click()
    expect(auditor_page.locator("main")).to_contain_text("seal-log.pdf")
    auditor_page.locator("[name='verify-decision']").select_option("accepted")
    auditor_page.get_by_role("button", name="Record the verification").click()
    expect(auditor_page.locator(".usa-alert--success")).to_contain_text("Verification recorded.")
    action.refresh_from_db()
    assert action.status == "accepted"

    # Nothing is left for the AEO to do.
    aeo_page.goto("/")
    expect(aeo_page.get_by_test_id("obligations")).to_have_count(0)
