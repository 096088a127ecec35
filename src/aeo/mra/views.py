"""Pages: the public MRA list and "how to use it", consent, exchange status, verification."""

import json
from functools import partial

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from aeo.accounts.constants import Role
from aeo.accounts.http import AuthedRequest
from aeo.benefits import selectors as benefit_selectors
from aeo.core.actions import Action, available, forms_for
from aeo.core.actions import act as core_act
from aeo.core.forms import UswdsForm
from aeo.mra import keys, selectors
from aeo.mra.constants import (
    CONSENT_WORKFLOW,
    MRA_WORKFLOW,
    ConsentStatus,
    MRAEventType,
    Source,
    VerifiedStatus,
)
from aeo.mra.forms import ConsentForm, MraForm, MraStatusForm, VerifyForm
from aeo.mra.models import Arrangement
from aeo.mra.services import arrangements, consent

_E = MRAEventType
ACTIONS: dict[str, Action] = {
    str(event): Action(
        label,
        MraStatusForm,
        partial(arrangements.change_mra_status, event=str(event)),
        (str(event),),
        secondary=event == _E.TERMINATED,
    )
    for event, label in (
        (_E.SIGNED, gettext_lazy("Record the signature")),
        (_E.ENTERED_INTO_FORCE, gettext_lazy("Record the entry into force")),
        (_E.SUSPENDED, gettext_lazy("Suspend the arrangement")),
        (_E.RESUMED, gettext_lazy("Resume the arrangement")),
        (_E.TERMINATED, gettext_lazy("Terminate the arrangement")),
    )
}


@require_GET
def mra_list(request: HttpRequest) -> HttpResponse:
    """Public: every arrangement, no sign-in."""
    return render(
        request,
        "mra/mra_list.html",
        {
            "mras": selectors.mras_visible_to(request.user),
            "may_record": request.user.has_perm("mra.manage_mra"),
        },
    )


@login_required
def mra_new(request: AuthedRequest) -> HttpResponse:
    """Policy officers record an arrangement under negotiation, with its scope and clause."""
    if not request.user.has_perm("mra.manage_mra"):
        raise PermissionDenied
    form = MraForm(request.POST or None)
    recorded = (
        request.method == "POST"
        and form.is_valid()
        and form.call(arrangements.create_mra, actor=request.user)
    )
    if recorded:
        messages.success(
            request, _("Arrangement recorded: record its signature when it is signed.")
        )
        return redirect("mra:mra_detail", pk=form.result.pk)
    return render(request, "mra/mra_new.html", {"form": form}, status=400 if form.errors else 200)


def _detail(request: HttpRequest, mra: Arrangement, bound: tuple[str, UswdsForm] | None = None):
    actions = available(MRA_WORKFLOW, mra, request.user, ACTIONS)
    return render(
        request,
        "mra/mra_detail.html",
        {
            "mra": mra,
            "history": selectors.mra_history(mra),
            "actions": forms_for(actions, mra, bound),
            "open_action": bound[0] if bound else None,
            "collapse_first": True,
        },
        status=400 if bound else 200,
    )


def _mra(request: HttpRequest, pk: int) -> Arrangement:
    return get_object_or_404(selectors.mras_visible_to(request.user), pk=pk)


@require_GET
def mra_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """Public: how to use the arrangement, its scope, benefits and monitoring clause."""
    return _detail(request, _mra(request, pk))


@login_required
@require_POST
def mra_act(request: AuthedRequest, pk: int, action_name: str) -> HttpResponse:
    return core_act(
        request,
        _mra(request, pk),
        workflow=MRA_WORKFLOW,
        actions=ACTIONS,
        name=action_name,
        kwarg="mra",
        url_name="mra:mra_detail",
        redisplay=lambda bound: _detail(request, _mra(request, pk), bound),
    )


@login_required
def consent_page(request: AuthedRequest) -> HttpResponse:
    """A trader gives or withdraws its consent to the exchange with MRA partners."""
    user = request.user
    if user.role != Role.TRADER or not user.operator_id:
        raise PermissionDenied
    current = selectors.consent_of(user.operator_id)
    form = ConsentForm(
        request.POST if request.method == "POST" else None,
        initial={"version": getattr(current, "version", None)},
    )
    if request.method == "POST":
        service = (
            consent.withdraw_consent
            if current is not None and current.status == ConsentStatus.GIVEN
            else consent.give_consent
        )
        if form.is_valid() and form.call(service, actor=user, operator=user.operator):
            messages.success(request, _("Your choice is recorded."))
            return redirect("mra:consent")
    given = current is not None and current.status == ConsentStatus.GIVEN
    return render(
        request,
        "mra/consent.html",
        {
            "consent": current,
            "given": given,
            "form": form,
            "history": current.events.select_related("actor") if current else [],
            "workflow": CONSENT_WORKFLOW,
        },
        status=400 if form.errors else 200,
    )


@login_required
def exchange_status(request: AuthedRequest) -> HttpResponse:
    """Per partner: what was sent and acknowledged, pending, errors, retries, received."""
    if not selectors.can_read_exchange(request.user):
        raise PermissionDenied
    partners = selectors.partners_visible_to(request.user)
    rows = [(p, selectors.is_stale(p)) for p in partners.order_by("economy__name")]
    public_key = json.dumps(keys.public_jwk(), indent=2)
    return render(request, "mra/exchange_status.html", {"rows": rows, "public_key": public_key})


def _entitled(result: selectors.AEOStatus, by_type: dict) -> list:
    """The benefits an active AEO of ours is entitled to, from its types (the border officer
    must know what to give it); none for anyone else."""
    if result.source != Source.OWN or result.status != VerifiedStatus.ACTIVE:
        return []
    found = {b.pk: b for code in result.types for b in by_type.get(code, [])}
    return sorted(found.values(), key=lambda b: (b.category, b.pk))


@login_required
def verify_page(request: AuthedRequest) -> HttpResponse:
    """Border and OGA officers check one or many parties at once (paste or upload a list)."""
    if not selectors.can_verify(request.user):
        raise PermissionDenied
    form = VerifyForm(request.POST or None, request.FILES or None)
    results = None
    if request.method == "POST" and form.is_valid():
        by_type = benefit_selectors.benefits_by_type(settings.AEO_ECONOMY)
        results = [
            (r, _entitled(r, by_type)) for r in selectors.verify(form.cleaned_data["id_list"])
        ]
    return render(
        request,
        "mra/verify.html",
        {"form": form, "results": results},
        status=400 if form.errors else 200,
    )
