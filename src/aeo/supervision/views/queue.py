from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from aeo.accounts.constants import Role
from aeo.accounts.http import AuthedRequest
from aeo.accounts.models import User
from aeo.core.now import today
from aeo.registry.models import Operator
from aeo.supervision.forms.contacts import ReassignForm
from aeo.supervision.selectors import queue as selectors
from aeo.supervision.selectors.contacts import current_account_manager
from aeo.supervision.selectors.scope import operator_q
from aeo.supervision.services.contacts import reassign_account_manager

QUEUE_ROWS = 50


@login_required
def queue(request: AuthedRequest) -> HttpResponse:
    """An account manager's queue; a coordinator sees every manager's load and any one queue."""
    user = request.user
    if user.role not in (Role.ACCOUNT_MANAGER, Role.COORDINATOR) and not user.is_superuser:
        raise Http404
    manager = None
    if user.role != Role.ACCOUNT_MANAGER and request.GET.get("manager", "").isdigit():
        manager = get_object_or_404(User, pk=int(request.GET["manager"]), role=Role.ACCOUNT_MANAGER)
    incidents, changes = selectors.queue_of(user, manager)
    return render(
        request,
        "supervision/queue.html",
        {
            "manager": manager,
            "incidents": incidents[:QUEUE_ROWS],
            "changes": changes[:QUEUE_ROWS],
            "plans": selectors.monitoring_of(user, manager)[:QUEUE_ROWS],
            "today": today(),
            "managers": selectors.managers_with_load() if user.role != Role.ACCOUNT_MANAGER else (),
        },
    )


@login_required
def reassign(request: AuthedRequest, operator_id: int) -> HttpResponse:
    if not request.user.has_perm("supervision.reassign_account_manager"):
        raise PermissionDenied
    operator = get_object_or_404(
        Operator.objects.filter(operator_q(request.user, "")), pk=operator_id
    )
    form = ReassignForm(request.POST or None)
    if (
        request.method == "POST"
        and form.is_valid()
        and form.call(reassign_account_manager, actor=request.user, operator=operator)
    ):
        messages.success(request, _("Account manager reassigned."))
        return redirect("registry:operator_detail", pk=operator.pk)
    return render(
        request,
        "supervision/reassign.html",
        {"operator": operator, "form": form, "current": current_account_manager(operator)},
        status=400 if form.errors else 200,
    )
