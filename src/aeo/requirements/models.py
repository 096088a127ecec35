from collections.abc import Iterable

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from aeo.core.models import ChoiceLabels, HistoryEvent, StoredFile
from aeo.core.now import now
from aeo.registry.constants import OperatorRole
from aeo.requirements.constants import (
    Area,
    AssessmentEventType,
    AssessmentStatus,
    QuestionKind,
    SmeAlternative,
    TemplateEventType,
    TemplateStatus,
)


class TemplateVersion(ChoiceLabels):
    """One version of the requirements catalogue; immutable once published."""

    number = models.PositiveIntegerField(_("version"), unique=True)
    status = models.CharField(
        _("status"), max_length=12, choices=TemplateStatus.choices, default=TemplateStatus.DRAFT
    )
    notes = models.TextField(_("what changed"), blank=True)
    based_on = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=now)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True)

    class Meta:
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["status"], condition=models.Q(status="draft"), name="one_draft_template"
            ),
            models.UniqueConstraint(
                fields=["status"],
                condition=models.Q(status="published"),
                name="one_published_template",
            ),
        ]
        verbose_name = _("requirements template version")
        verbose_name_plural = _("requirements template versions")

    def __str__(self) -> str:
        return str(_("Requirements v%(n)d") % {"n": self.number})

    @property
    def is_editable(self) -> bool:
        return self.status == TemplateStatus.DRAFT


class Criterion(ChoiceLabels):
    template = models.ForeignKey(TemplateVersion, on_delete=models.CASCADE, related_name="criteria")
    code = models.CharField(_("code"), max_length=10)
    area = models.CharField(_("area"), max_length=24, choices=Area.choices)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    roles = models.JSONField(
        _("applies to roles"), default=list, blank=True, help_text=_("Empty: all roles.")
    )
    sme_alternatives = models.JSONField(_("SME alternatives accepted"), default=list, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["template", "position", "code"]
        constraints = [
            models.UniqueConstraint(fields=["template", "code"], name="unique_criterion_code")
        ]
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")

    def __str__(self) -> str:
        return f"{self.code} {self.title}"

    def applies_to(self, roles: Iterable[str]) -> bool:
        return not self.roles or not set(self.roles).isdisjoint(roles)

    @property
    def role_labels(self) -> list[str]:
        """The operator roles it applies to, in words (a code no longer known as itself)."""
        labels = dict(OperatorRole.choices)
        return [str(labels.get(code, code)) for code in self.roles]

    @property
    def sme_alternative_choices(self) -> list[tuple[str, str]]:
        return [(c, str(SmeAlternative(c).label)) for c in self.sme_alternatives]


class Question(ChoiceLabels):
    # Denormalized from the criterion so that codes are unique within a template.
    template = models.ForeignKey(
        TemplateVersion, on_delete=models.CASCADE, related_name="questions"
    )
    criterion = models.ForeignKey(Criterion, on_delete=models.CASCADE, related_name="questions")
    code = models.CharField(_("code"), max_length=16)
    text = models.TextField(_("question"))
    help_text = models.TextField(_("guidance"), blank=True)
    kind = models.CharField(_("kind"), max_length=10, choices=QuestionKind.choices)
    choices = models.JSONField(_("choices"), default=list, blank=True)
    required = models.BooleanField(_("required"), default=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["criterion__position", "position", "code"]
        constraints = [
            models.UniqueConstraint(fields=["template", "code"], name="unique_question_code")
        ]
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self) -> str:
        return f"{self.code} {self.text[:80]}"


class SelfAssessment(ChoiceLabels):
    """An operator's check sheet against one published template version."""

    operator = models.ForeignKey(
        "registry.Operator", on_delete=models.PROTECT, related_name="self_assessments"
    )
    template = models.ForeignKey(
        TemplateVersion, on_delete=models.PROTECT, related_name="self_assessments"
    )
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=AssessmentStatus.choices,
        default=AssessmentStatus.DRAFT,
    )
    snapshot = models.JSONField(_("as submitted"), default=dict, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=now)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["operator"],
                condition=models.Q(status="draft"),
                name="one_draft_self_assessment_per_operator",
            )
        ]
        # The list's order: a page of it reads the index, not a sort of every self-assessment.
        indexes = [models.Index(fields=["created_at", "id"], name="self_assessment_by_created")]
        verbose_name = _("self-assessment")
        verbose_name_plural = _("self-assessments")

    def __str__(self) -> str:
        return str(_("Self-assessment #%(pk)s") % {"pk": self.pk})

    @property
    def is_open(self) -> bool:
        return self.status == AssessmentStatus.DRAFT


class Answer(ChoiceLabels):
    self_assessment = models.ForeignKey(
        SelfAssessment, on_delete=models.CASCADE, related_name="answers"
    )
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="answers")
    # JSON by kind: bool (yes/no), str (choice, text, ISO date), number; null when cleared.
    value = models.JSONField(_("answer"), null=True, blank=True)
    sme_alternative = models.CharField(
        _("SME alternative"), max_length=24, choices=SmeAlternative.choices, blank=True
    )
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    answered_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["self_assessment", "question"], name="one_answer_per_question"
            )
        ]

    def __str__(self) -> str:
        return f"{self.question.code}: {self.value}"


class EvidenceQuerySet(models.QuerySet["Evidence"]):
    def active(self) -> "EvidenceQuerySet":
        return self.filter(withdrawn_at__isnull=True)


class Evidence(StoredFile):
    self_assessment = models.ForeignKey(
        SelfAssessment, on_delete=models.PROTECT, related_name="evidence"
    )
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="evidence")
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    objects = EvidenceQuerySet.as_manager()

    class Meta(StoredFile.Meta):
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")


class TemplateVersionEvent(HistoryEvent):
    states = TemplateStatus
    template = models.ForeignKey(TemplateVersion, on_delete=models.PROTECT, related_name="events")
    event = models.CharField(_("event"), max_length=40, choices=TemplateEventType.choices)

    class Meta(HistoryEvent.Meta):
        pass


class SelfAssessmentEvent(HistoryEvent):
    states = AssessmentStatus
    self_assessment = models.ForeignKey(
        SelfAssessment, on_delete=models.PROTECT, related_name="events"
    )
    event = models.CharField(_("event"), max_length=40, choices=AssessmentEventType.choices)

    class Meta(HistoryEvent.Meta):
        pass
