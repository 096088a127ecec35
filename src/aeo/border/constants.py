"""Declarations, lanes and the one map of a declaration's moves after lodgment."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from aeo.core.workflow import Condition, Move, Workflow


class Direction(models.TextChoices):
    IMPORT = "import", _("Import")
    EXPORT = "export", _("Export")


class TransportMode(models.TextChoices):
    """The TRS engine's transport modes (`aeo.trs.engine.schema.TRANSPORT_MODES`)."""

    SEA = "sea", _("Sea")
    AIR = "air", _("Air")
    ROAD = "road", _("Road")
    RAIL = "rail", _("Rail")
    POST = "post", _("Post")


class Lane(models.TextChoices):
    """The study's clearance modes; the codes are the TRS engine's `clearance_mode`."""

    FREE = "free", _("Free from Paper and Cargo Examination")
    PAPER = "paper", _("Paper Review")
    EXAM = "exam", _("Cargo Examination")


# Lanes by severity: a criterion or a draw only ever raises a declaration's lane.
LANE_ORDER = (Lane.FREE, Lane.PAPER, Lane.EXAM)


class DeclarationStatus(models.TextChoices):
    LODGED = "lodged", _("Lodged")
    SELECTED = "selected", _("Lane assigned")
    EXAMINED = "examined", _("Examined")
    RELEASED = "released", _("Released")
    DELIVERED = "delivered", _("Delivered")


class DeclarationEventType(models.TextChoices):
    LODGED = "lodged", _("Lodged")
    LANE_ASSIGNED = "lane_assigned", _("Lane assigned")
    REROUTED = "rerouted", _("Re-routed")
    EXAMINED = "examined", _("Examination result recorded")
    RELEASED = "released", _("Released")
    DELIVERED = "delivered", _("Delivered")
    OGA_CLEARED = "oga_cleared", _("Cleared by the other government agency")
    JOINT_INSPECTION_REQUESTED = "joint_inspection_requested", _("Joint inspection requested")


class ExaminationResult(models.TextChoices):
    NO_DISCREPANCY = "no_discrepancy", _("No discrepancy")
    DISCREPANCY = "discrepancy", _("Discrepancy found")


def _examined_if_needed(declaration) -> bool:
    """Goods in the paper or examination lane are released after their result is recorded."""
    return declaration.lane == Lane.FREE or bool(declaration.examination_result)


def _oga_cleared(declaration) -> bool:
    return not declaration.oga_required or declaration.oga_cleared_at is not None


def _oga_pending(declaration) -> bool:
    return declaration.oga_required and declaration.oga_cleared_at is None


def _no_joint_inspection(declaration) -> bool:
    return not declaration.joint_inspection_requested


EXAMINATION_PENDING = Condition(
    "examination_pending",
    _("Record the examination result before releasing the goods."),
    _examined_if_needed,
)
OGA_PENDING = Condition(
    "oga_pending",
    _("The goods wait for the other government agency's approval."),
    _oga_cleared,
)

_S, _E = DeclarationStatus, DeclarationEventType
_BEFORE_RELEASE = frozenset({_S.SELECTED, _S.EXAMINED})
WORKFLOW = Workflow(
    name="declaration",
    states=DeclarationStatus,
    events=DeclarationEventType,
    openings=frozenset({_E.LODGED}),
    moves={
        _E.LANE_ASSIGNED: Move(frozenset({_S.LODGED}), frozenset({_S.SELECTED}), "border.select"),
        # An officer sends the goods to another lane, with a reason; examined again from there.
        _E.REROUTED: Move(_BEFORE_RELEASE, frozenset({_S.SELECTED}), "border.examine"),
        _E.EXAMINED: Move(frozenset({_S.SELECTED}), frozenset({_S.EXAMINED}), "border.examine"),
        _E.OGA_CLEARED: Move(
            _BEFORE_RELEASE,
            perm="border.clear_oga",
            conditions=(Condition("no_oga", _("No agency must clear these goods."), _oga_pending),),
        ),
        _E.JOINT_INSPECTION_REQUESTED: Move(
            _BEFORE_RELEASE,
            perm="border.examine",
            conditions=(
                Condition(
                    "already_requested",
                    _("A joint inspection is already requested."),
                    _no_joint_inspection,
                ),
            ),
        ),
        _E.RELEASED: Move(
            _BEFORE_RELEASE,
            frozenset({_S.RELEASED}),
            "border.release",
            conditions=(EXAMINATION_PENDING, OGA_PENDING),
        ),
        _E.DELIVERED: Move(frozenset({_S.RELEASED}), frozenset({_S.DELIVERED}), "border.deliver"),
    },
)


class ImportStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    RUNNING = "running", _("Running")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")


class PartnerStatus(models.TextChoices):
    """The partner AEO's status as the MRA exchange answered when the lane was assigned."""

    VALID = "valid", _("Valid AEO of the partner")
    UNKNOWN = "unknown", _("Unknown")
    NOT_AEO = "not_aeo", _("Not an AEO of the partner")
