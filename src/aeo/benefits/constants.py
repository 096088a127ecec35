"""Choices and workflow maps of the benefits app: benefits, MoUs, OGA-proposed criteria and
joint inspections (each a map for `aeo.core.workflow.transition`)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from aeo.core.workflow import Move, Workflow


class Mandate(models.TextChoices):
    FOOD_SAFETY = "food_safety", _("Food safety")
    PLANT_PROTECTION = "plant_protection", _("Plant protection")
    ANIMAL_QUARANTINE = "animal_quarantine", _("Animal quarantine")
    PHARMACEUTICALS = "pharmaceuticals", _("Pharmaceuticals")
    EXPORT_CONTROL = "export_control", _("Export control")
    OTHER = "other", _("Other")


class Authority(models.TextChoices):
    """Who grants a benefit: customs, or the agency the benefit names."""

    CUSTOMS = "customs", _("Customs")
    AGENCY = "agency", _("Other government agency")


class Category(models.TextChoices):
    """WTO Trade Facilitation Agreement art. 7.7.3 measures, and the programme's others."""

    LOW_DOCUMENTATION = "low_documentation", _("Low documentary and data requirements")
    LOW_INSPECTION = "low_inspection", _("Low rate of physical inspections and examinations")
    RAPID_RELEASE = "rapid_release", _("Rapid release time")
    DEFERRED_PAYMENT = "deferred_payment", _("Deferred payment of duties, taxes, fees and charges")
    GUARANTEES = "guarantees", _("Reduced or comprehensive guarantees")
    PERIODIC_DECLARATION = (
        "periodic_declaration",
        _("A single customs declaration for all imports or exports in a period"),
    )
    PREMISES_CLEARANCE = (
        "premises_clearance",
        _("Clearance at the operator's premises or another authorized place"),
    )
    MARKET_PREFERENCE = "market_preference", _("Market preference")
    CRISIS_PRIORITY = "crisis_priority", _("Priority in crises")
    ACCOUNT_MANAGER = "account_manager", _("Account manager")
    ADVANCE_NOTICE = "advance_notice", _("Notification of examination in advance")


# The categories that are the TFA art. 7.7 measures (the rest are the programme's own).
TFA_CATEGORIES = frozenset(
    {
        Category.LOW_DOCUMENTATION,
        Category.LOW_INSPECTION,
        Category.RAPID_RELEASE,
        Category.DEFERRED_PAYMENT,
        Category.GUARANTEES,
        Category.PERIODIC_DECLARATION,
        Category.PREMISES_CLEARANCE,
    }
)


class BenefitStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class BenefitEventType(models.TextChoices):
    DRAFTED = "drafted", _("Drafted")
    PUBLISHED = "published", _("Published")
    WITHDRAWN = "withdrawn", _("Withdrawn")


_B, _BE = BenefitStatus, BenefitEventType
BENEFIT_WORKFLOW = Workflow(
    name="benefit",
    states=BenefitStatus,
    events=BenefitEventType,
    openings=frozenset({_BE.DRAFTED}),
    moves={
        _BE.PUBLISHED: Move(
            frozenset({_B.DRAFT}), frozenset({_B.PUBLISHED}), "benefits.publish_benefit"
        ),
        _BE.WITHDRAWN: Move(
            frozenset({_B.DRAFT, _B.PUBLISHED}),
            frozenset({_B.WITHDRAWN}),
            "benefits.publish_benefit",
        ),
    },
)


class Commitment(models.TextChoices):
    """What customs and an agency commit to under a memorandum of understanding."""

    SHARED_CRITERIA = "shared_criteria", _("Shared criteria")
    MUTUAL_RECOGNITION = "mutual_recognition", _("Mutual recognition of the AEO status")
    JOINT_INSPECTIONS = "joint_inspections", _("Joint inspections")
    SINGLE_CONTACT = "single_contact", _("One point of contact")


class MoUStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SIGNED = "signed", _("Signed")
    IN_FORCE = "in_force", _("In force")
    TERMINATED = "terminated", _("Terminated")


class MoUEventType(models.TextChoices):
    DRAFTED = "drafted", _("Drafted")
    SIGNED = "signed", _("Signed")
    ENTERED_INTO_FORCE = "entered_into_force", _("Entered into force")
    TERMINATED = "terminated", _("Terminated")


_U, _UE = MoUStatus, MoUEventType
MOU_WORKFLOW = Workflow(
    name="mou",
    states=MoUStatus,
    events=MoUEventType,
    openings=frozenset({_UE.DRAFTED}),
    moves={
        _UE.SIGNED: Move(frozenset({_U.DRAFT}), frozenset({_U.SIGNED}), "benefits.change_mou"),
        _UE.ENTERED_INTO_FORCE: Move(
            frozenset({_U.SIGNED}), frozenset({_U.IN_FORCE}), "benefits.change_mou"
        ),
        _UE.TERMINATED: Move(
            frozenset({_U.DRAFT, _U.SIGNED, _U.IN_FORCE}),
            frozenset({_U.TERMINATED}),
            "benefits.change_mou",
        ),
    },
)
# The date each MoU event sets.
MOU_DATE_FIELDS = {
    _UE.SIGNED: "signed_on",
    _UE.ENTERED_INTO_FORCE: "effective_from",
    _UE.TERMINATED: "terminated_on",
}


class ProposalStatus(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    ACCEPTED = "accepted", _("Accepted")
    REJECTED = "rejected", _("Rejected")


class ProposalEventType(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    ACCEPTED = "accepted", _("Accepted")
    REJECTED = "rejected", _("Rejected")


_P, _PE = ProposalStatus, ProposalEventType
PROPOSAL_WORKFLOW = Workflow(
    name="proposed_criteria",
    states=ProposalStatus,
    events=ProposalEventType,
    openings=frozenset({_PE.PROPOSED}),
    moves={
        _PE.ACCEPTED: Move(
            frozenset({_P.PROPOSED}), frozenset({_P.ACCEPTED}), "benefits.decide_proposal"
        ),
        _PE.REJECTED: Move(
            frozenset({_P.PROPOSED}), frozenset({_P.REJECTED}), "benefits.decide_proposal"
        ),
    },
)


class InspectionStatus(models.TextChoices):
    REQUESTED = "requested", _("Requested")
    SCHEDULED = "scheduled", _("Scheduled")
    PERFORMED = "performed", _("Performed")
    CANCELLED = "cancelled", _("Cancelled")


class InspectionEventType(models.TextChoices):
    REQUESTED = "requested", _("Requested")
    SCHEDULED = "scheduled", _("Scheduled")
    PERFORMED = "performed", _("Performed")
    CANCELLED = "cancelled", _("Cancelled")


class InspectionResult(models.TextChoices):
    NO_ISSUE = "no_issue", _("No issue found")
    ISSUE_FOUND = "issue_found", _("Issue found")


_I, _IE = InspectionStatus, InspectionEventType
INSPECTION_WORKFLOW = Workflow(
    name="joint_inspection",
    states=InspectionStatus,
    events=InspectionEventType,
    openings=frozenset({_IE.REQUESTED}),
    moves={
        # Scheduling again moves the time or the place.
        _IE.SCHEDULED: Move(
            frozenset({_I.REQUESTED, _I.SCHEDULED}),
            frozenset({_I.SCHEDULED}),
            "benefits.manage_inspection",
        ),
        _IE.PERFORMED: Move(
            frozenset({_I.SCHEDULED}), frozenset({_I.PERFORMED}), "benefits.manage_inspection"
        ),
        _IE.CANCELLED: Move(
            frozenset({_I.REQUESTED, _I.SCHEDULED}),
            frozenset({_I.CANCELLED}),
            "benefits.manage_inspection",
        ),
    },
)

MAX_TYPES = 20
MAX_HS_PREFIXES = 50
MAX_QUESTIONS = 20
