"""Pages: the trader's check sheet (plain posts and htmx) and the policy officer's catalogue."""

import pytest
from django.test import Client
from django.urls import reverse

from aeo.core.tests.helpers import post_confirmed
from aeo.registry.tests.factories import TraderFactory
from aeo.requirements import selectors, services
from aeo.requirements.constants import TemplateStatus
from aeo.requirements.models import Question
from aeo.requirements.tests.factories import complete, pdf

pytestmark = pytest.mark.django_db


def q(sheet, code):
    return Question.objects.get(template=sheet.template, code=code)


def test_trader_starts_and_continues_a_self_assessment(client, trader):
    client.force_login(trader)
    page = client.get(reverse("requirements:index"))
    assert "Start a self-assessment" in page.text
    response = client.post(reverse("requirements:start"))
    sheet = trader.operator.self_assessments.get()
    assert response.url == reverse("requirements:sheet", args=[sheet.pk])
    assert "Continue your self-assessment" in client.get(reverse("requirements:index")).text
    body = client.get(response.url).text
    assert "Compliance record" in body
    assert "Conveyance security" not in body  # not an importer's requirement
    assert "usa-step-indicator" in body
    assert "0 of" in body


def field(question, name="value"):
    return f"q{question.pk}-{name}"


def section_of(sheet, code):
    """The number (from 1) of the section that holds the question."""
    sections = selectors.check_sheet(sheet)
    return next(
        n for n, s in enumerate(sections, 1) if any(r.question.code == code for r in s.rows)
    )


def test_the_check_sheet_is_one_section_per_page(client, trader, sheet):
    client.force_login(trader)
    sections = selectors.check_sheet(sheet)
    first = client.get(reverse("requirements:sheet", args=[sheet.pk])).text
    assert f"Section 1 of {len(sections)}" in first
    assert f'id="q-{sections[0].rows[0].question.pk}"' in first
    assert f'id="q-{sections[1].rows[0].question.pk}"' not in first
    second = reverse("requirements:section", args=[sheet.pk, 2])
    assert f'href="{second}" rel="next"' in first
    page = client.get(second).text
    assert f"Section 2 of {len(sections)}" in page
    assert f'id="q-{sections[1].rows[0].question.pk}"' in page
    assert "Previous section" in page
    beyond = reverse("requirements:section", args=[sheet.pk, len(sections) + 1])
    assert client.get(beyond).status_code == 404


def test_a_section_post_saves_its_answers_and_moves_on_keeping_what_was_typed(
    client, trader, sheet
):
    """Without JavaScript: one submit per section saves it and opens the next one."""
    client.force_login(trader)
    number = section_of(sheet, "CR-3")
    url = reverse("requirements:section", args=[sheet.pk, number])
    cr3 = q(sheet, "CR-3")
    saved = client.post(url, {field(cr3): "4"})
    assert saved.status_code == 302
    assert saved.url == reverse("requirements:section", args=[sheet.pk, number + 1])
    assert sheet.answers.get().value == 4  # the untouched questions get no empty answer

    refused = client.post(url, {field(cr3): "four"})
    assert refused.status_code == 400
    assert "Enter a number." in refused.text
    assert 'value="four"' in refused.text  # kept as typed, next to its error
    assert sheet.answers.get().value == 4


def test_autosave_answers_one_question_with_its_status(client, trader, sheet):
    client.force_login(trader)
    cr1 = q(sheet, "CR-1")
    url = reverse("requirements:answer", args=[sheet.pk, cr1.pk])
    response = client.post(url, {field(cr1): "no"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert f'id="qs-{cr1.pk}"' in response.text
    assert 'aria-live="polite"' in response.text
    assert "Saved" in response.text
    assert 'hx-swap-oob="true"' in response.text
    assert "Requirement not met" in response.text
    assert "<html" not in response.text
    assert sheet.answers.get().value is False
    cr3 = q(sheet, "CR-3")
    url = reverse("requirements:answer", args=[sheet.pk, cr3.pk])
    refused = client.post(url, {field(cr3): "four"}, HTTP_HX_REQUEST="true")
    assert "Not saved: Enter a number." in refused.text
    assert sheet.answers.count() == 1


def test_autosave_and_section_posts_need_the_csrf_token(trader, sheet):
    client = Client(enforce_csrf_checks=True)
    client.force_login(trader)
    cr1 = q(sheet, "CR-1")
    url = reverse("requirements:answer", args=[sheet.pk, cr1.pk])
    assert client.post(url, {field(cr1): "yes"}, HTTP_HX_REQUEST="true").status_code == 403
    section = reverse("requirements:section", args=[sheet.pk, 1])
    assert client.post(section, {field(cr1): "yes"}).status_code == 403
    assert not sheet.answers.exists()


def test_first_gap_opens_its_section_at_the_question(client, trader, sheet):
    client.force_login(trader)
    url = reverse("requirements:first_gap", args=[sheet.pk])
    first = selectors.gaps(sheet)[0].question
    assert client.get(url).url == reverse("requirements:section", args=[sheet.pk, 1]) + (
        f"#q-{first.pk}"
    )
    complete(sheet, trader)
    oa5 = sheet.evidence.get(question=q(sheet, "OA-5"))
    services.withdraw_evidence(actor=trader, item=oa5)  # the one gap left
    number = section_of(sheet, "OA-5")
    expected = reverse("requirements:section", args=[sheet.pk, number])
    assert client.get(url).url == f"{expected}#q-{q(sheet, 'OA-5').pk}"


def test_upload_page_refuses_a_fake_pdf(client, trader, sheet):
    client.force_login(trader)
    url = reverse("requirements:upload", args=[sheet.pk, q(sheet, "OA-5").pk])
    fake = pdf(content=b"plain text")
    response = client.post(url, {"file": fake})
    assert response.status_code == 400
    assert "not a valid .pdf file" in response.text
    # the form posts to its question's anchor, so the refused page opens at the error
    assert f'action="{url}#q-{q(sheet, "OA-5").pk}"' in response.text
    assert client.post(url, {"file": pdf()}).status_code == 302
    assert sheet.evidence.count() == 1


def test_ready_to_apply_once_no_gap_remains(client, trader, sheet):
    complete(sheet, trader)
    client.force_login(trader)
    assert "Ready to apply" in client.get(reverse("requirements:sheet", args=[sheet.pk])).text


def test_another_trader_gets_404(client, sheet):
    client.force_login(TraderFactory())
    assert client.get(reverse("requirements:sheet", args=[sheet.pk])).status_code == 404
    assert client.get(reverse("requirements:first_gap", args=[sheet.pk])).status_code == 404
    cr1 = q(sheet, "CR-1")
    url = reverse("requirements:answer", args=[sheet.pk, cr1.pk])
    assert client.post(url, {field(cr1): "yes"}, HTTP_HX_REQUEST="true").status_code == 404
    section = reverse("requirements:section", args=[sheet.pk, 1])
    assert client.post(section, {field(cr1): "yes"}).status_code == 404
    assert not sheet.answers.exists()


def test_policy_officer_drafts_edits_and_publishes(client, policy_officer):
    client.force_login(policy_officer)
    v1 = selectors.current_template()
    v1_page = client.get(reverse("requirements:template_detail", args=[v1.pk])).text
    assert "read-only" in v1_page
    assert "Edit criterion" not in v1_page
    edit_v1 = reverse("requirements:criterion_edit", args=[v1.pk, v1.criteria.first().pk])
    assert client.get(edit_v1).status_code == 403

    client.post(reverse("requirements:template_create"), {"notes": "Cyber"})
    draft = selectors.template_versions().get(status=TemplateStatus.DRAFT)
    response = client.post(
        reverse("requirements:criterion_create", args=[draft.pk]),
        {"code": "IT", "area": "security", "title": "Information security"},
    )
    assert response.status_code == 302
    criterion = draft.criteria.get(code="IT")
    new_question = reverse("requirements:question_create", args=[draft.pk, criterion.pk])
    bad = client.post(new_question, {"code": "IT-1", "text": "Pick", "kind": "choice"})
    assert bad.status_code == 200
    assert "Give at least two different choices." in bad.text
    client.post(
        new_question,
        {"code": "IT-1", "text": "Which?", "kind": "choice", "choices": "A\nB", "required": "on"},
    )
    assert criterion.questions.get().choices == ["A", "B"]

    publish = reverse("requirements:template_publish", args=[draft.pk])
    asked = client.post(publish, {"notes": "v2"})
    assert "it can no longer be changed, every new self-assessment uses it" in asked.text
    assert selectors.current_template() != draft  # not before it is confirmed
    post_confirmed(client, publish, {"notes": "v2"})
    assert selectors.current_template() == draft


def test_traders_do_not_see_the_catalogue_pages(client, trader):
    client.force_login(trader)
    assert client.get(reverse("requirements:template_list")).status_code == 403
    assert client.post(reverse("requirements:template_create")).status_code == 403
    assert not selectors.template_versions().filter(status=TemplateStatus.DRAFT).exists()


def test_officials_see_the_check_sheet_read_only(client, examiner, trader, sheet):
    client.force_login(trader)
    with_sme = next(
        n
        for n, s in enumerate(selectors.check_sheet(sheet), 1)
        if s.criterion.sme_alternatives and any(r.question.kind == "yes_no" for r in s.rows)
    )
    own = client.get(reverse("requirements:section", args=[sheet.pk, with_sme])).text
    assert "Do you meet this through a third party (SME alternative)?" in own  # an SME
    assert "Save and go to the next section" in own
    assert "hx-post" in own
    client.force_login(examiner)
    page = client.get(reverse("requirements:sheet", args=[sheet.pk]))
    assert page.status_code == 200
    assert "Save and go to the next section" not in page.text
    assert "hx-post" not in page.text
    cr1 = q(sheet, "CR-1")
    section = reverse("requirements:section", args=[sheet.pk, 1])
    assert client.post(section, {field(cr1): "yes"}).status_code == 403
    assert '<fieldset class="usa-fieldset" disabled>' in page.text


def test_section_nav_counts_answers_and_links_the_first_gap(client, trader, sheet):
    client.force_login(trader)
    page = client.get(reverse("requirements:sheet", args=[sheet.pk])).text
    sections = selectors.check_sheet(sheet)
    nav = page.split('data-testid="section-nav"')[1].split("</nav>")[0]
    for number, _section in enumerate(sections, 1):
        assert f'href="{reverse("requirements:section", args=[sheet.pk, number])}"' in nav
    first_gap = reverse("requirements:first_gap", args=[sheet.pk])
    assert f'href="{first_gap}" data-testid="first-gap"' in page
    cr1 = q(sheet, "CR-1")
    url = reverse("requirements:answer", args=[sheet.pk, cr1.pk])
    swapped = client.post(url, {field(cr1): "yes"}, HTTP_HX_REQUEST="true").text
    section = next(s for s in selectors.check_sheet(sheet) if s.criterion == cr1.criterion)
    assert f"{section.answered}/{len(section.rows)}" in swapped.split("section-nav")[1]
    assert section.answered >= 1
