"""Writes of the benefits app: keyword-only, actor first, atomic, each with its audit event.

The seam other apps use: `record_benefit_use(actor=..., benefit=..., operator=...,
reference=...)` records that a benefit was given to an AEO (the border does, on release), for
the KPIs. Workflow moves go through `aeo.core.workflow.transition` and the maps in
`benefits.constants`.
"""

import re
from collections.abc import Iterable
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from aeo.accounts.constants import Role
from aeo.benefits import selectors
from aeo.benefits.constants import (
    BENEFIT_WORKFLOW,
    INSPECTION_WORKFLOW,
    MAX_HS_PREFIXES,
    MAX_QUESTIONS,
    MAX_TYPES,
    MOU_DATE_FIELDS,
    MOU_WORKFLOW,
    PROPOSAL_WORKFLOW,
    BenefitEventType,
    BenefitStatus,
    Category,
    Commitment,
    InspectionEventType,
    InspectionResult,
    Mandate,
    MoUEventType,
    ProposalEventType,
)
from aeo.benefits.models import (
    Agency,
    AgencyMember,
    Benefit,
    BenefitUse,
    JointInspection,
    MoU,
    ProposedCriteria,
)
from aeo.benefits.rules import agency_id_of
from aeo.core import audit
from aeo.core.errors import Conflict, DomainError
from aeo.core.now import now, today
from aeo.core.workflow import open_history, transition
from aeo.registry import selectors as registry_selectors
from aeo.registry.constants import OperatorRole
from aeo.registry.models import Operator
from aeo.requirements import selectors as requirement_selectors
from aeo.requirements import services as requirement_services
from aeo.requirements.constants import Area, QuestionKind, TemplateStatus

HS_PREFIX = re.compile(r"^\d{2,10}$")
RESERVED_CODES = frozenset({"new"})  # /benefits/agencies/new/ is the page that creates one


def _require(actor: Any, perm: str, obj: Any = None) -> None:
    if actor is not None and not actor.has_perm(perm, obj):
        raise PermissionDenied(_("You may not do this."))


def _text(value: str, field: str, message: str) -> str:
    value = (value or "").strip()
    if not value:
        raise DomainError(message, field=field, code="required")
    return value


# --- Agencies -------------------------------------------------------------------------------


@transaction.atomic
def create_agency(
    *,
    actor: Any,
    code: str,
    name_en: str,
    mandate: str,
    name_ja: str = "",
    contact: str = "",
    email: str = "",
    website: str = "",
) -> Agency:
    """A new agency in the programme (policy officers; the demo as the system)."""
    _require(actor, "benefits.manage_mou")
    code = _text(code, "code", _("Give the agency's code.")).lower()
    if not re.fullmatch(r"[a-z0-9-]{1,16}", code):
        raise DomainError(
            _("Use up to 16 letters, digits and hyphens."), field="code", code="invalid"
        )
    if code in RESERVED_CODES or Agency.objects.filter(code=code).exists():
        raise Conflict(_("An agency has this code already."), field="code", code="duplicate")
    if mandate not in Mandate.values:
        raise DomainError(_("Choose a mandate."), field="mandate", code="unknown_choice")
    agency = Agency.objects.create(
        code=code,
        name_en=_text(name_en, "name_en", _("Give the agency's name.")),
        name_ja=name_ja.strip(),
        mandate=mandate,
        contact=contact.strip(),
        email=email.strip(),
        website=website.strip(),
    )
    audit.record(actor=actor, action="agency.created", obj=agency, changes={"code": [None, code]})
    return agency


@transaction.atomic
def update_agency(
    *,
    actor: Any,
    agency: Agency,
    name_en: str,
    mandate: str,
    name_ja: str = "",
    contact: str = "",
    email: str = "",
    website: str = "",
) -> Agency:
    """Change an agency's names, mandate and contact (its code names it for good)."""
    _require(actor, "benefits.manage_mou")
    if mandate not in Mandate.values:
        raise DomainError(_("Choose a mandate."), field="mandate", code="unknown_choice")
    fields = ("name_en", "name_ja", "mandate", "contact", "email", "website")
    before = {f: getattr(agency, f) for f in fields}
    agency.name_en = _text(name_en, "name_en", _("Give the agency's name."))
    agency.name_ja, agency.mandate = name_ja.strip(), mandate
    agency.contact, agency.email, agency.website = contact.strip(), email.strip(), website.strip()
    agency.save(update_fields=fields)
    after = {f: getattr(agency, f) for f in fields}
    changes = audit.diff(before, after)
    audit.record(actor=actor, action="agency.changed", obj=agency, changes=changes)
    return agency


@transaction.atomic
def add_agency_member(*, actor: Any, agency: Agency, user: Any) -> AgencyMember:
    """Link an OGA officer to the one agency it acts for."""
    _require(actor, "benefits.manage_mou")
    if user.role != Role.OGA_OFFICER:
        raise DomainError(
            _("Only OGA officers belong to an agency."), field="user", code="not_oga_officer"
        )
    member, created = AgencyMember.objects.update_or_create(user=user, defaults={"agency": agency})
    user.__dict__.pop("_benefits_agency_id", None)
    audit.record(
        actor=actor,
        action="agency.member_added" if created else "agency.member_moved",
        obj=agency,
        changes={"member": [None, user.username]},
    )
    return member


# --- Benefits -------------------------------------------------------------------------------


def _aeo_types(economy: str, codes: Iterable[str]) -> list[str]:
    codes = list(dict.fromkeys(str(c).strip().upper() for c in codes if str(c).strip()))
    if not codes:
        raise DomainError(_("Choose at least one AEO type."), field="aeo_types", code="required")
    if len(codes) > MAX_TYPES:
        raise DomainError(_("Too many AEO types."), field="aeo_types", code="too_many")
    known = [t.code for t in registry_selectors.aeo_types(economy)]
    unknown = [c for c in codes if c not in known]
    if unknown:
        raise DomainError(
            _("Not an AEO type of this programme: %(codes)s.") % {"codes": ", ".join(unknown)},
            field="aeo_types",
            code="unknown_choice",
        )
    return [c for c in known if c in codes]  # in the programme's order


def _granting_agency(actor: Any, agency: Agency | None) -> Agency | None:
    """Policy officers draft for customs or any agency; an OGA officer only for its own."""
    own = agency_id_of(actor) if actor is not None else None
    if actor is None or actor.is_superuser or actor.role == Role.POLICY_OFFICER:
        return agency
    if own is None:
        raise PermissionDenied(_("You may not draft benefits."))
    if agency is not None and agency.pk != own:
        raise PermissionDenied(_("You act only for your own agency."))
    return agency or Agency.objects.get(pk=own)


def _percent(value: Decimal | float | None) -> Decimal | None:
    """A percentage to two decimals (the API gives a float, a page a Decimal)."""
    return None if value is None else Decimal(str(value)).quantize(Decimal("0.01"))


def _reduction_given(category: str, by_customs: bool, percent: Decimal | None) -> None:
    """A customs benefit of low rate of inspections states its reduction: the border's
    selectivity lowers the AEO's examination rates by it."""
    if category == Category.LOW_INSPECTION and by_customs and percent is None:
        raise DomainError(
            _("Give the reduction (%): the selectivity lowers the AEO's examination rates by it."),
            field="condition_percent",
            code="required",
        )


def _amounts(percent: Decimal | None, amount: int | None) -> None:
    if percent is not None and not Decimal(0) < percent <= Decimal(100):
        raise DomainError(
            _("Give a percentage above 0 and at most 100."),
            field="condition_percent",
            code="out_of_range",
        )
    if amount is not None and not 0 < amount < 10**14:
        raise DomainError(
            _("Give a positive amount."), field="condition_amount", code="out_of_range"
        )


@transaction.atomic
def create_benefit(
    *,
    actor: Any,
    title_en: str,
    aeo_types: Iterable[str],
    category: str,
    agency: Agency | None = None,
    title_ja: str = "",
    description_en: str = "",
    description_ja: str = "",
    legal_basis: str = "",
    conditions: str = "",
    condition_percent: Decimal | float | None = None,
    condition_amount: int | None = None,
    valid_from: date | None = None,
    valid_to: date | None = None,
    economy: str = "",
    comment: str = "",
) -> Benefit:
    """A draft benefit of customs (`agency` None) or of an agency, for some AEO types."""
    _require(actor, "benefits.draft_benefit")
    agency = _granting_agency(actor, agency)
    economy = (economy or settings.AEO_ECONOMY).upper()
    if category not in Category.values:
        raise DomainError(_("Choose a category."), field="category", code="unknown_choice")
    if valid_from and valid_to and valid_to < valid_from:
        raise DomainError(
            _("The end of validity is before its start."), field="valid_to", code="before_start"
        )
    condition_percent = _percent(condition_percent)
    _amounts(condition_percent, condition_amount)
    _reduction_given(category, agency is None, condition_percent)
    benefit = Benefit.objects.create(
        economy_id=economy,
        title_en=_text(title_en, "title_en", _("Give the benefit's title.")),
        title_ja=title_ja.strip(),
        description_en=description_en.strip(),
        description_ja=description_ja.strip(),
        aeo_types=_aeo_types(economy, aeo_types),
        agency=agency,
        category=category,
        legal_basis=legal_basis.strip(),
        conditions=conditions.strip(),
        condition_percent=condition_percent,
        condition_amount=condition_amount,
        valid_from=valid_from,
        valid_to=valid_to,
        created_by=actor if getattr(actor, "pk", None) else None,
    )
    open_history(
        actor=actor,
        obj=benefit,
        workflow=BENEFIT_WORKFLOW,
        event=BenefitEventType.DRAFTED,
        comment=comment.strip(),
        data={"agency": agency.code if agency else None, "aeo_types": benefit.aeo_types},
    )
    return benefit


@transaction.atomic
def publish_benefit(
    *, actor: Any, benefit: Benefit, comment: str = "", version: int | None = None
) -> Benefit:
    """Publish a draft: it enters the catalogue and the AEOs' "your benefits" (audited). A
    customs benefit of low rate of inspections needs its reduction: it is what the border's
    selectivity applies to the AEO's declarations."""
    _reduction_given(benefit.category, benefit.agency_id is None, benefit.condition_percent)
    return transition(
        actor=actor,
        obj=benefit,
        workflow=BENEFIT_WORKFLOW,
        event=BenefitEventType.PUBLISHED,
        version=version,
        fields={"published_at": now()},
        comment=comment.strip(),
    )


@transaction.atomic
def withdraw_benefit(
    *, actor: Any, benefit: Benefit, comment: str = "", version: int | None = None
) -> Benefit:
    """Withdraw a benefit (kept, with its history and uses, never deleted)."""
    return transition(
        actor=actor,
        obj=benefit,
        workflow=BENEFIT_WORKFLOW,
        event=BenefitEventType.WITHDRAWN,
        version=version,
        comment=comment.strip(),
    )


@transaction.atomic
def record_benefit_use(
    *,
    actor: Any,
    benefit: Benefit,
    operator: Operator,
    reference: str,
    note: str = "",
    on: date | None = None,
) -> BenefitUse:
    """Record that `benefit` was given to `operator` on a declaration or event (`reference`),
    for the KPIs. `actor` None is the system (e.g. the border's release). Refused unless the
    benefit is published and the operator entitled to it that day
    (`selectors.benefits_for_operator`); an OGA officer records only its agency's benefits."""
    if actor is not None:
        _require(actor, "benefits.record_use")
        own = agency_id_of(actor)
        if own is not None and benefit.agency_id != own:
            raise PermissionDenied(_("You act only for your own agency."))
    reference = _text(reference, "reference", _("Give the declaration or the event."))[:200]
    if benefit.status != BenefitStatus.PUBLISHED:
        raise Conflict(_("The benefit is not published."), field="benefit", code="not_published")
    if not selectors.benefits_for_operator(operator, on).filter(pk=benefit.pk).exists():
        raise Conflict(
            _("The operator is not entitled to this benefit."),
            field="operator_id",
            code="not_entitled",
        )
    use = BenefitUse.objects.create(
        benefit=benefit,
        operator=operator,
        reference=reference,
        note=note.strip(),
        recorded_by=actor if getattr(actor, "pk", None) else None,
    )
    audit.record(
        actor=actor,
        action="benefit.used",
        obj=benefit,
        changes={"operator": [None, operator.tin], "reference": [None, reference]},
    )
    return use


# --- MoUs -----------------------------------------------------------------------------------


def _commitments(values: Iterable[str]) -> list[str]:
    values = list(dict.fromkeys(values))
    unknown = [v for v in values if v not in Commitment.values]
    if unknown:
        raise DomainError(_("Unknown commitment."), field="commitments", code="unknown_choice")
    return [c for c in Commitment.values if c in values]


@transaction.atomic
def create_mou(
    *,
    actor: Any,
    agency: Agency,
    title: str,
    scope: str = "",
    commitments: Iterable[str] = (),
    document_reference: str = "",
) -> MoU:
    """A draft memorandum of understanding between customs and `agency`."""
    _require(actor, "benefits.manage_mou")
    mou = MoU.objects.create(
        agency=agency,
        title=_text(title, "title", _("Give the memorandum's title.")),
        scope=scope.strip(),
        commitments=_commitments(commitments),
        document_reference=document_reference.strip(),
    )
    open_history(actor=actor, obj=mou, workflow=MOU_WORKFLOW, event=MoUEventType.DRAFTED)
    return mou


@transaction.atomic
def change_mou_status(
    *,
    actor: Any,
    mou: MoU,
    event: str,
    effective_on: date | None = None,
    comment: str = "",
    version: int | None = None,
) -> MoU:
    """Sign, bring into force or terminate, on the day it took effect (today by default)."""
    if event not in MOU_WORKFLOW.moves:
        raise DomainError(_("Choose what happened."), field="event", code="unknown_choice")
    on = effective_on or today()
    return transition(
        actor=actor,
        obj=mou,
        workflow=MOU_WORKFLOW,
        event=event,
        version=version,
        fields={MOU_DATE_FIELDS[MoUEventType(event)]: on},
        comment=comment.strip(),
        data={"on": on.isoformat()},
    )


# --- Proposed criteria ----------------------------------------------------------------------


def _roles(values: Iterable[str]) -> list[str]:
    values = list(dict.fromkeys(values))
    if set(values) - set(OperatorRole.values):
        raise DomainError(_("Unknown role."), field="roles", code="unknown_choice")
    return values


def _hs_prefixes(values: Iterable[str]) -> list[str]:
    values = list(dict.fromkeys(v.strip().replace(".", "") for v in values if v.strip()))
    if len(values) > MAX_HS_PREFIXES or not all(HS_PREFIX.match(v) for v in values):
        raise DomainError(
            _("Give HS code prefixes of 2 to 10 digits."), field="hs_prefixes", code="invalid"
        )
    return values


# A choice question needs its choices: the policy officer adds it in the requirements' draft.
PROPOSED_KINDS = tuple(k for k in QuestionKind.values if k != QuestionKind.CHOICE)


def _questions(values: Iterable[dict[str, str]]) -> list[dict[str, str]]:
    """The proposed questions: each with its English text and an answer kind."""
    questions = []
    for row in values:
        text_en = (row.get("text_en") or "").strip()
        if not text_en:
            raise DomainError(_("Give each question's text."), field="questions", code="required")
        if row.get("kind") not in PROPOSED_KINDS:
            raise DomainError(
                _("Choose each question's kind of answer."),
                field="questions",
                code="unknown_choice",
            )
        ja = (row.get("text_ja") or "").strip()
        questions.append({"text_en": text_en, "text_ja": ja, "kind": str(row["kind"])})
    if len(questions) > MAX_QUESTIONS:
        raise DomainError(_("Too many questions."), field="questions", code="too_many")
    return questions


@transaction.atomic
def propose_criteria(
    *,
    actor: Any,
    text_en: str,
    text_ja: str = "",
    roles: Iterable[str] = (),
    hs_prefixes: Iterable[str] = (),
    agency: Agency | None = None,
    questions: Iterable[dict[str, str]] = (),
) -> ProposedCriteria:
    """An OGA officer proposes criteria for its agency's sector (roles and goods concerned),
    with the questions an operator is to answer on it (`_questions`)."""
    _require(actor, "benefits.propose_criteria")
    own = agency_id_of(actor) if actor is not None else None
    if agency is None:
        if own is None:
            raise DomainError(_("Choose the agency."), field="agency", code="required")
        agency = Agency.objects.get(pk=own)
    elif own is not None and agency.pk != own:
        raise PermissionDenied(_("You act only for your own agency."))
    proposal = ProposedCriteria.objects.create(
        agency=agency,
        text_en=_text(text_en, "text_en", _("Give the criterion.")),
        text_ja=text_ja.strip(),
        roles=_roles(roles),
        hs_prefixes=_hs_prefixes(hs_prefixes),
        questions=_questions(questions),
        proposed_by=actor if getattr(actor, "pk", None) else None,
    )
    open_history(
        actor=actor, obj=proposal, workflow=PROPOSAL_WORKFLOW, event=ProposalEventType.PROPOSED
    )
    return proposal


def _draft_template(actor: Any):
    """The requirements' draft version, created (from the published one) if there is none."""
    draft = requirement_selectors.template_versions().filter(status=TemplateStatus.DRAFT).first()
    if draft is not None:
        return draft
    agency_note = _("Criteria proposed by other government agencies.")
    return requirement_services.create_draft(actor=actor, notes=agency_note)


def _enter_requirements(actor: Any, proposal: ProposedCriteria, area: str):
    template = _draft_template(actor)
    goods = ", ".join(proposal.hs_prefixes)
    description = "\n\n".join(
        part
        for part in (
            proposal.text_en,
            proposal.text_ja,
            _("Proposed by %(agency)s.") % {"agency": proposal.agency.name_en},
            _("Goods (HS): %(codes)s") % {"codes": goods} if goods else "",
        )
        if part
    )
    criterion = requirement_services.save_criterion(
        actor=actor,
        template=template,
        data={
            "code": f"OGA-{proposal.pk}"[:10],
            "area": area,
            "title": f"[{proposal.agency.code.upper()}] {proposal.text_en}"[:200],
            "description": description,
            "roles": list(proposal.roles),
        },
    )
    for number, question in enumerate(proposal.questions, start=1):
        requirement_services.save_question(
            actor=actor,
            criterion=criterion,
            data={
                "code": f"{criterion.code}-{number}",
                "kind": question["kind"],
                "text": "\n\n".join(t for t in (question["text_en"], question["text_ja"]) if t),
            },
        )
    return template, criterion


@transaction.atomic
def decide_proposed_criteria(
    *,
    actor: Any,
    proposal: ProposedCriteria,
    accept: bool,
    reason: str = "",
    area: str = Area.COMPLIANCE_PROGRAMME,
    version: int | None = None,
) -> ProposedCriteria:
    """Accept (the criterion enters the requirements' draft version, code OGA-<id>, titled
    with the agency's code, for the proposal's roles, with its questions OGA-<id>-<n>) or
    reject, with the reason."""
    event = ProposalEventType.ACCEPTED if accept else ProposalEventType.REJECTED
    refusal = PROPOSAL_WORKFLOW.refusal(proposal, event, actor)
    if refusal is not None:
        raise refusal
    if area not in Area.values:
        raise DomainError(_("Choose an area."), field="area", code="unknown_choice")
    fields: dict[str, Any] = {"decision_reason": reason.strip()}
    if accept:
        template, criterion = _enter_requirements(actor, proposal, area)
        fields |= {"criterion": criterion, "template_number": template.number}
    return transition(
        actor=actor,
        obj=proposal,
        workflow=PROPOSAL_WORKFLOW,
        event=event,
        version=version,
        fields=fields,
        comment=reason.strip(),
    )


# --- Joint inspections ----------------------------------------------------------------------


@transaction.atomic
def request_joint_inspection(
    *,
    actor: Any,
    operator: Operator,
    agencies: Iterable[Agency],
    place: str,
    reference: str = "",
    comment: str = "",
    scheduled_at: datetime | None = None,
) -> JointInspection:
    """Customs and the agencies are to examine the AEO's goods together, once; with
    `scheduled_at` it is scheduled at once (two moves in its history)."""
    _require(actor, "benefits.request_inspection")
    agencies = list({a.pk: a for a in agencies}.values())
    if not agencies:
        raise DomainError(_("Choose at least one agency."), field="agencies", code="required")
    own = agency_id_of(actor) if actor is not None else None
    if own is not None and own not in {a.pk for a in agencies}:
        raise PermissionDenied(_("You act only for your own agency."))
    inspection = JointInspection.objects.create(
        operator=operator,
        place=_text(place, "place", _("Give the place.")),
        reference=reference.strip(),
        requested_by=actor if getattr(actor, "pk", None) else None,
    )
    inspection.agencies.set(agencies)
    open_history(
        actor=actor,
        obj=inspection,
        workflow=INSPECTION_WORKFLOW,
        event=InspectionEventType.REQUESTED,
        comment=comment.strip(),
        data={"agencies": sorted(a.code for a in agencies)},
    )
    if scheduled_at is not None:
        return schedule_joint_inspection(
            actor=actor, inspection=inspection, scheduled_at=scheduled_at
        )
    return inspection


@transaction.atomic
def schedule_joint_inspection(
    *,
    actor: Any,
    inspection: JointInspection,
    scheduled_at: datetime,
    place: str = "",
    comment: str = "",
    version: int | None = None,
) -> JointInspection:
    """Fix (or move) the time and the place; the AEO sees it among its upcoming ones."""
    fields: dict[str, Any] = {"scheduled_at": scheduled_at}
    if place.strip():
        fields["place"] = place.strip()
    return transition(
        actor=actor,
        obj=inspection,
        workflow=INSPECTION_WORKFLOW,
        event=InspectionEventType.SCHEDULED,
        version=version,
        fields=fields,
        comment=comment.strip(),
        data={"at": scheduled_at.isoformat()},
    )


@transaction.atomic
def record_joint_inspection(
    *,
    actor: Any,
    inspection: JointInspection,
    result: str,
    findings: str = "",
    minutes_saved: int | None = None,
    performed_at: datetime | None = None,
    version: int | None = None,
) -> JointInspection:
    """The result, and the time saved against separate inspections by each authority."""
    if result not in InspectionResult.values:
        raise DomainError(_("Choose the result."), field="result", code="unknown_choice")
    if minutes_saved is not None and not 0 <= minutes_saved <= 100_000:
        raise DomainError(
            _("Give the minutes saved (0 to 100,000)."), field="minutes_saved", code="out_of_range"
        )
    return transition(
        actor=actor,
        obj=inspection,
        workflow=INSPECTION_WORKFLOW,
        event=InspectionEventType.PERFORMED,
        version=version,
        fields={
            "result": result,
            "findings": findings.strip(),
            "minutes_saved": minutes_saved,
            "performed_at": performed_at or now(),
        },
        comment=findings.strip(),
    )


@transaction.atomic
def cancel_joint_inspection(
    *,
    actor: Any,
    inspection: JointInspection,
    reason: str = "",
    version: int | None = None,
) -> JointInspection:
    return transition(
        actor=actor,
        obj=inspection,
        workflow=INSPECTION_WORKFLOW,
        event=InspectionEventType.CANCELLED,
        version=version,
        comment=reason.strip(),
    )
