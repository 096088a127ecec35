from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from aeo.accounts.http import AuthedRequest
from aeo.registry.selectors import operators_visible_to
from aeo.supervision.forms.contacts import ContactForm
from aeo.supervision.selectors import contacts as selectors
from aeo.supervision.selectors.reports import open_incidents, pending_changes
from aeo.supervision.services import contacts as services


@login_required
def operator(request: AuthedRequest, operator_id: int) -> HttpResponse:
    """An operator's account manager and (for customs) contact log, with the form to log one.

    The operator page loads it in place (htmx); a rejected entry comes back with its errors on
    their fields and what was typed kept.
    """
    found = get_object_or_404(operators_visible_to(request.user), pk=operator_id)
    reads = request.user.has_perm("supervision.read_contacts", found)
    form = (
        ContactForm(request.POST or None)
        if request.user.has_perm("supervision.log_contact", found)
        else None
    )
    logged = False
    if (
        request.method == "POST"
        and form is not None
        and form.is_valid()
        and form.call(services.log_contact, actor=request.user, operator=found)
    ):
        if not request.headers.get("HX-Request"):
            return redirect("registry:operator_detail", pk=found.pk)
        form, logged = ContactForm(), True
    template = (
        "supervision/_operator.html"
        if request.headers.get("HX-Request")
        else ("supervision/operator.html")
    )
    return render(
        request,
        template,
        {
            "operator": found,
            "account_manager": selectors.current_account_manager(found),
            "contacts": selectors.contacts_for(found)[:50] if reads else None,
            "pending_changes": pending_changes(found.change_notifications.all()) if reads else (),
            "open_incidents": open_incidents(found.incidents.all()) if reads else (),
            "form": form,
            "logged": logged,
        },
    )
