"""Reads of re-assessments, scoped by the unit rule (`selectors.scope`)."""

from django.db.models import QuerySet

from aeo.supervision.models import Reassessment, ReassessmentEvent
from aeo.supervision.selectors.scope import operator_q


def reassessments_visible_to(user) -> QuerySet[Reassessment]:
    qs = Reassessment.objects.select_related("operator__region", "template", "audit", "started_by")
    if not user.is_authenticated:
        return qs.none()
    return qs.filter(operator_q(user))


def history(reassessment: Reassessment) -> QuerySet[ReassessmentEvent]:
    return reassessment.events.select_related("actor")
