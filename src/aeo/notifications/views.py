from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from aeo.accounts.http import AuthedRequest
from aeo.notifications import selectors, services


@login_required
def inbox(request: AuthedRequest) -> HttpResponse:
    page = Paginator(selectors.inbox(request.user), 25).get_page(request.GET.get("page"))
    return render(request, "notifications/inbox.html", {"page_obj": page, "querystring_base": ""})


@login_required
@require_POST
def mark_all_read(request: AuthedRequest) -> HttpResponse:
    services.mark_read(actor=request.user)
    return redirect("notifications:inbox")
