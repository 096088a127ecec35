"""Arrangements: created by policy officers, moved along their timeline by the one workflow."""

from datetime import date

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from aeo.core import audit
from aeo.core.errors import DomainError
from aeo.core.now import today
from aeo.core.workflow import open_history, transition
from aeo.mra.constants import DATE_FIELDS, MRA_WORKFLOW, MRAEventType
from aeo.mra.models import (
    Arrangement,
    ArrangementDocument,
    MonitoringIndicator,
    Partner,
    RecognizedType,
)
from aeo.mra.services import outbox
from aeo.registry.models import Economy


@transaction.atomic
def create_mra(
    *,
    actor,
    title: str,
    partners: list[str],
    legal_act: str = "",
    benefits_ours_abroad: str = "",
    benefits_theirs_here: str = "",
    partner_identifier: str = "",
    declaration_field: str = "",
    scope: list[tuple[str, str]] = (),  # type: ignore[assignment]
    indicators: list[dict] = (),  # type: ignore[assignment]
    documents: list[tuple[str, str]] = (),  # type: ignore[assignment]
) -> Arrangement:
    """A new arrangement under negotiation with one or more partner economies."""
    if actor is not None and not actor.has_perm("mra.manage_mra"):
        raise PermissionDenied(_("You may not record arrangements."))
    if not title.strip():
        raise DomainError(_("Give the arrangement's title."), field="title", code="required")
    codes = sorted({code.strip().upper() for code in partners})
    economies = list(Economy.objects.filter(code__in=codes))
    if not codes or len(economies) != len(codes):
        unknown = sorted(set(codes) - {e.code for e in economies})
        raise DomainError(
            _("Unknown partner economy: %s.") % ", ".join(unknown)
            if unknown
            else _("Name at least one partner economy."),
            field="partners",
            code="unknown_choice" if unknown else "required",
        )
    mra = Arrangement.objects.create(
        title=title.strip(),
        legal_act=legal_act.strip(),
        benefits_ours_abroad=benefits_ours_abroad.strip(),
        benefits_theirs_here=benefits_theirs_here.strip(),
        partner_identifier=partner_identifier.strip(),
        declaration_field=declaration_field.strip(),
    )
    mra.partners.set(economies)
    RecognizedType.objects.bulk_create(
        RecognizedType(arrangement=mra, our_type=ours, partner_type=theirs)
        for ours, theirs in scope
    )
    MonitoringIndicator.objects.bulk_create(
        MonitoringIndicator(
            arrangement=mra,
            indicator=i["indicator"],
            target=i["target"],
            stage=i.get("stage"),
            target_change_pct=i.get("target_change_pct"),
        )
        for i in indicators
    )
    ArrangementDocument.objects.bulk_create(
        ArrangementDocument(arrangement=mra, title=t, url=u) for t, u in documents
    )
    open_history(actor=actor, obj=mra, workflow=MRA_WORKFLOW, event=MRAEventType.OPENED)
    audit.record(actor=actor, action="mra.partners", obj=mra, changes={"partners": codes})
    return mra


@transaction.atomic
def change_mra_status(
    *,
    actor,
    mra: Arrangement,
    event: str,
    effective_on: date | None = None,
    comment: str = "",
    version: int | None = None,
) -> Arrangement:
    """Sign, bring into force, suspend, resume or terminate, on the date it took effect."""
    if event not in MRA_WORKFLOW.moves:
        raise DomainError(_("Choose what happened."), field="event", code="unknown_choice")
    on = effective_on or today()
    date_field = DATE_FIELDS.get(MRAEventType(event))
    mra = transition(
        actor=actor,
        obj=mra,
        workflow=MRA_WORKFLOW,
        event=event,
        version=version,
        fields={date_field: on} if date_field else None,
        comment=comment.strip(),
        data={"on": on.isoformat()},
    )
    if event in (MRAEventType.ENTERED_INTO_FORCE, MRAEventType.RESUMED):
        outbox.snapshot_for(Partner.objects.filter(economy__in=mra.partners.all()))
    return mra
