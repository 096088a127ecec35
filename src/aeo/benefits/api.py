"""The benefits catalogue (public), its use, agencies (public), MoUs, OGA-proposed criteria and
joint inspections. Handlers validate, resolve objects through the scoped selectors (404 when
not yours) and call the services."""

from typing import Annotated, Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Path, Query, Router, Schema, Status
from ninja.pagination import paginate

from aeo.accounts.constants import Role
from aeo.accounts.http import AuthedRequest
from aeo.benefits import selectors, services
from aeo.benefits.models import Agency
from aeo.benefits.schemas import (
    AgencyOut,
    BenefitActionIn,
    BenefitDetailOut,
    BenefitFilters,
    BenefitIn,
    BenefitOut,
    BenefitUseIn,
    BenefitUseOut,
    JointInspectionCancelIn,
    JointInspectionFilters,
    JointInspectionIn,
    JointInspectionOut,
    JointInspectionRecordIn,
    JointInspectionScheduleIn,
    MouIn,
    MouOut,
    MouStatusIn,
    MyBenefitOut,
    MyBenefitsAbroadOut,
    ProposedCriteriaDecisionIn,
    ProposedCriteriaIn,
    ProposedCriteriaOut,
)
from aeo.core.bounds import ObjectId, Pagination
from aeo.core.errors import DomainError
from aeo.mra import selectors as mra_selectors
from aeo.registry.selectors import operators_visible_to

router = Router(tags=["benefits"])

AgencyCodePath = Annotated[str, Path(min_length=1, max_length=16)]


def _agency(code: str | None, field: str = "agency") -> Agency | None:
    """An agency named in a body by its code: unknown → 422 on that field."""
    if code is None:
        return None
    found = selectors.agency_by_code(code)
    if found is None:
        raise DomainError(_("Unknown agency: %s.") % code, field=field, code="unknown_agency")
    return found


# --- Agencies -------------------------------------------------------------------------------


@router.get("/agencies", response=list[AgencyOut], operation_id="list_agencies", auth=None)
@paginate(Pagination)
def list_agencies(request: HttpRequest):
    """The other government agencies in the programme (public)."""
    return selectors.agencies()


@router.get("/agencies/{code}", response=AgencyOut, operation_id="get_agency", auth=None)
def get_agency(request: HttpRequest, code: AgencyCodePath):
    found = selectors.agency_by_code(code)
    if found is None:
        raise Agency.DoesNotExist
    return found


# --- Benefits -------------------------------------------------------------------------------


@router.get("/benefits", response=list[BenefitOut], operation_id="list_benefits", auth=None)
@paginate(Pagination)
def list_benefits(request: HttpRequest, filters: Query[BenefitFilters]):
    """The catalogue by AEO type and granting authority (public: the published benefits;
    policy and OGA officers also see drafts they may publish)."""
    return selectors.filter_benefits(
        selectors.benefits_visible_to(request.user),
        aeo_type=filters.aeo_type,
        authority=filters.authority.value if filters.authority else "",
        agency=filters.agency,
        category=filters.category.value if filters.category else "",
        status=filters.status.value if filters.status else "",
    )


class MyBenefitsPagination(Pagination):
    """The page of your benefits here, and beside it what MRA partners grant you abroad."""

    class Output(Schema):
        items: list[Any]
        count: int
        abroad: MyBenefitsAbroadOut

    def paginate_queryset(self, queryset, pagination, request, **params):
        page = super().paginate_queryset(queryset, pagination, request, **params)
        return {**page, "abroad": mra_selectors.benefits_abroad_for(request.user.operator)}


@router.get("/benefits/mine", response=list[MyBenefitOut], operation_id="list_my_benefits")
@paginate(MyBenefitsPagination)
def list_my_benefits(request: AuthedRequest):
    """A trader's benefits today, from its operator's active authorizations; `abroad`: those
    MRA partners grant it (arrangements in force, with its consent to the exchange)."""
    user = request.user
    if user.role != Role.TRADER or user.operator is None:
        raise PermissionDenied
    return selectors.benefits_for_operator(user.operator)


@router.get(
    "/benefits/{benefit_id}", response=BenefitDetailOut, operation_id="get_benefit", auth=None
)
def get_benefit(request: HttpRequest, benefit_id: ObjectId):
    return get_object_or_404(selectors.benefits_visible_to(request.user), pk=benefit_id)


@router.post("/benefits", response={201: BenefitDetailOut}, operation_id="create_benefit")
def create_benefit(request: AuthedRequest, payload: BenefitIn):
    """A draft benefit: of customs (policy officers) or of an agency (an OGA officer: its own)."""
    data = payload.dict()
    benefit = services.create_benefit(
        actor=request.user, **{**data, "agency": _agency(data["agency"])}
    )
    return Status(201, selectors.benefits_visible_to(request.user).get(pk=benefit.pk))


def _benefit(request: HttpRequest, benefit_id: int):
    return get_object_or_404(selectors.benefits_visible_to(request.user), pk=benefit_id)


@router.post(
    "/benefits/{benefit_id}/publish", response=BenefitDetailOut, operation_id="publish_benefit"
)
def publish_benefit(request: AuthedRequest, benefit_id: ObjectId, payload: BenefitActionIn):
    """Publish a draft (audited): policy officers any, an OGA officer its agency's only."""
    services.publish_benefit(
        actor=request.user,
        benefit=_benefit(request, benefit_id),
        comment=payload.comment,
        version=payload.version,
    )
    return _benefit(request, benefit_id)


@router.post(
    "/benefits/{benefit_id}/withdraw", response=BenefitDetailOut, operation_id="withdraw_benefit"
)
def withdraw_benefit(request: AuthedRequest, benefit_id: ObjectId, payload: BenefitActionIn):
    services.withdraw_benefit(
        actor=request.user,
        benefit=_benefit(request, benefit_id),
        comment=payload.comment,
        version=payload.version,
    )
    return _benefit(request, benefit_id)


@router.post(
    "/benefits/{benefit_id}/uses",
    response={201: BenefitUseOut},
    operation_id="record_benefit_use",
)
def record_benefit_use(request: AuthedRequest, benefit_id: ObjectId, payload: BenefitUseIn):
    """The benefit was given to an AEO on a declaration or event (for the KPIs)."""
    benefit = _benefit(request, benefit_id)
    if not request.user.has_perm("benefits.record_use"):
        raise PermissionDenied
    operator = operators_visible_to(request.user).filter(pk=payload.operator_id).first()
    if operator is None:
        raise DomainError(_("Unknown operator."), field="operator_id", code="unknown_operator")
    use = services.record_benefit_use(
        actor=request.user,
        benefit=benefit,
        operator=operator,
        reference=payload.reference,
        note=payload.note,
    )
    return Status(201, use)


# --- MoUs -----------------------------------------------------------------------------------


@router.get("/mous", response=list[MouOut], operation_id="list_mous")
@paginate(Pagination)
def list_mous(request: AuthedRequest):
    """Memoranda of understanding between customs and the agencies."""
    return selectors.mous_visible_to(request.user)


@router.post("/mous", response={201: MouOut}, operation_id="create_mou")
def create_mou(request: AuthedRequest, payload: MouIn):
    if not request.user.has_perm("benefits.manage_mou"):
        raise PermissionDenied
    data = payload.dict()
    mou = services.create_mou(
        actor=request.user,
        **{**data, "agency": _agency(data["agency"]), "commitments": data["commitments"]},
    )
    return Status(201, selectors.mous_visible_to(request.user).get(pk=mou.pk))


@router.post("/mous/{mou_id}/status", response=MouOut, operation_id="change_mou_status")
def change_mou_status(request: AuthedRequest, mou_id: ObjectId, payload: MouStatusIn):
    """Sign, bring into force or terminate (as `allowed_actions` lists)."""
    mou = get_object_or_404(selectors.mous_visible_to(request.user), pk=mou_id)
    services.change_mou_status(
        actor=request.user,
        mou=mou,
        event=payload.event.value,
        effective_on=payload.effective_on,
        comment=payload.comment,
        version=payload.version,
    )
    return selectors.mous_visible_to(request.user).get(pk=mou_id)


# --- Proposed criteria ----------------------------------------------------------------------


@router.get(
    "/proposed-criteria",
    response=list[ProposedCriteriaOut],
    operation_id="list_proposed_criteria",
)
@paginate(Pagination)
def list_proposed_criteria(request: AuthedRequest):
    return selectors.proposals_visible_to(request.user)


@router.post(
    "/proposed-criteria", response={201: ProposedCriteriaOut}, operation_id="propose_criteria"
)
def propose_criteria(request: AuthedRequest, payload: ProposedCriteriaIn):
    """An OGA officer proposes criteria for its agency's sector."""
    data = payload.dict()
    proposal = services.propose_criteria(
        actor=request.user,
        text_en=data["text_en"],
        text_ja=data["text_ja"],
        roles=[str(r) for r in data["roles"]],
        hs_prefixes=data["hs_prefixes"],
        agency=_agency(data["agency"]),
        questions=[q | {"kind": str(q["kind"])} for q in data["questions"]],
    )
    return Status(201, selectors.proposals_visible_to(request.user).get(pk=proposal.pk))


@router.post(
    "/proposed-criteria/{proposal_id}/decision",
    response=ProposedCriteriaOut,
    operation_id="decide_proposed_criteria",
)
def decide_proposed_criteria(
    request: AuthedRequest, proposal_id: ObjectId, payload: ProposedCriteriaDecisionIn
):
    """Accept (the criterion enters the requirements' draft version) or reject."""
    proposal = get_object_or_404(selectors.proposals_visible_to(request.user), pk=proposal_id)
    services.decide_proposed_criteria(
        actor=request.user,
        proposal=proposal,
        accept=payload.accept,
        reason=payload.reason,
        area=payload.area.value,
        version=payload.version,
    )
    return selectors.proposals_visible_to(request.user).get(pk=proposal_id)


# --- Joint inspections ----------------------------------------------------------------------


@router.get(
    "/joint-inspections",
    response=list[JointInspectionOut],
    operation_id="list_joint_inspections",
)
@paginate(Pagination)
def list_joint_inspections(request: AuthedRequest, filters: Query[JointInspectionFilters]):
    """Customs inspectors: all; an OGA officer: its agency's; a trader: its own (upcoming first
    on its home)."""
    qs = selectors.inspections_visible_to(request.user)
    if filters.status:
        qs = qs.filter(status=filters.status.value)
    if filters.operator_id:
        qs = qs.filter(operator_id=filters.operator_id)
    return qs


@router.post(
    "/operators/{operator_id}/joint-inspections",
    response={201: JointInspectionOut},
    operation_id="request_joint_inspection",
)
def request_joint_inspection(
    request: AuthedRequest, operator_id: ObjectId, payload: JointInspectionIn
):
    operator = get_object_or_404(operators_visible_to(request.user), pk=operator_id)
    if not request.user.has_perm("benefits.request_inspection"):
        raise PermissionDenied
    agencies = [_agency(code, "agencies") for code in payload.agencies]
    inspection = services.request_joint_inspection(
        actor=request.user,
        operator=operator,
        agencies=[a for a in agencies if a is not None],
        place=payload.place,
        reference=payload.reference,
        comment=payload.comment,
        scheduled_at=payload.scheduled_at,
    )
    return Status(201, selectors.inspections_visible_to(request.user).get(pk=inspection.pk))


def _inspection(request: HttpRequest, inspection_id: int):
    return get_object_or_404(selectors.inspections_visible_to(request.user), pk=inspection_id)


@router.post(
    "/joint-inspections/{inspection_id}/schedule",
    response=JointInspectionOut,
    operation_id="schedule_joint_inspection",
)
def schedule_joint_inspection(
    request: AuthedRequest, inspection_id: ObjectId, payload: JointInspectionScheduleIn
):
    services.schedule_joint_inspection(
        actor=request.user,
        inspection=_inspection(request, inspection_id),
        scheduled_at=payload.scheduled_at,
        place=payload.place,
        comment=payload.comment,
        version=payload.version,
    )
    return _inspection(request, inspection_id)


@router.post(
    "/joint-inspections/{inspection_id}/record",
    response=JointInspectionOut,
    operation_id="record_joint_inspection",
)
def record_joint_inspection(
    request: AuthedRequest, inspection_id: ObjectId, payload: JointInspectionRecordIn
):
    """The result and the minutes saved against separate inspections."""
    services.record_joint_inspection(
        actor=request.user,
        inspection=_inspection(request, inspection_id),
        result=payload.result.value,
        findings=payload.findings,
        minutes_saved=payload.minutes_saved,
        performed_at=payload.performed_at,
        version=payload.version,
    )
    return _inspection(request, inspection_id)


@router.post(
    "/joint-inspections/{inspection_id}/cancel",
    response=JointInspectionOut,
    operation_id="cancel_joint_inspection",
)
def cancel_joint_inspection(
    request: AuthedRequest, inspection_id: ObjectId, payload: JointInspectionCancelIn
):
    services.cancel_joint_inspection(
        actor=request.user,
        inspection=_inspection(request, inspection_id),
        reason=payload.reason,
        version=payload.version,
    )
    return _inspection(request, inspection_id)
