from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from aeo.accounts.http import AuthedRequest
from aeo.authorizations import selectors, services
from aeo.authorizations.certificate import certificate_for
from aeo.authorizations.certificate_pdf import render_pdf
from aeo.authorizations.constants import AEOType, AuthorizationStatus
from aeo.authorizations.forms import StatusChangeForm
from aeo.authorizations.models import Authorization

PAGE_SIZE = 25


def _listing(
    request: HttpRequest, qs: QuerySet[Authorization], template: str, filter_names: tuple[str, ...]
) -> HttpResponse:
    filters = {name: request.GET.get(name, "").strip() for name in filter_names}
    qs = selectors.search_authorizations(
        qs, q=filters["q"], aeo_type=filters["type"], status=filters.get("status", "")
    )
    context = {
        "page_obj": Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page")),
        "filters": filters,
        "types": AEOType.choices,
        "statuses": AuthorizationStatus.choices,
        "querystring_base": urlencode({k: v for k, v in filters.items() if v}) + "&",
        "link_rows": request.user.is_authenticated,
    }
    if request.headers.get("HX-Request"):
        template = "authorizations/_authorization_rows.html"
    return render(request, template, context)


@require_GET
def register(request: HttpRequest) -> HttpResponse:
    """The public AEO register: no sign-in, active authorizations and public fields only."""
    return _listing(
        request, selectors.public_register(), "authorizations/register.html", ("q", "type")
    )


@login_required
def authorization_list(request: AuthedRequest) -> HttpResponse:
    return _listing(
        request,
        selectors.authorizations_visible_to(request.user),
        "authorizations/authorization_list.html",
        ("q", "type", "status"),
    )


def _visible(request: AuthedRequest, pk: int) -> Authorization:
    return get_object_or_404(selectors.authorizations_visible_to(request.user), pk=pk)


def _detail(request: AuthedRequest, authorization: Authorization, form=None) -> HttpResponse:
    targets = selectors.reachable_statuses(request.user, authorization)
    return render(
        request,
        "authorizations/authorization_detail.html",
        {
            "authorization": authorization,
            "history": selectors.history(authorization),
            "form": form or (StatusChangeForm(targets=targets) if targets else None),
        },
        status=400 if form else 200,
    )


@login_required
def authorization_detail(request: AuthedRequest, pk: int) -> HttpResponse:
    return _detail(request, _visible(request, pk))


@login_required
@require_POST
def authorization_status(request: AuthedRequest, pk: int) -> HttpResponse:
    authorization = _visible(request, pk)
    targets = selectors.reachable_statuses(request.user, authorization)
    if not targets:
        raise PermissionDenied
    form = StatusChangeForm(request.POST, targets=targets)
    if form.is_valid() and form.call(
        services.change_status, actor=request.user, authorization=authorization
    ):
        messages.success(request, _("Status changed."))
        return redirect("authorizations:authorization_detail", pk=pk)
    return _detail(request, authorization, form)


@login_required
def certificate(request: AuthedRequest, pk: int) -> HttpResponse:
    authorization = _visible(request, pk)
    return render(
        request,
        "authorizations/certificate.html",
        {"authorization": authorization, "certificate": certificate_for(authorization)},
    )


@login_required
def certificate_pdf(request: AuthedRequest, pk: int) -> HttpResponse:
    authorization = _visible(request, pk)
    pdf = render_pdf(certificate_for(authorization), document_title=authorization.aeo_number)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{authorization.aeo_number}.pdf"'
    return response
