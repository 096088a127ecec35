from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render

from aeo.accounts.http import AuthedRequest
from aeo.supervision.selectors.aeo import aeo_overview


@login_required
def my_aeo(request: AuthedRequest) -> HttpResponse:
    """The trader's own AEO page: the same panel its home page shows once it is an AEO."""
    if not request.user.is_trader or request.user.operator is None:
        raise Http404
    return render(request, "supervision/my_aeo.html", {"aeo": aeo_overview(request.user.operator)})
