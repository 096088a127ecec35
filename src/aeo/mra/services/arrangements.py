"""Arrangements: created by policy officers, moved along their timeline by the one workflow."""

from datetime import date

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from aeo.benefits.constants import BenefitStatus, Category
from aeo.benefits.models import Benefit
from aeo.core import audit
from aeo.core.errors import DomainError
from aeo.core.now import today
from aeo.core.workflow import open_history, transition
from aeo.mra.constants import DATE_FIELDS, MRA_WORKFLOW, MRAEventType
from aeo.mra.models import (
    Arrangement,
    ArrangementDocument,
    BenefitAbroad,
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
    benefits_here: list[int] = (),  # type: ignore[assignment]
    benefits_abroad: list[dict] = (),  # type: ignore[assignment]
    benefits_here_notes: str = "",
    benefits_abroad_notes: str = "",
    partner_identifier: str = "",
    declaration_field: str = "",
    scope: list[tuple[str, str]] = (),  # type: ignore[assignment]
    indicators: list[dict] = (),  # type: ignore[assignment]
    documents: list[tuple[str, str]] = (),  # type: ignore[assignment]
) -> Arrangement:
    """A new arrangement under negotiation with one or more partner economies. The benefits
    each way: `benefits_here`, ids of our published catalogue benefits the partner's AEOs get;
    `benefits_abroad`, the partner's benefits for our AEOs (title_en, title_ja, category,
    aeo_types: codes of our types in the scope)."""
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
    ours_here = _published_benefits(benefits_here)
    abroad = _abroad_lines(benefits_abroad, {ours.strip().upper() for ours, _theirs in scope})
    mra = Arrangement.objects.create(
        title=title.strip(),
        legal_act=legal_act.strip(),
        benefits_here_notes=benefits_here_notes.strip(),
        benefits_abroad_notes=benefits_abroad_notes.strip(),
        partner_identifier=partner_identifier.strip(),
        declaration_field=declaration_field.strip(),
    )
    mra.partners.set(economies)
    mra.benefits_here.set(ours_here)
    for line in abroad:
        line.arrangement = mra
    BenefitAbroad.objects.bulk_create(abroad)
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


def _published_benefits(ids: list[int]) -> list[Benefit]:
    """Our catalogue's published benefits by id: any other id is refused on its field."""
    wanted = set(ids)
    found = list(
        Benefit.objects.filter(
            pk__in=wanted, status=BenefitStatus.PUBLISHED, economy_id=settings.AEO_ECONOMY
        )
    )
    unknown = sorted(wanted - {b.pk for b in found})
    if unknown:
        raise DomainError(
            _("Not a published benefit of the catalogue: %s.") % ", ".join(map(str, unknown)),
            field="benefits_here",
            code="unknown_benefit",
        )
    return found


def _abroad_lines(lines: list[dict], scope: set[str]) -> list[BenefitAbroad]:
    """The partner's benefits, each for AEO types of ours that the scope recognizes."""
    rows = []
    for line in lines:
        title = line["title_en"].strip()
        types = sorted({code.strip().upper() for code in line["aeo_types"] if code.strip()})
        if not title:
            raise DomainError(
                _("Give each benefit's English title."), field="benefits_abroad", code="required"
            )
        if line["category"] not in Category.values:
            raise DomainError(
                _("Unknown category: %s.") % line["category"],
                field="benefits_abroad",
                code="unknown_choice",
            )
        if not types or not set(types) <= scope:
            raise DomainError(
                _("A benefit abroad applies to AEO types in the scope: %s.")
                % (", ".join(sorted(scope)) or "—"),
                field="benefits_abroad",
                code="not_in_scope",
            )
        rows.append(
            BenefitAbroad(
                title_en=title,
                title_ja=line.get("title_ja", "").strip(),
                category=line["category"],
                aeo_types=types,
            )
        )
    return rows


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
