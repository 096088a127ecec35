from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from aeo.accounts.http import AuthedRequest
from aeo.supervision.constants import (
    CORRECTIVE_ACTION_WORKFLOW,
    CorrectiveActionEventType,
    CorrectiveActionStatus,
)
from aeo.supervision.forms.corrective_actions import ResponseForm, VerificationForm
from aeo.supervision.selectors import corrective_actions as selectors
from aeo.supervision.services import corrective_actions as services


@login_required
def action_list(request: AuthedRequest) -> HttpResponse:
    """A trader's corrective actions (officials: their unit's), filterable by status."""
    status = request.GET.get("status", "")
    if status not in CorrectiveActionStatus.values:
        status = ""
    overdue = True if request.GET.get("overdue") == "1" else None
    qs = selectors.search_actions(
        selectors.corrective_actions_visible_to(request.user), status=status, overdue=overdue
    )
    page = Paginator(qs, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "supervision/corrective_actions/list.html",
        {
            "page_obj": page,
            "statuses": CorrectiveActionStatus.choices,
            "status": status,
            "overdue": overdue,
            "querystring_base": f"status={status}&overdue={'1' if overdue else ''}&",
        },
    )


@login_required
def action_detail(request: AuthedRequest, pk: int) -> HttpResponse:
    """The action with the trader's response form (with evidence) or the verification form."""
    action = get_object_or_404(selectors.corrective_actions_visible_to(request.user), pk=pk)
    allowed = CORRECTIVE_ACTION_WORKFLOW.allowed_events(action, request.user)
    respond = CorrectiveActionEventType.RESPONDED in allowed
    verify = CorrectiveActionEventType.ACCEPTED in allowed
    initial = {"version": action.version}
    response_form = ResponseForm(prefix="respond", initial=initial) if respond else None
    verification_form = VerificationForm(prefix="verify", initial=initial) if verify else None
    if request.method == "POST":
        if respond and "respond-response" in request.POST:
            response_form = ResponseForm(request.POST, request.FILES, prefix="respond")
            if response_form.is_valid():
                upload = response_form.cleaned_data.pop("file", None)
                if response_form.call(
                    lambda **kw: services.respond_to_corrective_action(
                        files=[upload] if upload else [], **kw
                    ),
                    actor=request.user,
                    action=action,
                ):
                    messages.success(request, _("Response sent."))
                    return redirect("supervision:corrective_action", pk=action.pk)
        elif verify and "verify-decision" in request.POST:
            verification_form = VerificationForm(request.POST, prefix="verify")
            if verification_form.is_valid() and verification_form.call(
                services.verify_corrective_action, actor=request.user, action=action
            ):
                messages.success(request, _("Verification recorded."))
                return redirect("supervision:corrective_action", pk=action.pk)
        else:
            messages.error(request, _("This action is not available any more: reload the page."))
            return redirect("supervision:corrective_action", pk=action.pk)
    return render(
        request,
        "supervision/corrective_actions/detail.html",
        {
            "action": action,
            "evidence": selectors.evidence_of(action),
            "history": selectors.history(action),
            "response_form": response_form,
            "verification_form": verification_form,
        },
    )
