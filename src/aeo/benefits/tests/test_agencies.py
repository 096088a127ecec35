"""MoUs, OGA-proposed criteria entering the requirements, and joint inspections."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from aeo.accounts.constants import Role
from aeo.benefits import selectors, services
from aeo.benefits.constants import (
    INSPECTION_WORKFLOW,
    MOU_WORKFLOW,
    PROPOSAL_WORKFLOW,
    InspectionStatus,
    MoUStatus,
    ProposalStatus,
)
from aeo.benefits.tests.helpers import aeo, agency, oga_officer, policy_officer
from aeo.core.errors import DomainError, InvalidTransition
from aeo.registry.tests.factories import UserFactory
from aeo.requirements.constants import TemplateStatus
from aeo.requirements.models import TemplateVersion

pytestmark = pytest.mark.django_db


def mou(actor=None, of=None):
    return services.create_mou(
        actor=actor,
        agency=of or agency(),
        title="Customs–MHLW AEO cooperation",
        commitments=["joint_inspections", "shared_criteria", "joint_inspections"],
    )


def test_an_mou_is_signed_brought_into_force_and_terminated():
    policy = policy_officer()
    m = mou(policy)
    assert m.commitments == ["shared_criteria", "joint_inspections"]
    m = services.change_mou_status(
        actor=policy, mou=m, event="signed", effective_on=date(2026, 4, 1)
    )
    m = services.change_mou_status(actor=policy, mou=m, event="entered_into_force")
    assert m.status == MoUStatus.IN_FORCE and m.signed_on == date(2026, 4, 1)
    assert m.effective_from is not None
    m = services.change_mou_status(actor=policy, mou=m, event="terminated")
    assert [e.event for e in m.events.all()] == [
        "drafted",
        "signed",
        "entered_into_force",
        "terminated",
    ]


@pytest.mark.parametrize(
    ("start", "event"),
    [
        (s, e)
        for s in MoUStatus.values
        for e in MOU_WORKFLOW.moves
        if not any(x == e and f == s for x, f, _ in MOU_WORKFLOW.table())
    ],
)
def test_illegal_mou_moves(start, event):
    m = mou()
    path = {"draft": [], "signed": ["signed"], "in_force": ["signed", "entered_into_force"]}
    for step in path.get(start, ["terminated"]):
        m = services.change_mou_status(actor=None, mou=m, event=step)
    with pytest.raises(InvalidTransition):
        services.change_mou_status(actor=None, mou=m, event=event)


def test_only_policy_officers_manage_mous_and_oga_officers_see_their_agencys():
    mhlw, maff = agency("mhlw"), agency("maff")
    officer = oga_officer(mhlw)
    with pytest.raises(PermissionDenied):
        mou(officer, mhlw)
    own, other = mou(None, mhlw), mou(None, maff)
    assert list(selectors.mous_visible_to(officer)) == [own]
    assert MOU_WORKFLOW.allowed_events(own, officer) == []
    assert set(selectors.mous_visible_to(UserFactory(role=Role.EXAMINER))) == {own, other}
    assert not selectors.mous_visible_to(aeo()[1]).exists()


def test_accepted_criteria_enter_the_requirements_draft_tagged_with_the_agency():
    maff = agency("maff-pps")
    officer = oga_officer(maff)
    proposal = services.propose_criteria(
        actor=officer,
        text_en="Pest control in the warehouse is documented.",
        text_ja="倉庫の防虫管理が文書化されていること。",
        roles=["warehouse_operator"],
        hs_prefixes=["0602", "12.09"],
    )
    assert proposal.agency == maff and proposal.hs_prefixes == ["0602", "1209"]
    assert PROPOSAL_WORKFLOW.allowed_events(proposal, officer) == []
    policy = policy_officer()
    published = TemplateVersion.objects.get(status=TemplateStatus.PUBLISHED)
    accepted = services.decide_proposed_criteria(
        actor=policy, proposal=proposal, accept=True, reason="Agreed at the joint meeting"
    )
    assert accepted.status == ProposalStatus.ACCEPTED
    criterion = accepted.criterion
    draft = criterion.template
    assert draft.status == TemplateStatus.DRAFT and draft.number == published.number + 1
    assert accepted.template_number == draft.number
    assert criterion.code == f"OGA-{proposal.pk}" and criterion.title.startswith("[MAFF-PPS]")
    assert criterion.roles == ["warehouse_operator"] and "0602" in criterion.description
    # A second accepted proposal goes into the same draft.
    second = services.propose_criteria(actor=officer, text_en="Fumigation records are kept.")
    again = services.decide_proposed_criteria(actor=policy, proposal=second, accept=True)
    assert again.criterion.template == draft


def test_a_rejected_proposal_enters_nothing_and_cannot_be_decided_again():
    officer = oga_officer(agency())
    proposal = services.propose_criteria(actor=officer, text_en="x")
    drafts = TemplateVersion.objects.filter(status=TemplateStatus.DRAFT).count()
    rejected = services.decide_proposed_criteria(
        actor=policy_officer(), proposal=proposal, accept=False, reason="Covered by CR-4"
    )
    assert rejected.status == ProposalStatus.REJECTED and rejected.criterion is None
    assert TemplateVersion.objects.filter(status=TemplateStatus.DRAFT).count() == drafts
    with pytest.raises(InvalidTransition):
        services.decide_proposed_criteria(actor=policy_officer(), proposal=rejected, accept=True)
    with pytest.raises(PermissionDenied):
        services.decide_proposed_criteria(actor=officer, proposal=proposal, accept=True)


def test_proposals_are_checked():
    officer = oga_officer(agency())
    with pytest.raises(DomainError):
        services.propose_criteria(actor=officer, text_en="x", hs_prefixes=["ABC"])
    with pytest.raises(DomainError):
        services.propose_criteria(actor=officer, text_en="x", roles=["pirate"])
    with pytest.raises(PermissionDenied):
        services.propose_criteria(actor=policy_officer(), text_en="x")


def test_a_joint_inspection_is_requested_scheduled_and_performed():
    mhlw, maff = agency("mhlw"), agency("maff")
    operator, trader, _ = aeo()
    border = UserFactory(role=Role.BORDER_OFFICER)
    inspection = services.request_joint_inspection(
        actor=border, operator=operator, agencies=[mhlw, maff], place="Tokyo Port, berth 3"
    )
    assert list(selectors.upcoming_inspections(operator)) == [inspection]
    when = timezone.now() + timedelta(days=2)
    officer = oga_officer(mhlw)
    inspection = services.schedule_joint_inspection(
        actor=officer, inspection=inspection, scheduled_at=when
    )
    assert inspection.status == InspectionStatus.SCHEDULED
    assert selectors.inspections_visible_to(trader).get() == inspection
    inspection = services.record_joint_inspection(
        actor=border, inspection=inspection, result="no_issue", minutes_saved=90
    )
    assert inspection.status == InspectionStatus.PERFORMED and inspection.minutes_saved == 90
    assert not selectors.upcoming_inspections(operator).exists()
    assert [e.event for e in inspection.events.all()] == ["requested", "scheduled", "performed"]


def test_inspection_scope_and_permissions():
    mhlw, maff = agency("mhlw"), agency("maff")
    operator, _, _ = aeo()
    inspection = services.request_joint_inspection(
        actor=None, operator=operator, agencies=[mhlw], place="Narita"
    )
    outsider = oga_officer(maff)
    assert not selectors.inspections_visible_to(outsider).exists()
    assert not selectors.inspections_visible_to(aeo()[1]).exists()
    assert INSPECTION_WORKFLOW.allowed_events(inspection, outsider) == []
    with pytest.raises(PermissionDenied):
        services.request_joint_inspection(
            actor=outsider, operator=operator, agencies=[mhlw], place="x"
        )
    with pytest.raises(PermissionDenied):
        services.request_joint_inspection(
            actor=aeo()[1], operator=operator, agencies=[mhlw], place="x"
        )


@pytest.mark.parametrize(
    ("start", "event"),
    [
        (s, e)
        for s in InspectionStatus.values
        for e in INSPECTION_WORKFLOW.moves
        if not any(x == e and f == s for x, f, _ in INSPECTION_WORKFLOW.table())
    ],
)
def test_illegal_inspection_moves(start, event):
    operator, _, _ = aeo()
    i = services.request_joint_inspection(
        actor=None, operator=operator, agencies=[agency()], place="Narita"
    )
    when = timezone.now()
    if start in ("scheduled", "performed"):
        i = services.schedule_joint_inspection(actor=None, inspection=i, scheduled_at=when)
    if start == "performed":
        i = services.record_joint_inspection(actor=None, inspection=i, result="no_issue")
    if start == "cancelled":
        i = services.cancel_joint_inspection(actor=None, inspection=i)
    call = {
        "scheduled": lambda: services.schedule_joint_inspection(
            actor=None, inspection=i, scheduled_at=when
        ),
        "performed": lambda: services.record_joint_inspection(
            actor=None, inspection=i, result="no_issue"
        ),
        "cancelled": lambda: services.cancel_joint_inspection(actor=None, inspection=i),
    }[event]
    with pytest.raises(InvalidTransition):
        call()
