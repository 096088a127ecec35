from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render

from aeo.accounts.http import AuthedRequest
from aeo.supervision.constants import MonitoringDueKind, MonitoringLevel
from aeo.supervision.selectors import monitoring as selectors


@login_required
def due(request: AuthedRequest) -> HttpResponse:
    """The unit's monitoring: contacts and audits overdue, due this month, upcoming."""
    if not (request.user.is_customs or request.user.is_superuser):
        raise Http404
    kind = request.GET.get("kind", "")
    kind = kind if kind in MonitoringDueKind.values else ""
    level = request.GET.get("level", "")
    level = level if level in MonitoringLevel.values else ""
    due = selectors.due_for(request.user, kind=kind, level=level)
    return render(
        request,
        "supervision/monitoring/due.html",
        {
            "sections": [
                ("overdue", due.overdue),
                ("this_month", due.this_month),
                ("upcoming", due.upcoming),
            ],
            "kinds": MonitoringDueKind.choices,
            "levels": MonitoringLevel.choices,
            "kind": kind,
            "level": level,
            "can_plan": request.user.role == "auditor",
        },
    )
