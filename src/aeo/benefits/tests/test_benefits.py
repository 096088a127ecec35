"""The catalogue: drafting and publishing by role, the types it applies to, a trader's benefits
following its authorizations, and the use of benefits."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied

from aeo.accounts.constants import Role
from aeo.authorizations import services as authorization_services
from aeo.authorizations.constants import SuspensionGround
from aeo.benefits import selectors, services
from aeo.benefits.constants import BENEFIT_WORKFLOW, Authority, BenefitStatus, Category
from aeo.benefits.models import BenefitUse
from aeo.benefits.tests.helpers import aeo, agency, benefit, oga_officer, policy_officer
from aeo.core.errors import Conflict, DomainError, InvalidTransition
from aeo.core.models import AuditEvent
from aeo.core.now import today
from aeo.registry.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_a_policy_officer_drafts_and_publishes_a_customs_benefit_audited():
    policy = policy_officer()
    draft = benefit(policy, aeo_types=["imp", "BRK"], title_ja="輸入申告の事前受理")
    assert draft.status == BenefitStatus.DRAFT and draft.authority == Authority.CUSTOMS
    assert draft.aeo_types == ["IMP", "BRK"]  # the programme's order, upper case
    published = services.publish_benefit(actor=policy, benefit=draft, comment="Seed")
    assert published.status == BenefitStatus.PUBLISHED and published.published_at
    assert [e.event for e in published.events.all()] == ["drafted", "published"]
    event = AuditEvent.objects.get(action="benefit.published")
    assert event.actor == policy and event.changes["status"] == ["draft", "published"]


def test_a_customs_benefit_of_reduced_examination_is_published_only_with_its_reduction():
    policy = policy_officer()
    with pytest.raises(DomainError) as refused:
        benefit(policy, category=Category.LOW_INSPECTION)
    assert (refused.value.field, refused.value.code) == ("condition_percent", "required")
    # A draft of before the rule (no reduction) is refused at publication, and stays a draft.
    old = benefit(policy, category=Category.LOW_INSPECTION, condition_percent=75)
    type(old).objects.filter(pk=old.pk).update(condition_percent=None)
    old.refresh_from_db()
    with pytest.raises(DomainError):
        services.publish_benefit(actor=policy, benefit=old)
    old.refresh_from_db()
    assert old.status == BenefitStatus.DRAFT
    # An agency's (not applied by customs' selectivity) needs none.
    mhlw = agency("mhlw")
    food = benefit(policy, category=Category.LOW_INSPECTION, agency=mhlw, publish=True)
    assert food.status == BenefitStatus.PUBLISHED


def test_an_oga_officer_drafts_and_publishes_only_its_agencys_benefits():
    mhlw, maff = agency("mhlw"), agency("maff-pps")
    officer = oga_officer(mhlw)
    own = benefit(officer, title_en="Fewer food sanitation inspections")
    assert own.agency == mhlw  # its own agency by default
    with pytest.raises(PermissionDenied):
        benefit(officer, agency=maff)
    customs = benefit(policy_officer())
    theirs = benefit(policy_officer(), agency=maff)
    for other in (customs, theirs):
        assert BENEFIT_WORKFLOW.allowed_events(other, officer) == []
        with pytest.raises(PermissionDenied):
            services.publish_benefit(actor=officer, benefit=other)
    assert services.publish_benefit(actor=officer, benefit=own).status == "published"


@pytest.mark.parametrize(
    "role", [Role.TRADER, Role.EXAMINER, Role.BORDER_OFFICER, Role.AUDITOR, Role.OGA_OFFICER]
)
def test_other_roles_may_not_draft(role):
    user = UserFactory(role=role) if role != Role.TRADER else aeo()[1]
    with pytest.raises(PermissionDenied):
        benefit(user)  # an OGA officer not linked to an agency neither


def test_the_policy_officer_publishes_an_agencys_draft():
    mhlw = agency()
    draft = benefit(oga_officer(mhlw))
    policy = policy_officer()
    assert BENEFIT_WORKFLOW.allowed_events(draft, policy) == ["published", "withdrawn"]
    assert services.publish_benefit(actor=policy, benefit=draft).status == "published"


def test_types_are_the_economys_own():
    with pytest.raises(DomainError) as refused:
        benefit(aeo_types=["XYZ"])
    assert refused.value.field == "aeo_types" and refused.value.code == "unknown_choice"
    with pytest.raises(DomainError):
        benefit(aeo_types=[])


def test_conditions_and_validity_are_checked():
    with pytest.raises(DomainError) as refused:
        benefit(condition_percent=150)
    assert refused.value.field == "condition_percent"
    with pytest.raises(DomainError) as refused:
        benefit(valid_from=date(2026, 5, 1), valid_to=date(2026, 4, 1))
    assert refused.value.field == "valid_to"


@pytest.mark.parametrize(
    ("start", "event"),
    [
        (s, e)
        for s in BenefitStatus.values
        for e in BENEFIT_WORKFLOW.moves
        if (e, s, "published" if e == "published" else "withdrawn") not in BENEFIT_WORKFLOW.table()
    ],
)
def test_illegal_moves_are_refused(start, event):
    b = benefit()
    if start != "draft":
        b = services.publish_benefit(actor=None, benefit=b)
    if start == "withdrawn":
        b = services.withdraw_benefit(actor=None, benefit=b)
    service = services.publish_benefit if event == "published" else services.withdraw_benefit
    with pytest.raises(InvalidTransition):
        service(actor=None, benefit=b)


def test_a_traders_benefits_follow_its_authorizations():
    importer_benefit = benefit(publish=True, aeo_types=["IMP"])
    benefit(publish=True, aeo_types=["EXP"], title_en="No need to store goods in a customs area")
    benefit(aeo_types=["IMP"], title_en="Still a draft")
    benefit(
        publish=True, aeo_types=["IMP"], title_en="Expired", valid_to=today() - timedelta(days=1)
    )
    operator, _, (authorization,) = aeo()
    assert list(selectors.benefits_for_operator(operator)) == [importer_benefit]
    authorization_services.suspend(
        actor=None,
        authorization=authorization,
        ground=SuspensionGround.CONDITIONS_NOT_MET,
        remedy_by=today() + timedelta(days=30),
        reason="Test",
    )
    assert list(selectors.benefits_for_operator(operator)) == []
    authorization_services.lift_suspension(actor=None, authorization=authorization, reason="ok")
    assert list(selectors.benefits_for_operator(operator)) == [importer_benefit]


def test_an_operator_with_two_types_gets_both_types_benefits_once():
    both = benefit(publish=True, aeo_types=["IMP", "EXP"], title_en="Both")
    exp = benefit(publish=True, aeo_types=["EXP"], title_en="Exporters")
    operator, _, _ = aeo(roles=("importer", "exporter"))
    assert set(selectors.benefits_for_operator(operator)) == {both, exp}
    assert selectors.benefits_for_operator(operator).count() == 2


def test_the_catalogue_by_type_and_authority():
    mhlw = agency()
    customs = benefit(publish=True, aeo_types=["IMP"])
    food = benefit(policy_officer(), publish=True, aeo_types=["IMP", "WHS"], agency=mhlw)
    assert set(selectors.catalogue(aeo_type="WHS")) == {food}
    assert set(selectors.catalogue(authority="customs")) == {customs}
    assert set(selectors.catalogue(authority="agency")) == {food}
    assert set(selectors.catalogue(agency="MHLW")) == {food}
    assert set(selectors.catalogue(category=Category.RAPID_RELEASE)) == {customs, food}


def test_drafts_are_seen_by_their_authors_side_only():
    mhlw, maff = agency("mhlw"), agency("maff")
    draft = benefit(oga_officer(mhlw))
    assert selectors.benefits_visible_to(oga_officer(mhlw)).filter(pk=draft.pk).exists()
    assert selectors.benefits_visible_to(policy_officer()).filter(pk=draft.pk).exists()
    for user in (oga_officer(maff), UserFactory(role=Role.EXAMINER), aeo()[1]):
        assert not selectors.benefits_visible_to(user).filter(pk=draft.pk).exists()


def test_use_is_recorded_for_an_entitled_aeo_only():
    b = benefit(publish=True)
    operator, _, _ = aeo()
    border = UserFactory(role=Role.BORDER_OFFICER)
    use = services.record_benefit_use(
        actor=border, benefit=b, operator=operator, reference="1234567890"
    )
    assert use.recorded_by == border and BenefitUse.objects.count() == 1
    assert AuditEvent.objects.filter(action="benefit.used").count() == 1
    exporter, _, _ = aeo(roles=("exporter",))
    with pytest.raises(Conflict) as refused:
        services.record_benefit_use(actor=None, benefit=b, operator=exporter, reference="x")
    assert refused.value.code == "not_entitled"
    with pytest.raises(Conflict):
        services.record_benefit_use(actor=None, benefit=benefit(), operator=operator, reference="x")
    with pytest.raises(PermissionDenied):
        services.record_benefit_use(actor=aeo()[1], benefit=b, operator=operator, reference="x")
