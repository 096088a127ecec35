"""The default catalogue, and versions: a published template never changes."""

import pytest
from django.core.exceptions import PermissionDenied

from aeo.core.errors import Conflict, DomainError
from aeo.core.models import AuditEvent
from aeo.requirements import selectors, services
from aeo.requirements.constants import Area, QuestionKind, SmeAlternative, TemplateStatus
from aeo.requirements.data.catalogue import CRITERIA

pytestmark = pytest.mark.django_db


def test_default_catalogue_is_loaded_as_published_version_1():
    template = selectors.current_template()
    assert template is not None
    assert (template.number, template.status) == (1, TemplateStatus.PUBLISHED)
    criteria = selectors.criteria_for(template)
    assert [c.code for c in criteria] == [c["code"] for c in CRITERIA]
    assert {c.area for c in criteria} == set(Area.values)
    for criterion in criteria:
        assert 3 <= len(criterion.questions.all()) <= 6, criterion.code
    kinds = {q.kind for q in template.questions.all()}
    assert kinds == set(QuestionKind.values)
    alternatives = {a for c in criteria for a in c.sme_alternatives}
    assert alternatives == set(SmeAlternative.values)


def test_the_japan_compliance_programme_is_covered():
    titles = {c.title for c in selectors.criteria_for(selectors.current_template())}
    assert {
        "Compliance record",
        "Proper ability to conduct operations",
        "Cargo security",
        "Conveyance security",
        "Premises security",
        "Personnel security",
        "Business partner security",
        "Organizational set-up",
        "Due customs procedures",
        "Internal audit",
        "Contracting parties' requirements",
        "Communication with customs",
        "Crisis management",
        "Financial integrity",
        "Education and training",
    } <= titles


def test_a_published_version_refuses_edits(policy_officer):
    template = selectors.current_template()
    criterion = template.criteria.get(code="IA")
    question = criterion.questions.get(code="IA-1")
    with pytest.raises(Conflict):
        services.save_criterion(
            actor=policy_officer, template=template, criterion=criterion, data={"title": "Changed"}
        )
    with pytest.raises(Conflict):
        services.save_question(
            actor=policy_officer, criterion=criterion, question=question, data={"text": "Changed"}
        )
    question.refresh_from_db()
    assert question.text.startswith("Is an internal audit")


def test_new_draft_copies_published_version_and_publishing_supersedes_it(policy_officer, sheet):
    v1 = selectors.current_template()
    draft = services.create_draft(actor=policy_officer, notes="Add cyber security")
    assert (draft.number, draft.status, draft.based_on) == (2, TemplateStatus.DRAFT, v1)
    assert sorted(draft.questions.values_list("code", flat=True)) == sorted(
        v1.questions.values_list("code", flat=True)
    )
    with pytest.raises(Conflict):
        services.create_draft(actor=policy_officer)

    criterion = services.save_criterion(
        actor=policy_officer,
        template=draft,
        data={"code": "IT", "area": Area.SECURITY, "title": "Information security", "roles": []},
    )
    services.save_question(
        actor=policy_officer,
        criterion=criterion,
        data={"code": "IT-1", "kind": QuestionKind.YES_NO, "text": "Are passwords managed?"},
    )
    # Editing the draft leaves the published version alone.
    assert not v1.questions.filter(code="IT-1").exists()

    services.publish_template(actor=policy_officer, template=draft)
    v1.refresh_from_db()
    assert v1.status == TemplateStatus.SUPERSEDED
    assert selectors.current_template() == draft
    # A self-assessment keeps the version it answered.
    sheet.refresh_from_db()
    assert sheet.template == v1
    actions = set(AuditEvent.objects.values_list("action", flat=True))
    assert {
        "template.drafted",
        "criterion.added",
        "question.added",
        "template.published",
    } <= actions


def test_draft_edits_are_validated(policy_officer):
    draft = services.create_draft(actor=policy_officer)
    criterion = draft.criteria.get(code="CR")
    with pytest.raises(DomainError) as exc:
        services.save_question(
            actor=policy_officer,
            criterion=criterion,
            data={"code": "CR-9", "kind": QuestionKind.CHOICE, "text": "Pick", "choices": ["A"]},
        )
    assert exc.value.field == "choices"
    with pytest.raises(DomainError) as exc:
        services.save_question(
            actor=policy_officer,
            criterion=criterion,
            data={"code": "CR-1", "kind": QuestionKind.TEXT, "text": "Duplicate code"},
        )
    assert exc.value.field == "code"
    with pytest.raises(DomainError) as exc:
        services.save_criterion(
            actor=policy_officer, template=draft, criterion=criterion, data={"roles": ["pirate"]}
        )
    assert exc.value.field == "roles"


def test_only_policy_officers_edit_the_catalogue(trader, examiner):
    for actor in (trader, examiner):
        with pytest.raises(PermissionDenied):
            services.create_draft(actor=actor)
