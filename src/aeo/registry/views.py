from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from aeo.accounts.http import AuthedRequest
from aeo.core import audit, business_days
from aeo.core.errors import DomainError
from aeo.core.now import today
from aeo.core.pagination import BoundedPaginator, searched
from aeo.registry import selectors, services
from aeo.registry.constants import OperatorRole
from aeo.registry.forms import OperatorForm
from aeo.registry.models import Economy

PAGE_SIZE = 25


@login_required
def operator_list(request: AuthedRequest) -> HttpResponse:
    if not request.user.has_perm("registry.read_operator"):
        raise PermissionDenied
    filters = {k: request.GET.get(k, "").strip() for k in ("q", "role", "sme", "economy")}
    visible = selectors.operators_visible_to(request.user)
    qs = searched(selectors.search_operators(visible, **filters), filters["q"], visible)
    page = BoundedPaginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "page_obj": page,
        "filters": filters,
        "roles": OperatorRole.choices,
        "querystring_base": urlencode({k: v for k, v in filters.items() if v}) + "&",
    }
    template = "registry/_operator_rows.html" if request.headers.get("HX-Request") else None
    return render(request, template or "registry/operator_list.html", context)


@login_required
def operator_detail(request: AuthedRequest, pk: int) -> HttpResponse:
    operator = get_object_or_404(selectors.operators_visible_to(request.user), pk=pk)
    history = audit.history([operator]).all()[:100]
    return render(
        request,
        "registry/operator_detail.html",
        {
            "operator": operator,
            "history": history,
            "can_edit": request.user.has_perm("registry.edit_operator", operator),
        },
    )


def _initial(operator) -> dict:
    return {
        "economy": operator.economy,
        "tin": operator.tin,
        "legal_name": operator.legal_name,
        "address": operator.address,
        "region": operator.region,
        "employee_count": operator.employee_count,
        "email": operator.email,
        "roles": operator.role_codes,
    }


def _apply_errors(form: OperatorForm, exc: Exception) -> None:
    if isinstance(exc, DomainError):
        form.add_error(exc.field if exc.field in form.fields else None, exc.message)
    else:
        assert isinstance(exc, ValidationError)
        form.add_error(None, exc)


@login_required
def operator_create(request: AuthedRequest) -> HttpResponse:
    if not request.user.has_perm("registry.create_operator"):
        raise PermissionDenied
    form = OperatorForm(
        request.POST or None,
        initial={"economy": request.user.office and request.user.office.economy_id},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            operator = services.create_operator(actor=request.user, **data)
        except (ValidationError, DomainError) as exc:
            _apply_errors(form, exc)
        else:
            messages.success(request, _("Operator registered."))
            return redirect("registry:operator_detail", pk=operator.pk)
    return render(request, "registry/operator_form.html", {"form": form, "operator": None})


@login_required
def operator_edit(request: AuthedRequest, pk: int) -> HttpResponse:
    operator = get_object_or_404(selectors.operators_visible_to(request.user), pk=pk)
    if not request.user.has_perm("registry.edit_operator", operator):
        raise PermissionDenied
    locked = request.user.is_trader
    form = OperatorForm(request.POST or None, initial=_initial(operator), identity_locked=locked)
    if request.method == "POST" and form.is_valid():
        changes = dict(form.cleaned_data)
        reason = changes.pop("reason", "")
        if locked:
            changes.pop("economy"), changes.pop("tin")
        try:
            services.update_operator(
                actor=request.user, operator=operator, changes=changes, reason=reason
            )
        except (ValidationError, DomainError) as exc:
            _apply_errors(form, exc)
        else:
            messages.success(request, _("Changes saved."))
            return redirect("registry:operator_detail", pk=operator.pk)
    return render(request, "registry/operator_form.html", {"form": form, "operator": operator})


def economy_list(request: HttpRequest) -> HttpResponse:
    return render(request, "registry/economy_list.html", {"economies": selectors.economies()})


def economy_detail(request: HttpRequest, code: str) -> HttpResponse:
    economy = get_object_or_404(Economy, code=code.upper())
    year = today().year
    return render(
        request,
        "registry/economy_detail.html",
        {
            "economy": economy,
            "offices": economy.offices.all(),
            "aeo_types": selectors.aeo_types(economy.code),
            "year": year,
            "holidays": business_days.holiday_names(economy.calendar_code, year),
        },
    )
