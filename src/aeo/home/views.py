from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render

from aeo.accounts.constants import Role
from aeo.accounts.http import AuthedRequest
from aeo.benefits import selectors as benefits
from aeo.home.queues import cards_for
from aeo.mra import selectors as mra
from aeo.registry.selectors import operators_visible_to
from aeo.supervision.selectors.aeo import aeo_overview


@login_required
def home(request: AuthedRequest) -> HttpResponse:
    """Each role lands on what it does most: a trader on its company and status, an official on
    its work queue and the status search."""
    user = request.user
    context: dict[str, object] = {"role": user.role}
    if user.role == Role.TRADER:
        operator = operators_visible_to(user).get()  # exactly its own
        context["operator"] = operator
        context["aeo"] = aeo_overview(operator)
        context["my_benefits"] = list(benefits.benefits_for_operator(operator))
        context["benefits_abroad"] = mra.benefits_abroad_for(operator)
        context["upcoming_inspections"] = list(benefits.upcoming_inspections(operator)[:5])
    else:
        context["cards"] = cards_for(user)
    return render(request, "home/home.html", context)
