"""Pages: the public catalogue by type and authority, a benefit, drafting and publishing,
agencies, MoUs, proposed criteria and joint inspections. Each action form is derived from the
workflow's map (`aeo.core.actions`)."""

from functools import partial

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from aeo.accounts.http import AuthedRequest
from aeo.benefits import selectors, services
from aeo.benefits.constants import (
    BENEFIT_WORKFLOW,
    INSPECTION_WORKFLOW,
    MOU_WORKFLOW,
    PROPOSAL_WORKFLOW,
    Authority,
    BenefitStatus,
    InspectionStatus,
    MoUEventType,
)
from aeo.benefits.forms import (
    AgencyForm,
    BenefitForm,
    CancelInspectionForm,
    CommentForm,
    DecisionForm,
    InspectionRequestForm,
    MouForm,
    MouStatusForm,
    ProposalForm,
    RecordInspectionForm,
    ScheduleForm,
    TerminateMouForm,
)
from aeo.core.actions import Action, available, forms_for
from aeo.core.actions import act as core_act
from aeo.core.errors import DomainError
from aeo.core.forms import UswdsForm
from aeo.core.pagination import BoundedPaginator
from aeo.registry import selectors as registry_selectors
from aeo.registry.constants import OperatorRole
from aeo.registry.selectors import operators_visible_to
from aeo.requirements.constants import QuestionKind

PAGE_SIZE = 25

BENEFIT_ACTIONS: dict[str, Action] = {
    "publish": Action(
        gettext_lazy("Publish the benefit"), CommentForm, services.publish_benefit, ("published",)
    ),
    "withdraw": Action(
        gettext_lazy("Withdraw the benefit"),
        CommentForm,
        services.withdraw_benefit,
        ("withdrawn",),
        secondary=True,
    ),
}
_ME = MoUEventType
MOU_ACTIONS: dict[str, Action] = {
    str(event): Action(
        label,
        TerminateMouForm if event == _ME.TERMINATED else MouStatusForm,
        partial(services.change_mou_status, event=str(event)),
        (str(event),),
        secondary=event == _ME.TERMINATED,
    )
    for event, label in (
        (_ME.SIGNED, gettext_lazy("Record the signature")),
        (_ME.ENTERED_INTO_FORCE, gettext_lazy("Record the entry into force")),
        (_ME.TERMINATED, gettext_lazy("Terminate the memorandum")),
    )
}
PROPOSAL_ACTIONS: dict[str, Action] = {
    "accept": Action(
        gettext_lazy("Accept: add it to the requirements' draft version"),
        DecisionForm,
        partial(services.decide_proposed_criteria, accept=True),
        ("accepted",),
    ),
    "reject": Action(
        gettext_lazy("Reject the proposal"),
        DecisionForm,
        partial(services.decide_proposed_criteria, accept=False),
        ("rejected",),
        secondary=True,
    ),
}
INSPECTION_ACTIONS: dict[str, Action] = {
    "schedule": Action(
        gettext_lazy("Schedule the joint inspection"),
        ScheduleForm,
        services.schedule_joint_inspection,
        ("scheduled",),
    ),
    "record": Action(
        gettext_lazy("Record the result"),
        RecordInspectionForm,
        services.record_joint_inspection,
        ("performed",),
    ),
    "cancel": Action(
        gettext_lazy("Cancel the joint inspection"),
        CancelInspectionForm,
        services.cancel_joint_inspection,
        ("cancelled",),
        secondary=True,
    ),
}


def _page(request: HttpRequest, qs, **query: str):
    page = BoundedPaginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))
    base = urlencode({k: v for k, v in query.items() if v})
    return {"page_obj": page, "querystring_base": f"{base}&" if base else ""}


# --- The catalogue --------------------------------------------------------------------------


@require_GET
def catalogue(request: HttpRequest) -> HttpResponse:
    """Public: the published benefits valid today, by AEO type and granting authority.
    Policy and OGA officers may also list drafts and withdrawn ones (`status`)."""
    types = registry_selectors.aeo_type_choices()
    aeo_type = request.GET.get("aeo_type", "")
    aeo_type = aeo_type if aeo_type in dict(types) else ""
    authority = request.GET.get("authority", "")
    authority = authority if authority in Authority.values else ""
    can_draft = request.user.has_perm("benefits.draft_benefit")
    status = request.GET.get("status", "")
    status = status if can_draft and status in BenefitStatus.values else ""
    visible = selectors.benefits_visible_to(request.user)
    if status:
        qs = selectors.filter_benefits(
            visible, aeo_type=aeo_type, authority=authority, status=status
        )
    else:
        qs = selectors.catalogue(aeo_type=aeo_type, authority=authority, qs=visible)
    page = _page(request, qs, aeo_type=aeo_type, authority=authority, status=status)
    selectors.named(page["page_obj"].object_list)
    context = {
        "types": types,
        "type_names": dict(types),
        "aeo_type": aeo_type,
        "authorities": Authority.choices,
        "authority": authority,
        "statuses": BenefitStatus.choices if can_draft else [],
        "status": status,
        "can_draft": can_draft,
        **page,
    }
    return render(request, "benefits/catalogue.html", context)


def _benefit(request: HttpRequest, pk: int):
    return get_object_or_404(selectors.benefits_visible_to(request.user), pk=pk)


def _benefit_page(request: HttpRequest, benefit, bound: tuple[str, UswdsForm] | None = None):
    actions = available(BENEFIT_WORKFLOW, benefit, request.user, BENEFIT_ACTIONS)
    types = dict(registry_selectors.aeo_type_choices(benefit.economy_id))
    return render(
        request,
        "benefits/detail.html",
        {
            "benefit": benefit,
            "type_names": [types.get(code, code) for code in benefit.aeo_types],
            "history": selectors.benefit_history(benefit),
            "actions": forms_for(actions, benefit, bound),
            "open_action": bound[0] if bound else None,
        },
        status=400 if bound else 200,
    )


@require_GET
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    """Public (once published): what the benefit is, for whom, and what it means in practice."""
    return _benefit_page(request, _benefit(request, pk))


@login_required
@require_POST
def benefit_act(request: AuthedRequest, pk: int, action_name: str) -> HttpResponse:
    return core_act(
        request,
        _benefit(request, pk),
        workflow=BENEFIT_WORKFLOW,
        actions=BENEFIT_ACTIONS,
        name=action_name,
        kwarg="benefit",
        url_name="benefits:detail",
        redisplay=lambda bound: _benefit_page(request, _benefit(request, pk), bound),
    )


def _agency_choices(user) -> list[tuple[str, str]]:
    own = selectors.agency_of(user)
    if own is not None:
        return [(own.code, own.name)]
    return [("", _("Customs")), *((a.code, a.name) for a in selectors.agencies())]


@login_required
def create(request: AuthedRequest) -> HttpResponse:
    """Draft a benefit: policy officers for customs or an agency, an OGA officer for its own."""
    user = request.user
    if not user.has_perm("benefits.draft_benefit"):
        raise PermissionDenied
    form = BenefitForm(
        request.POST if request.method == "POST" else None,
        type_choices=registry_selectors.aeo_type_choices(),
        agency_choices=_agency_choices(user),
    )

    def draft(*, agency: str, **data):
        return services.create_benefit(agency=selectors.agency_by_code(agency), **data)

    if request.method == "POST" and form.is_valid() and form.call(draft, actor=user):
        messages.success(request, _("The benefit is drafted. Publish it when it is ready."))
        return redirect("benefits:detail", pk=form.result.pk)
    return render(request, "benefits/form.html", {"form": form}, status=400 if form.errors else 200)


def _edit_page(request: HttpRequest, form: UswdsForm, title: str, button: str) -> HttpResponse:
    """One page with one form that creates or changes something (errors: 400, input kept)."""
    context = {"form": form, "title": title, "button": button}
    return render(request, "benefits/edit.html", context, status=400 if form.errors else 200)


def _posted(request: HttpRequest):
    return request.POST if request.method == "POST" else None


# --- Agencies and MoUs ----------------------------------------------------------------------


@login_required
def agency_create(request: AuthedRequest) -> HttpResponse:
    """A new agency in the programme (policy officers)."""
    if not request.user.has_perm("benefits.manage_mou"):
        raise PermissionDenied
    form = AgencyForm(_posted(request))
    posted = request.method == "POST" and form.is_valid()
    if posted and form.call(services.create_agency, actor=request.user):
        messages.success(request, _("The agency is recorded."))
        return redirect("benefits:agency", code=form.result.code)
    return _edit_page(request, form, _("New agency"), _("Record the agency"))


@login_required
def agency_edit(request: AuthedRequest, code: str) -> HttpResponse:
    if not request.user.has_perm("benefits.manage_mou"):
        raise PermissionDenied
    found = selectors.agency_by_code(code[:16])
    if found is None:
        raise Http404
    initial = {f: getattr(found, f) for f in AgencyForm.base_fields if f != "code"}
    form = AgencyForm(_posted(request), initial=initial, with_code=False)
    posted = request.method == "POST" and form.is_valid()
    if posted and form.call(services.update_agency, actor=request.user, agency=found):
        messages.success(request, _("The agency is changed."))
        return redirect("benefits:agency", code=found.code)
    return _edit_page(request, form, found.name, _("Save the changes"))


def _agency_named(code: str, field: str = "agency"):
    found = selectors.agency_by_code(code)
    if found is None:
        raise DomainError(_("Choose an agency."), field=field, code="unknown_agency")
    return found


@login_required
def mou_create(request: AuthedRequest) -> HttpResponse:
    """A draft memorandum with an agency (policy officers); it is signed on its own page."""
    if not request.user.has_perm("benefits.manage_mou"):
        raise PermissionDenied
    choices = [(a.code, a.name) for a in selectors.agencies()]
    form = MouForm(_posted(request), agency_choices=choices)

    def draft(*, agency: str, **data):
        return services.create_mou(agency=_agency_named(agency), **data)

    if request.method == "POST" and form.is_valid() and form.call(draft, actor=request.user):
        messages.success(request, _("The memorandum is drafted. Record its signature here."))
        return redirect("benefits:mou_detail", pk=form.result.pk)
    return _edit_page(request, form, _("New memorandum of understanding"), _("Save the draft"))


@require_GET
def agencies(request: HttpRequest) -> HttpResponse:
    return render(request, "benefits/agencies.html", _page(request, selectors.agencies()))


@require_GET
def agency(request: HttpRequest, code: str) -> HttpResponse:
    found = selectors.agency_by_code(code[:16])
    if found is None:
        raise Http404
    benefits = selectors.catalogue(agency=found.code)
    mous = selectors.mous_visible_to(request.user).filter(agency=found)
    return render(
        request, "benefits/agency.html", {"agency": found, "benefits": benefits, "mous": mous}
    )


@login_required
def mous(request: AuthedRequest) -> HttpResponse:
    qs = selectors.mous_visible_to(request.user)
    return render(request, "benefits/mous.html", _page(request, qs))


def _mou(request: HttpRequest, pk: int):
    return get_object_or_404(selectors.mous_visible_to(request.user), pk=pk)


def _mou_page(request: HttpRequest, mou, bound: tuple[str, UswdsForm] | None = None):
    actions = available(MOU_WORKFLOW, mou, request.user, MOU_ACTIONS)
    return render(
        request,
        "benefits/mou_detail.html",
        {
            "mou": mou,
            "history": selectors.mou_history(mou),
            "actions": forms_for(actions, mou, bound),
            "open_action": bound[0] if bound else None,
            "collapse_first": True,
        },
        status=400 if bound else 200,
    )


@login_required
def mou_detail(request: AuthedRequest, pk: int) -> HttpResponse:
    return _mou_page(request, _mou(request, pk))


@login_required
@require_POST
def mou_act(request: AuthedRequest, pk: int, action_name: str) -> HttpResponse:
    return core_act(
        request,
        _mou(request, pk),
        workflow=MOU_WORKFLOW,
        actions=MOU_ACTIONS,
        name=action_name,
        kwarg="mou",
        url_name="benefits:mou_detail",
        redisplay=lambda bound: _mou_page(request, _mou(request, pk), bound),
    )


# --- Proposed criteria ----------------------------------------------------------------------


@login_required
def proposals(request: AuthedRequest) -> HttpResponse:
    """The agency's proposals (OGA officers propose here); policy officers decide them."""
    user = request.user
    can_propose = user.has_perm("benefits.propose_criteria")
    form = ProposalForm(
        request.POST if request.method == "POST" else None, role_choices=OperatorRole.choices
    )
    if request.method == "POST":
        if not can_propose:
            raise PermissionDenied
        if form.is_valid() and form.call(services.propose_criteria, actor=user):
            messages.success(request, _("Your proposal is sent to the policy officers."))
            return redirect("benefits:proposal_detail", pk=form.result.pk)
    context = {
        "form": form if can_propose else None,
        **_page(request, selectors.proposals_visible_to(user)),
    }
    return render(request, "benefits/proposals.html", context, status=400 if form.errors else 200)


def _proposal(request: HttpRequest, pk: int):
    return get_object_or_404(selectors.proposals_visible_to(request.user), pk=pk)


def _proposal_page(request: HttpRequest, proposal, bound: tuple[str, UswdsForm] | None = None):
    actions = available(PROPOSAL_WORKFLOW, proposal, request.user, PROPOSAL_ACTIONS)
    roles, kinds = dict(OperatorRole.choices), dict(QuestionKind.choices)
    return render(
        request,
        "benefits/proposal_detail.html",
        {
            "proposal": proposal,
            "role_labels": [roles.get(r, r) for r in proposal.roles],
            "questions": [
                q | {"kind_label": kinds.get(q["kind"], q["kind"])} for q in proposal.questions
            ],
            "history": selectors.proposal_history(proposal),
            "actions": forms_for(actions, proposal, bound),
            "open_action": bound[0] if bound else None,
            "collapse_first": True,
        },
        status=400 if bound else 200,
    )


@login_required
def proposal_detail(request: AuthedRequest, pk: int) -> HttpResponse:
    return _proposal_page(request, _proposal(request, pk))


@login_required
@require_POST
def proposal_act(request: AuthedRequest, pk: int, action_name: str) -> HttpResponse:
    return core_act(
        request,
        _proposal(request, pk),
        workflow=PROPOSAL_WORKFLOW,
        actions=PROPOSAL_ACTIONS,
        name=action_name,
        kwarg="proposal",
        url_name="benefits:proposal_detail",
        redisplay=lambda bound: _proposal_page(request, _proposal(request, pk), bound),
    )


# --- Joint inspections ----------------------------------------------------------------------


@login_required
def inspections(request: AuthedRequest) -> HttpResponse:
    status = request.GET.get("status", "")
    status = status if status in InspectionStatus.values else ""
    qs = selectors.inspections_visible_to(request.user)
    if status:
        qs = qs.filter(status=status)
    context = {
        "statuses": InspectionStatus.choices,
        "status": status,
        **_page(request, qs, status=status),
    }
    return render(request, "benefits/inspections.html", context)


@login_required
def inspection_request(request: AuthedRequest) -> HttpResponse:
    """Customs or an agency asks for a joint inspection of an AEO (an OGA officer: with its
    own agency among the inspecting ones); with a date it is scheduled at once."""
    user = request.user
    if not user.has_perm("benefits.request_inspection"):
        raise PermissionDenied
    own = selectors.agency_of(user)
    form = InspectionRequestForm(
        _posted(request),
        agency_choices=[(a.code, a.name) for a in selectors.agencies()],
        initial={"agencies": [own.code] if own else []},
    )

    def ask(*, operator: str, agencies: list[str], **data):
        domestic = operators_visible_to(user).filter(economy_id=settings.AEO_ECONOMY)
        found = domestic.filter(tin=operator.strip()).first()
        if found is None:
            raise DomainError(_("No operator has this TIN."), field="operator", code="unknown")
        if own is not None and own.code not in agencies:  # the service refuses it (403)
            raise DomainError(_("Include your own agency."), field="agencies", code="not_own")
        named = [_agency_named(code, "agencies") for code in agencies]
        return services.request_joint_inspection(operator=found, agencies=named, **data)

    if request.method == "POST" and form.is_valid() and form.call(ask, actor=user):
        messages.success(request, _("The joint inspection is requested."))
        return redirect("benefits:inspection_detail", pk=form.result.pk)
    return _edit_page(request, form, _("Request a joint inspection"), _("Request it"))


def _inspection(request: HttpRequest, pk: int):
    return get_object_or_404(selectors.inspections_visible_to(request.user), pk=pk)


def _inspection_page(request: HttpRequest, inspection, bound=None):
    actions = available(INSPECTION_WORKFLOW, inspection, request.user, INSPECTION_ACTIONS)
    return render(
        request,
        "benefits/inspection_detail.html",
        {
            "inspection": inspection,
            "history": selectors.inspection_history(inspection),
            "actions": forms_for(actions, inspection, bound),
            "open_action": bound[0] if bound else None,
            "collapse_first": True,
        },
        status=400 if bound else 200,
    )


@login_required
def inspection_detail(request: AuthedRequest, pk: int) -> HttpResponse:
    return _inspection_page(request, _inspection(request, pk))


@login_required
@require_POST
def inspection_act(request: AuthedRequest, pk: int, action_name: str) -> HttpResponse:
    return core_act(
        request,
        _inspection(request, pk),
        workflow=INSPECTION_WORKFLOW,
        actions=INSPECTION_ACTIONS,
        name=action_name,
        kwarg="inspection",
        url_name="benefits:inspection_detail",
        redisplay=lambda bound: _inspection_page(request, _inspection(request, pk), bound),
    )
