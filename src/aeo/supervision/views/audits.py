from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from aeo.accounts.http import AuthedRequest
from aeo.core.actions import Action, act, available, forms_for
from aeo.core.errors import DomainError
from aeo.core.forms import UswdsForm
from aeo.registry.models import Operator
from aeo.supervision.constants import (
    AUDIT_WORKFLOW,
    REASSESSMENT_WORKFLOW,
    AuditEventType,
    AuditStatus,
    ProposedAction,
    ReassessmentEventType,
)
from aeo.supervision.forms import audits as forms
from aeo.supervision.forms.reassessments import ConclusionForm
from aeo.supervision.selectors import audits as selectors
from aeo.supervision.selectors import corrective_actions as action_selectors
from aeo.supervision.selectors import reassessments as reassessment_selectors
from aeo.supervision.selectors.scope import operator_q
from aeo.supervision.services import audits as services
from aeo.supervision.services import corrective_actions as action_services
from aeo.supervision.services import reassessments as reassessment_services

ACTIONS = {
    "notify": Action(
        gettext_lazy("Notify the trader"),
        forms.NotifyForm,
        services.notify_audit,
        (AuditEventType.NOTIFIED,),
    ),
    "finding": Action(
        gettext_lazy("Record a finding"),
        forms.FindingForm,
        services.record_finding,
        (AuditEventType.FINDING_RECORDED,),
    ),
    "report": Action(
        gettext_lazy("Issue the report"),
        forms.ReportForm,
        services.issue_audit_report,
        (AuditEventType.REPORT_ISSUED,),
    ),
    "close": Action(
        gettext_lazy("Close the audit"),
        forms.CloseForm,
        services.close_audit,
        (AuditEventType.CLOSED,),
        secondary=True,
    ),
    "cancel": Action(
        gettext_lazy("Cancel the audit"),
        forms.CancelForm,
        services.cancel_audit,
        (AuditEventType.CANCELLED,),
        secondary=True,
    ),
}


def _get(request: AuthedRequest, pk: int):
    return get_object_or_404(selectors.audits_visible_to(request.user), pk=pk)


@login_required
def audit_list(request: AuthedRequest) -> HttpResponse:
    """The audits the user sees (an auditor: its unit's), filterable by status and "mine"."""
    status = request.GET.get("status", "")
    if status not in AuditStatus.values:
        status = ""
    mine = request.GET.get("mine") == "1"
    qs = selectors.search_audits(
        selectors.audits_visible_to(request.user),
        status=status,
        mine_of=request.user if mine else None,
    )
    page = Paginator(qs, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "supervision/audits/list.html",
        {
            "page_obj": page,
            "statuses": AuditStatus.choices,
            "status": status,
            "mine": mine,
            "querystring_base": f"status={status}&mine={'1' if mine else ''}&",
        },
    )


def _detail(request: AuthedRequest, audit, bound=None, extra_bound=None) -> HttpResponse:
    actions = available(AUDIT_WORKFLOW, audit, request.user, ACTIONS)
    user = request.user
    findings = list(selectors.findings_of(audit))
    can_raise = user.has_perm("supervision.conduct_audit", audit) and audit.status in (
        AuditStatus.PERFORMED,
        AuditStatus.REPORT_ISSUED,
    )
    extra = dict(extra_bound or {})
    reassessments = list(
        reassessment_selectors.reassessments_visible_to(user).filter(operator=audit.operator)
    )
    concluding = [
        (
            r,
            f"conclude-{r.pk}",
            extra.get(f"conclude-{r.pk}")
            or ConclusionForm(prefix=f"conclude-{r.pk}", initial={"version": r.version}),
        )
        for r in reassessments
        if ReassessmentEventType.CONCLUDED in REASSESSMENT_WORKFLOW.allowed_events(r, user)
    ]
    proposed = audit.proposed_action == ProposedAction.REASSESSMENT_OR_SUSPENSION
    return render(
        request,
        "supervision/audits/detail.html",
        {
            "audit": audit,
            "obj": audit,
            "is_trader": user.is_trader,
            "criteria": selectors.scope_criteria(audit),
            "findings": findings,
            "raise_form": extra.get("raise") or forms.RaiseActionForm(prefix="raise"),
            "can_raise": can_raise,
            "corrective_actions": list(
                action_selectors.corrective_actions_visible_to(user).filter(finding__audit=audit)
            ),
            "actions": forms_for(actions, audit, bound),
            "act_url": "supervision:audit_act",
            "open_action": bound[0] if bound else "",
            "history": selectors.history(audit) if not user.is_trader else [],
            "proposed": proposed,
            "suspend_form": (
                extra.get("suspend") or forms.SuspendForm(prefix="suspend")
                if proposed and user.has_perm("authorizations.suspend", audit.operator)
                else None
            ),
            "reassess_form": (
                extra.get("reassess")
                or forms.ReassessmentForm(
                    prefix="reassess", initial={"trigger": "monitoring_finding"}
                )
                if user.has_perm("supervision.start_reassessment", audit.operator)
                else None
            ),
            "reassessments": reassessments,
            "concluding": concluding,
        },
    )


@login_required
def audit_detail(request: AuthedRequest, pk: int) -> HttpResponse:
    """The audit: date, scope (criteria of the version authorized under), findings, report,
    corrective actions; the forms of what the user may do now. The trader sees its notice."""
    return _detail(request, _get(request, pk))


@login_required
def audit_act(request: AuthedRequest, pk: int, action_name: str) -> HttpResponse:
    audit = _get(request, pk)
    if request.method != "POST":
        return redirect("supervision:audit", pk=audit.pk)
    return act(
        request,
        audit,
        workflow=AUDIT_WORKFLOW,
        actions=ACTIONS,
        name=action_name,
        kwarg="audit",
        url_name="supervision:audit",
        redisplay=lambda bound: _detail(request, _get(request, pk), bound),
    )


@login_required
def audit_follow_up(request: AuthedRequest, pk: int, what: str) -> HttpResponse:
    """Raise a corrective action on a finding, act on a critical finding's proposal
    (suspend, start a re-assessment) or conclude a re-assessment."""
    audit = _get(request, pk)
    if request.method != "POST":
        return redirect("supervision:audit", pk=audit.pk)
    user = request.user
    form: UswdsForm
    try:
        if what == "raise":
            finding = get_object_or_404(audit.findings, pk=request.POST.get("finding") or 0)
            form = forms.RaiseActionForm(request.POST, prefix="raise")
            ok = form.is_valid() and form.call(
                action_services.create_corrective_action, actor=user, finding=finding
            )
        elif what == "suspend":
            form = forms.SuspendForm(request.POST, prefix="suspend")
            ok = form.is_valid() and form.call(services.suspend_on_finding, actor=user, audit=audit)
        elif what == "reassess":
            form = forms.ReassessmentForm(request.POST, prefix="reassess")
            ok = form.is_valid() and form.call(
                reassessment_services.start_reassessment,
                actor=user,
                operator=audit.operator,
                audit=audit,
            )
        elif what.startswith("conclude-") and what[9:].isdigit():
            reassessment = get_object_or_404(
                reassessment_selectors.reassessments_visible_to(user).filter(
                    operator=audit.operator
                ),
                pk=int(what[9:]),
            )
            form = ConclusionForm(request.POST, prefix=what)
            ok = form.is_valid() and form.call(
                reassessment_services.conclude_reassessment, actor=user, reassessment=reassessment
            )
        else:
            raise Http404
    except PermissionDenied as exc:
        raise Http404 from exc
    except DomainError as exc:  # a refusal outside any form field (e.g. illegal move)
        messages.error(request, exc.message)
        return redirect("supervision:audit", pk=audit.pk)
    if ok:
        messages.success(request, _("Done."))
        return redirect("supervision:audit", pk=audit.pk)
    return _detail(request, _get(request, pk), extra_bound={what: form})


@login_required
def plan(request: AuthedRequest, operator_id: int) -> HttpResponse:
    """Plan an audit of an AEO of the auditor's unit."""
    operator = get_object_or_404(
        Operator.objects.select_related("region").filter(operator_q(request.user, "")),
        pk=operator_id,
    )
    if not request.user.has_perm("supervision.plan_audit", operator):
        raise Http404
    form = forms.PlanAuditForm(request.POST or None)
    if (
        request.method == "POST"
        and form.is_valid()
        and form.call(services.plan_audit, actor=request.user, operator=operator)
    ):
        messages.success(request, _("Audit planned."))
        return redirect("supervision:audits")
    return render(request, "supervision/audits/plan.html", {"operator": operator, "form": form})
