from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from aeo.core.errors import DomainError
from aeo.core.http import AuthedRequest
from aeo.registry.selectors import operators_visible_to
from aeo.supervision import services
from aeo.supervision.forms import ContactForm


@login_required
@require_POST
def log_contact(request: AuthedRequest, operator_id: int) -> HttpResponse:
    if not request.user.is_customs:
        raise Http404
    operator = get_object_or_404(operators_visible_to(request.user), pk=operator_id)
    form = ContactForm(request.POST)
    if form.is_valid():
        try:
            services.log_contact(actor=request.user, operator=operator, **form.cleaned_data)
        except DomainError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, _("Contact logged."))
    else:
        messages.error(
            request,
            _("Check the contact details: %(errors)s")
            % {"errors": "; ".join(" ".join(map(str, e)) for e in form.errors.values())},
        )
    return redirect("registry:operator_detail", pk=operator.pk)
