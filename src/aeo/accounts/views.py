"""The user's own API tokens: list, issue (shown once) and revoke."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from aeo.accounts import services
from aeo.accounts.http import AuthedRequest
from aeo.accounts.models import ApiToken
from aeo.core.errors import DomainError


@login_required
def tokens(request: AuthedRequest) -> HttpResponse:
    issued = None
    error = None
    if request.method == "POST":
        name = request.POST.get("name", "").strip()
        if not name or len(name) > 100:
            error = _("Give the token a name of up to 100 characters.")
        else:
            try:
                issued = services.issue_token(actor=request.user, user=request.user, name=name)
            except DomainError as exc:
                error = exc.message
    own = ApiToken.objects.filter(user=request.user).order_by("-created_at", "-id")
    return render(
        request,
        "accounts/tokens.html",
        {"tokens": own, "issued": issued, "error": error, "name": request.POST.get("name", "")},
        status=422 if error else 200,
    )


@login_required
@require_POST
def revoke(request: AuthedRequest, pk: int) -> HttpResponse:
    token = get_object_or_404(ApiToken, pk=pk, user=request.user)
    services.revoke_token(actor=request.user, token=token)
    messages.success(request, _("Token revoked."))
    return redirect("accounts:tokens")
