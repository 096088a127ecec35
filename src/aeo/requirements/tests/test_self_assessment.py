"""The check sheet: roles, answers by kind, gaps, progress, freeze and reopen."""

import pytest
from django.core.exceptions import PermissionDenied

from aeo.core.errors import Conflict, DomainError, InvalidTransition
from aeo.core.models import AuditEvent
from aeo.registry.tests.factories import OperatorFactory, TraderFactory
from aeo.requirements import selectors, services
from aeo.requirements.constants import AssessmentStatus, GapReason
from aeo.requirements.models import Question
from aeo.requirements.tests.factories import complete, pdf

pytestmark = pytest.mark.django_db


def question(sheet, code):
    return Question.objects.get(template=sheet.template, code=code)


def answer(sheet, actor, code, value, sme_alternative=""):
    return services.answer_question(
        actor=actor,
        self_assessment=sheet,
        question=question(sheet, code),
        value=value,
        sme_alternative=sme_alternative,
    )


def criteria_codes(sheet):
    return [s.criterion.code for s in selectors.check_sheet(sheet)]


def test_one_open_draft_per_operator_on_the_published_template(trader, sheet):
    assert sheet.template == selectors.current_template()
    assert sheet.status == AssessmentStatus.DRAFT
    again = services.create_self_assessment(actor=trader, operator=trader.operator)
    assert again == sheet
    assert AuditEvent.objects.filter(action="self_assessment.created").count() == 1


def test_only_the_operators_trader_may_start_one(trader, examiner):
    stranger = TraderFactory()
    for actor in (stranger, examiner):
        with pytest.raises(PermissionDenied):
            services.create_self_assessment(actor=actor, operator=trader.operator)


@pytest.mark.parametrize(
    ("roles", "present", "absent"),
    [
        (["importer"], {"CR", "CS", "IA", "ET"}, {"VS", "WH", "CB"}),
        (["customs_broker"], {"CR", "CB", "CP"}, {"CS", "VS", "WH"}),
        (["warehouse_operator", "road_carrier"], {"CS", "VS", "WH"}, {"CB"}),
    ],
)
def test_questions_follow_the_operators_roles(roles, present, absent):
    trader = TraderFactory(operator=OperatorFactory(roles=roles))
    sheet = services.create_self_assessment(actor=trader, operator=trader.operator)
    codes = set(criteria_codes(sheet))
    assert present <= codes
    assert not absent & codes
    with pytest.raises(DomainError) as exc:
        answer(sheet, trader, f"{sorted(absent)[0]}-1", "yes")
    assert exc.value.field == "question"


@pytest.mark.parametrize(
    ("code", "value", "stored"),
    [
        ("CR-1", "yes", True),
        ("CR-1", False, False),
        ("CR-3", "12", 12),
        ("CR-3", 2.5, 2.5),
        ("CR-4", "  None  ", "None"),
        ("OA-1", "2019-04-01", "2019-04-01"),
        ("OA-3", "Electronic system", "Electronic system"),
        ("CR-3", "", None),
    ],
)
def test_valid_answers_are_stored_by_kind(trader, sheet, code, value, stored):
    assert answer(sheet, trader, code, value).value == stored


@pytest.mark.parametrize(
    ("code", "value"),
    [
        ("CR-1", "maybe"),
        ("CR-1", 3),
        ("CR-3", "three"),
        ("CR-3", True),
        ("CR-3", "NaN"),
        ("OA-1", "2019-02-30"),
        ("OA-1", "01/04/2019"),
        ("OA-3", "Carrier pigeon"),
        ("CR-4", 42),
        ("CR-4", "x" * 5001),
    ],
)
def test_invalid_answers_are_refused_and_nothing_is_written(trader, sheet, code, value):
    events = AuditEvent.objects.count()
    with pytest.raises(DomainError) as exc:
        answer(sheet, trader, code, value)
    assert exc.value.field == "value"
    assert not sheet.answers.exists()
    assert AuditEvent.objects.count() == events


def test_gaps_and_progress(trader, sheet):
    answered, total = selectors.progress(sheet)
    assert answered == 0
    assert total == sum(len(s.rows) for s in selectors.check_sheet(sheet))
    assert len(selectors.gaps(sheet)) == total  # every question is required

    answer(sheet, trader, "CR-1", "no")
    answer(sheet, trader, "CR-3", 0)
    gaps = {g.question.code: g.reason for g in selectors.gaps(sheet)}
    assert gaps["CR-1"] == GapReason.NOT_MET
    assert "CR-3" not in gaps
    assert gaps["CR-2"] == GapReason.UNANSWERED
    assert gaps["OA-5"] == GapReason.EVIDENCE_MISSING
    assert selectors.progress(sheet) == (2, total)


def test_an_sme_alternative_changes_the_evidence_not_the_requirement(trader, sheet):
    answer(sheet, trader, "IA-1", "no", sme_alternative="third_party_audit")
    gaps = {g.question.code: g.reason for g in selectors.gaps(sheet)}
    assert gaps["IA-1"] == GapReason.EVIDENCE_MISSING  # the third-party contract or report
    services.upload_evidence(
        actor=trader, self_assessment=sheet, question=question(sheet, "IA-1"), upload=pdf()
    )
    assert "IA-1" not in {g.question.code for g in selectors.gaps(sheet)}


def test_sme_alternatives_only_where_accepted_and_only_for_smes(trader, large_trader, sheet):
    with pytest.raises(DomainError) as exc:
        answer(sheet, trader, "CR-1", "no", sme_alternative="outsourced")
    assert exc.value.field == "sme_alternative"
    big = services.create_self_assessment(actor=large_trader, operator=large_trader.operator)
    with pytest.raises(DomainError) as exc:
        answer(big, large_trader, "IA-1", "no", sme_alternative="third_party_audit")
    assert exc.value.field == "sme_alternative"


def test_freeze_refuses_while_gaps_remain(trader, sheet):
    answer(sheet, trader, "CR-1", "yes")
    with pytest.raises(DomainError) as exc:
        services.freeze(actor=trader, self_assessment=sheet)
    assert str(len(selectors.gaps(sheet))) in exc.value.message
    assert exc.value.field is None
    sheet.refresh_from_db()
    assert sheet.status == AssessmentStatus.DRAFT


def test_freeze_locks_and_returns_the_snapshot(trader, sheet):
    complete(sheet, trader)
    answer(sheet, trader, "IA-1", "no", sme_alternative="third_party_audit")
    evidence = services.upload_evidence(
        actor=trader, self_assessment=sheet, question=question(sheet, "IA-1"), upload=pdf()
    )
    snapshot = services.freeze(actor=trader, self_assessment=sheet)

    assert snapshot["template_version"] == 1
    assert snapshot["operator_tin"] == trader.operator.tin
    assert snapshot["roles"] == ["importer"]
    assert snapshot["frozen_at"]
    by_code = {a["question_code"]: a for a in snapshot["answers"]}
    assert len(by_code) == selectors.progress(sheet)[1]
    assert by_code["IA-1"] == {
        "question_code": "IA-1",
        "criterion_code": "IA",
        "text": question(sheet, "IA-1").text,
        "kind": "yes_no",
        "value": False,
        "sme_alternative": "third_party_audit",
        "evidence": [
            {
                "id": evidence.pk,
                "name": "report.pdf",
                "size": evidence.size,
                "sha256": evidence.sha256,
            }
        ],
    }
    assert "VS-1" not in by_code  # not an importer's requirement

    sheet.refresh_from_db()
    assert sheet.status == AssessmentStatus.SUBMITTED
    assert sheet.snapshot == snapshot
    with pytest.raises(Conflict):
        answer(sheet, trader, "CR-1", "no")
    with pytest.raises(Conflict):
        services.upload_evidence(
            actor=trader, self_assessment=sheet, question=question(sheet, "OA-5"), upload=pdf()
        )
    with pytest.raises(Conflict):
        services.freeze(actor=trader, self_assessment=sheet)
    assert question(sheet, "CR-1").answers.get().value is True


def test_reopen_returns_to_draft_with_answers_kept(trader, examiner, sheet):
    complete(sheet, trader)
    services.freeze(actor=trader, self_assessment=sheet)
    with pytest.raises(DomainError) as exc:
        services.reopen(actor=examiner, self_assessment=sheet, reason=" ")
    assert exc.value.field == "reason"
    with pytest.raises(PermissionDenied):
        services.reopen(actor=TraderFactory(), self_assessment=sheet, reason="Mine now")

    reopened = services.reopen(actor=examiner, self_assessment=sheet, reason="Site plan unclear")
    assert reopened.status == AssessmentStatus.DRAFT
    assert reopened.snapshot == {}
    answer(reopened, trader, "CR-3", 1)
    assert selectors.gaps(reopened) == []
    event = AuditEvent.objects.get(action="self_assessment.reopened")
    assert (event.actor, event.reason) == (examiner, "Site plan unclear")
    with pytest.raises(InvalidTransition):
        services.reopen(actor=examiner, self_assessment=reopened, reason="Again")


def test_every_answer_is_audited_with_what_changed(trader, sheet):
    answer(sheet, trader, "CR-3", 1)
    answer(sheet, trader, "CR-3", 2)
    answer(sheet, trader, "CR-3", 2)  # no change, no event
    events = AuditEvent.objects.filter(action="self_assessment.answered").order_by("id")
    assert [e.changes for e in events] == [
        {"CR-3.value": [None, 1], "CR-3.sme_alternative": [None, ""]},
        {"CR-3.value": [1, 2]},
    ]
    assert all(e.actor == trader for e in events)
