from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render

from aeo.accounts.constants import Role
from aeo.accounts.http import AuthedRequest
from aeo.registry.models import Economy
from aeo.registry.selectors import operators_visible_to
from aeo.supervision.selectors.aeo import aeo_overview


@login_required
def home(request: AuthedRequest) -> HttpResponse:
    """Each role lands on what it does most."""
    user = request.user
    context: dict[str, object] = {"role": user.role}
    if user.role == Role.TRADER:
        context["operator"] = operators_visible_to(user).get()  # exactly its own
        context["aeo"] = aeo_overview(context["operator"])
    else:
        operators = operators_visible_to(user)
        context["operator_count"] = operators.count()
        context["sme_count"] = operators.smes().count()
        context["economy_count"] = Economy.objects.count()
        context["recent_operators"] = operators.order_by("-created_at")[:5]
    return render(request, "home/home.html", context)
