from django.db import models
from django.utils.translation import gettext_lazy as _

from aeo.core.workflow import Move, Workflow

# Evidence uploads larger than this are refused (bytes).
MAX_TEXT_ANSWER = 5000


class TemplateStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")
    SUPERSEDED = "superseded", _("Superseded")


class TemplateEventType(models.TextChoices):
    DRAFTED = "drafted", _("Drafted")
    PUBLISHED = "published", _("Published")
    SUPERSEDED = "superseded", _("Superseded")


EDIT_CATALOGUE = "requirements.edit_catalogue"
# A published version is never edited again; the next one supersedes it.
TEMPLATE_WORKFLOW = Workflow(
    name="template",
    states=TemplateStatus,
    events=TemplateEventType,
    openings=frozenset({TemplateEventType.DRAFTED}),
    moves={
        TemplateEventType.PUBLISHED: Move(
            frozenset({TemplateStatus.DRAFT}), frozenset({TemplateStatus.PUBLISHED}), EDIT_CATALOGUE
        ),
        TemplateEventType.SUPERSEDED: Move(
            frozenset({TemplateStatus.PUBLISHED}),
            frozenset({TemplateStatus.SUPERSEDED}),
            EDIT_CATALOGUE,
        ),
    },
)


class Area(models.TextChoices):
    """The WCO SAFE Framework headings under which the criteria are grouped."""

    COMPLIANCE_RECORD = "compliance_record", _("Compliance record")
    OPERATIONS = "operations", _("Proper ability to conduct operations")
    SECURITY = "security", _("Security")
    COMPLIANCE_PROGRAMME = "compliance_programme", _("Compliance programme")


class QuestionKind(models.TextChoices):
    YES_NO = "yes_no", _("Yes / no")
    CHOICE = "choice", _("Choice")
    TEXT = "text", _("Text")
    NUMBER = "number", _("Number")
    DATE = "date", _("Date")
    EVIDENCE = "evidence", _("Evidence upload")


class SmeAlternative(models.TextChoices):
    """Ways an SME may meet a requirement through others: the evidence changes, not the bar."""

    THIRD_PARTY_AUDIT = "third_party_audit", _("Internal audit by a third party")
    THIRD_PARTY_TRAINING = "third_party_training", _("Training by a third party")
    OUTSOURCED = "outsourced", _("Function outsourced to a contractor")


class AssessmentStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")


class AssessmentEventType(models.TextChoices):
    CREATED = "created", _("Created")
    SUBMITTED = "submitted", _("Submitted")
    REOPENED = "reopened", _("Reopened")


ASSESSMENT_WORKFLOW = Workflow(
    name="self_assessment",
    states=AssessmentStatus,
    events=AssessmentEventType,
    openings=frozenset({AssessmentEventType.CREATED}),
    moves={
        AssessmentEventType.SUBMITTED: Move(
            frozenset({AssessmentStatus.DRAFT}),
            frozenset({AssessmentStatus.SUBMITTED}),
            "requirements.fill_self_assessment",
            illegal=_(
                "The self-assessment has been submitted; it accepts no changes until reopened."
            ),
        ),
        # When customs return the application or ask for more information.
        AssessmentEventType.REOPENED: Move(
            frozenset({AssessmentStatus.SUBMITTED}),
            frozenset({AssessmentStatus.DRAFT}),
            "requirements.reopen_self_assessment",
        ),
    },
)


class GapReason(models.TextChoices):
    UNANSWERED = "unanswered", _("Not answered")
    NOT_MET = "not_met", _("Requirement not met")
    EVIDENCE_MISSING = "evidence_missing", _("Evidence missing")
