"""The whole AEO journey in the browser.

A Tokyo SME importer fills and submits its check sheet; a Tokyo examiner accepts the
application, pauses it for information, the trader responds (the clock resumes), the examiner
records the validation visit and authorizes; the public register then shows the new AEO.
"""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from aeo.accounts.constants import Role
from aeo.applications.models import Application
from aeo.authorizations.models import Authorization
from aeo.authorizations.services import issue_authorizations
from aeo.registry.models import CustomsOffice
from aeo.registry.tests.factories import OperatorFactory, TraderFactory, UserFactory
from aeo.requirements import selectors
from aeo.requirements.constants import QuestionKind
from tests.browser.conftest import sign_in

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("reference_data")]

PASSWORD = "pw-test-123"
LEGAL_NAME = "Kanda Precision Imports K.K."
OTHER_AEO = "Seto Shipping Lines Inc."
# The smallest thing the upload check accepts as a PDF: the right extension and magic bytes.
PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
# An SME may meet the internal-audit requirement through a third-party auditor.
SME_QUESTION, SME_ALTERNATIVE = "IA-1", "Internal audit by a third party"


def state(page: Page):
    return page.get_by_test_id("state")


def act(page: Page, name: str, fields: dict[str, str] | None = None, tick: str = "") -> None:
    """Open the action's accordion panel (unless it is open), fill it and submit it."""
    button = page.locator(f"button.usa-accordion__button[aria-controls='act-{name}']")
    if button.get_attribute("aria-expanded") != "true":
        button.click()
    form = page.locator(f"form[data-action='{name}']")
    expect(form).to_be_visible()
    for field, value in (fields or {}).items():
        form.locator(f"[name='{name}-{field}']").fill(value)
    if tick:  # USWDS radios and checkboxes are styled labels over off-screen inputs
        form.get_by_text(tick, exact=True).click()
    form.locator("button[type=submit]").click()
    if name in CONFIRMED:  # a final step says what will happen and asks again
        form = page.locator(f"form[data-action='{name}']")
        expect(form.get_by_test_id("confirmation")).to_be_visible()
        form.get_by_role("button", name="Confirm:").click()
    expect(page.locator(".usa-alert--success", has_text="Done:")).to_be_visible()


CONFIRMED = {"decide", "suspend", "revoke"}


def upload(page: Page, pk: int, code: str) -> None:
    box = page.locator(f"#q-{pk}")
    box.locator("input[type=file]").set_input_files(
        files=[{"name": f"{code}.pdf", "mimeType": "application/pdf", "buffer": PDF}]
    )
    box.get_by_role("button", name="Upload").click()
    # The upload is a plain post: the sheet reloads with the file listed under its question.
    expect(page.locator(f"#q-{pk}").get_by_role("link", name=f"{code}.pdf")).to_be_visible()


def fill_check_sheet(page: Page, sa) -> None:
    """Answer every question of the sheet as a trader would, one section per page: each
    answer saves as it is given, the section's submit opens the next; progress and gaps."""
    sections = selectors.check_sheet(sa)
    total = sum(len(section.rows) for section in sections)
    status = page.locator("#sheet-status")
    progress = status.locator(".usa-step-indicator__heading-text")
    expect(progress).to_have_text(f"0 of {total} questions answered")
    required = sum(row.question.required for section in sections for row in section.rows)
    expect(status.locator(".usa-alert--warning .usa-alert__heading")).to_have_text(
        f"{required} gaps before you can apply"
    )
    last_date = (timezone.localdate() - timedelta(days=90)).isoformat()
    number_checked = False
    answered = 0
    for number, section in enumerate(sections, start=1):
        expect(page.get_by_test_id("section-of")).to_have_text(
            f"Section {number} of {len(sections)}"
        )
        for row in section.rows:
            answered += 1
            question, pk = row.question, row.question.pk
            box = page.locator(f"#q-{pk}")
            saved = page.locator(f"#qs-{pk}")
            if question.kind == QuestionKind.EVIDENCE:
                upload(page, pk, question.code)
                expect(progress).to_have_text(f"{answered} of {total} questions answered")
                continue
            match question.kind:
                case QuestionKind.YES_NO:
                    choice = "no" if question.code == SME_QUESTION else "yes"
                    box.locator(f"label[for='v-{pk}-{choice}']").click()
                case QuestionKind.CHOICE:
                    box.locator(f"label[for='v-{pk}-1']").click()
                case QuestionKind.TEXT:
                    box.locator(f"#v-{pk}").fill(f"{question.code}: documented in our CP manual.")
                    box.locator(f"#v-{pk}").blur()
                case QuestionKind.NUMBER:
                    if not number_checked:  # a wrong entry is refused next to the question
                        box.locator(f"#v-{pk}").fill("about ten")
                        box.locator(f"#v-{pk}").blur()
                        expect(saved).to_contain_text("Not saved: Enter a number.")
                        expect(box.locator(f"#v-{pk}")).to_have_value("about ten")
                        number_checked = True
                    box.locator(f"#v-{pk}").fill("12")
                    box.locator(f"#v-{pk}").blur()
                case QuestionKind.DATE:
                    box.locator(f"#v-{pk}").fill(last_date)
                    box.locator(f"#v-{pk}").blur()
            expect(saved).to_contain_text("Saved")
            if question.code == SME_QUESTION:
                box.locator(f"#sme-{pk}").select_option(label=SME_ALTERNATIVE)
                expect(saved).to_contain_text("Upload evidence of the third-party arrangement")
            # htmx swaps the question's status and, out of band, the progress and the gaps.
            expect(progress).to_have_text(f"{answered} of {total} questions answered")
            if question.code == SME_QUESTION:
                # "No" through a third party is accepted, once the arrangement is documented.
                upload(page, pk, f"{question.code}-third-party-audit")
                expect(page.locator(f"#q-{pk}")).not_to_contain_text("Evidence missing")
            else:
                expect(saved.locator(".usa-tag")).to_have_count(0)  # no gap on this question
        if number < len(sections):
            page.get_by_role("button", name="Save and go to the next section").click()
    expect(status.get_by_role("heading", name="Ready to apply")).to_be_visible()
    expect(status.locator(".usa-alert--warning")).to_have_count(0)


def test_trader_applies_examiner_authorizes_register_shows_aeo(page, new_page, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    tokyo = CustomsOffice.objects.get(code="TOKYO")
    operator = OperatorFactory(legal_name=LEGAL_NAME, roles=["importer"], employee_count=40)
    assert operator.is_sme and operator.office == tokyo
    TraderFactory(username="kanda", operator=operator)
    UserFactory(username="tanaka", role=Role.EXAMINER, office=tokyo)
    # Another AEO already on the register, so that the public search has something to leave out.
    other = OperatorFactory(legal_name=OTHER_AEO, roles=["sea_carrier"])
    issue_authorizations(actor=None, operator=other, roles=["sea_carrier"])
    today = timezone.localdate()

    # --- Trader: start the application, fill the check sheet, submit ---------------------------
    trader = page
    sign_in(trader, "kanda", PASSWORD)
    trader.get_by_role("link", name="Apply", exact=True).click()
    expect(trader.get_by_role("heading", level=1)).to_have_text(
        "Becoming an Authorized Economic Operator"
    )
    trader.get_by_role("button", name="Start an application").click()
    expect(state(trader)).to_have_text("Draft")
    expect(trader.locator(".usa-intro")).to_contain_text("Tokyo Customs · SME expedited")
    application = Application.objects.get(operator=operator)
    assert application.office == tokyo
    callout = trader.get_by_test_id("sheet-callout")
    expect(callout).to_contain_text("Next: complete your self-assessment")
    callout.get_by_role("link", name="Open the check sheet").click()
    expect(trader.get_by_role("heading", level=1)).to_have_text("Self-assessment check sheet")
    expect(trader.locator(".usa-intro .usa-tag", has_text="SME")).to_be_visible()
    fill_check_sheet(trader, application.self_assessment)

    trader.get_by_test_id("go-apply").click()
    expect(state(trader)).to_have_text("Draft")
    act(trader, "submit")
    expect(state(trader)).to_have_text("Submitted")
    expect(trader.get_by_text(re.compile(r"\d+ answers, template v1"))).to_be_visible()

    # --- Examiner: accept, then pause for information ------------------------------------------
    examiner = new_page()
    sign_in(examiner, "tanaka", PASSWORD)
    examiner.get_by_role("link", name="Applications", exact=True).click()
    expect(examiner.get_by_role("heading", name="Awaiting acceptance")).to_be_visible()
    examiner.get_by_role("link", name=f"#{application.pk} {LEGAL_NAME}").click()
    expect(state(examiner)).to_have_text("Submitted")
    act(examiner, "accept", {"comment": "Complete; examination starts."})
    expect(state(examiner)).to_have_text("Under examination")
    clock = examiner.get_by_role("region", name="Statutory clock")
    expect(clock).to_be_visible()
    expect(clock.get_by_text("Paused", exact=True)).to_have_count(0)

    respond_by = today + timedelta(days=14)
    act(
        examiner,
        "request_information",
        {
            "request": "Send the latest third-party audit engagement letter.",
            "resume_by": respond_by.isoformat(),
        },
    )
    expect(state(examiner)).to_have_text("Paused: information requested")
    expect(clock.get_by_text("Paused", exact=True)).to_be_visible()
    expect(
        examiner.get_by_role("heading", name=f"Information requested — respond by {respond_by}")
    ).to_be_visible()

    # --- Trader: respond; the examination resumes ------------------------------------------------
    trader.goto(f"/applications/{application.pk}/")
    expect(state(trader)).to_have_text("Paused: information requested")
    expect(
        trader.get_by_text("Send the latest third-party audit engagement letter.").first
    ).to_be_visible()
    act(trader, "respond", {"response": "Aoba Audit LLC, engaged on 2024-04-01 for three years."})
    expect(state(trader)).to_have_text("Under examination")
    expect(
        trader.get_by_role("region", name="Statutory clock").get_by_text("Paused", exact=True)
    ).to_have_count(0)

    # --- Examiner: validation visit, then the decision --------------------------------------------
    examiner.reload()
    expect(state(examiner)).to_have_text("Under examination")
    act(
        examiner,
        "record_visit",
        {"visited_on": today.isoformat(), "findings": "Seals, access control and CP verified."},
        tick="Requirements met on site",
    )
    expect(state(examiner)).to_have_text("Validation visit recorded")
    expect(examiner.get_by_text("requirements met: Seals, access control")).to_be_visible()
    act(examiner, "decide", {"text": "All requirements are met."}, tick="Authorize")
    expect(state(examiner)).to_have_text("Authorized")

    authorizations = list(Authorization.objects.filter(operator=operator))
    assert authorizations, "authorizing the application issued no authorization"
    trader.reload()
    expect(state(trader)).to_have_text("Authorized")

    # --- Public: the register lists the new AEO ---------------------------------------------------
    public = new_page()
    public.goto("/aeo/register/")
    expect(public.get_by_role("link", name="Sign in")).to_be_visible()
    results = public.locator("#authorization-results")
    expect(results).to_contain_text(OTHER_AEO)
    public.fill("#q", "Kanda Precision")
    expect(public).to_have_url(re.compile(r"q=Kanda"))  # htmx searched and pushed the URL
    expect(results.locator("p").first).to_have_text(
        re.compile(rf"^{len(authorizations)} authorizations?$")
    )
    expect(results).not_to_contain_text(OTHER_AEO)
    for authorization in authorizations:
        row = results.get_by_role("row").filter(has_text=authorization.aeo_number)
        expect(row).to_contain_text(LEGAL_NAME)
        expect(row).to_contain_text("Active")
