"""A trader's consent to its AEO status being sent to MRA partners (all of them, as the EU asks)."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from aeo.core.workflow import open_history, transition
from aeo.mra.constants import CONSENT_WORKFLOW, ConsentEventType, ConsentStatus
from aeo.mra.models import ExchangeConsent
from aeo.mra.services import outbox
from aeo.registry.models import Operator


@transaction.atomic
def give_consent(*, actor, operator: Operator, version: int | None = None) -> ExchangeConsent:
    """Give (or give again) consent: the current authorizations are sent in full to partners."""
    consent = ExchangeConsent.objects.filter(operator=operator).first()
    if consent is None:
        consent = ExchangeConsent(operator=operator, status=ConsentStatus.GIVEN)
        if actor is not None and not actor.has_perm("mra.consent", consent):
            raise PermissionDenied(_("You may not give consent for this operator."))
        consent.save()
        open_history(
            actor=actor, obj=consent, workflow=CONSENT_WORKFLOW, event=ConsentEventType.GIVEN
        )
    else:
        consent = transition(
            actor=actor,
            obj=consent,
            workflow=CONSENT_WORKFLOW,
            event=ConsentEventType.RENEWED,
            version=version,
        )
    outbox.send_in_full(operator)
    return consent


@transaction.atomic
def withdraw_consent(*, actor, operator: Operator, version: int | None = None) -> ExchangeConsent:
    """Withdraw consent: partners are told at once and hear nothing more of the operator."""
    consent = ExchangeConsent.objects.filter(operator=operator).first()
    if consent is None:
        consent = ExchangeConsent(operator=operator, status=ConsentStatus.WITHDRAWN)
        if actor is not None and not actor.has_perm("mra.consent", consent):
            raise PermissionDenied(_("You may not withdraw consent for this operator."))
        return consent  # nothing was ever given, nothing to tell
    consent = transition(
        actor=actor,
        obj=consent,
        workflow=CONSENT_WORKFLOW,
        event=ConsentEventType.WITHDRAWN,
        version=version,
    )
    outbox.withdraw(operator)
    return consent
