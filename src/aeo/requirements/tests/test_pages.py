"""Pages: the trader's check sheet (plain posts and htmx) and the policy officer's catalogue."""

import pytest
from django.urls import reverse

from aeo.core.tests.helpers import post_confirmed
from aeo.registry.tests.factories import TraderFactory
from aeo.requirements import selectors
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


def test_plain_form_posts_save_answers_and_show_errors(client, trader, sheet):
    client.force_login(trader)
    url = reverse("requirements:answer", args=[sheet.pk, q(sheet, "CR-3").pk])
    saved = client.post(url, {"value": "4"})
    assert saved.status_code == 302
    assert saved.url.endswith(f"#q-{q(sheet, 'CR-3').pk}")
    assert sheet.answers.get().value == 4

    refused = client.post(url, {"value": "four"})
    assert refused.status_code == 400
    assert "Enter a number." in refused.text
    assert sheet.answers.get().value == 4


def test_htmx_post_swaps_the_question_and_the_status(client, trader, sheet):
    client.force_login(trader)
    url = reverse("requirements:answer", args=[sheet.pk, q(sheet, "CR-1").pk])
    response = client.post(url, {"value": "no"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert f'id="q-{q(sheet, "CR-1").pk}"' in response.text
    assert 'hx-swap-oob="true"' in response.text
    assert "Requirement not met" in response.text
    assert "<html" not in response.text


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
    url = reverse("requirements:answer", args=[sheet.pk, q(sheet, "CR-1").pk])
    assert client.post(url, {"value": "yes"}).status_code == 404
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
    own = client.get(reverse("requirements:sheet", args=[sheet.pk])).text
    assert "Do you meet this through a third party (SME alternative)?" in own  # an SME
    assert "Save answer" in own
    client.force_login(examiner)
    page = client.get(reverse("requirements:sheet", args=[sheet.pk]))
    assert page.status_code == 200
    assert "Save answer" not in page.text
    assert '<fieldset class="usa-fieldset" disabled>' in page.text


def test_section_nav_counts_answers_and_links_the_first_gap(client, trader, sheet):
    client.force_login(trader)
    page = client.get(reverse("requirements:sheet", args=[sheet.pk])).text
    sections = selectors.check_sheet(sheet)
    nav = page.split('data-testid="section-nav"')[1].split("</nav>")[0]
    for section in sections:
        assert f'href="#c-{section.criterion.code}"' in nav
    first = selectors.gaps(sheet)[0].question
    assert f'href="#q-{first.pk}" data-testid="first-gap"' in page
    cr1 = q(sheet, "CR-1")
    url = reverse("requirements:answer", args=[sheet.pk, cr1.pk])
    swapped = client.post(url, {"value": "yes"}, HTTP_HX_REQUEST="true").text
    section = next(s for s in selectors.check_sheet(sheet) if s.criterion == cr1.criterion)
    assert f"{section.answered}/{len(section.rows)}" in swapped.split("section-nav")[1]
    assert section.answered >= 1
