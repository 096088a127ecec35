"""Reads of incidents and change notifications: the operator's traders see their own, the
officials who supervise the operator see its reports (`selectors.scope`)."""

from django.db.models import QuerySet

from aeo.supervision.constants import ChangeStatus, IncidentStatus
from aeo.supervision.models import ChangeNotification, Incident
from aeo.supervision.selectors.scope import operator_q


def incidents_visible_to(user) -> QuerySet[Incident]:
    return Incident.objects.select_related(
        "operator__economy", "operator__region", "reported_by"
    ).filter(operator_q(user))


def changes_visible_to(user) -> QuerySet[ChangeNotification]:
    return ChangeNotification.objects.select_related(
        "operator__economy", "operator__region", "submitted_by"
    ).filter(operator_q(user))


def open_incidents(qs: QuerySet[Incident]) -> QuerySet[Incident]:
    return qs.exclude(status=IncidentStatus.CLOSED)


def pending_changes(qs: QuerySet[ChangeNotification]) -> QuerySet[ChangeNotification]:
    return qs.filter(status=ChangeStatus.SUBMITTED)


def filter_reports(qs: QuerySet, *, status: str = "", operator_id: int | None = None) -> QuerySet:
    if status:
        qs = qs.filter(status=status)
    if operator_id is not None:
        qs = qs.filter(operator_id=operator_id)
    return qs


def incident_history(incident: Incident):
    return incident.events.select_related("actor")


def change_history(notification: ChangeNotification):
    return notification.events.select_related("actor")
