from django.db import models
from django.utils.translation import gettext_lazy as _

from aeo.core.workflow import Move, Workflow


class ContactKind(models.TextChoices):
    MEETING = "meeting", _("Meeting")
    EMAIL = "email", _("E-mail")
    PHONE = "phone", _("Phone")


class IncidentStatus(models.TextChoices):
    REPORTED = "reported", _("Reported")
    ACKNOWLEDGED = "acknowledged", _("Acknowledged")
    ASSESSED = "assessed", _("Assessed")
    CLOSED = "closed", _("Closed")


class IncidentEventType(models.TextChoices):
    REPORTED = "reported", _("Reported")
    ACKNOWLEDGED = "acknowledged", _("Acknowledged")
    ASSESSED = "assessed", _("Assessed")
    CLOSED = "closed", _("Closed")


class IncidentAssessment(models.TextChoices):
    """What the account manager decides an incident calls for."""

    NO_ACTION = "no_action", _("No action needed")
    CONTACT = "contact", _("Contact with the operator")
    CORRECTIVE_ACTION = "corrective_action", _("Corrective action")
    REASSESSMENT = "reassessment", _("Re-assessment of the authorization")


# Assessments that raise the operator's monitoring risk.
ADVERSE_ASSESSMENTS = frozenset(
    {IncidentAssessment.CORRECTIVE_ACTION, IncidentAssessment.REASSESSMENT}
)

_I, _IE = IncidentStatus, IncidentEventType
INCIDENT_WORKFLOW = Workflow(
    name="incident",
    states=IncidentStatus,
    events=IncidentEventType,
    openings=frozenset({_IE.REPORTED}),
    moves={
        _IE.ACKNOWLEDGED: Move(
            frozenset({_I.REPORTED}), frozenset({_I.ACKNOWLEDGED}), "supervision.handle_incident"
        ),
        _IE.ASSESSED: Move(
            frozenset({_I.ACKNOWLEDGED}), frozenset({_I.ASSESSED}), "supervision.handle_incident"
        ),
        _IE.CLOSED: Move(
            frozenset({_I.ASSESSED}), frozenset({_I.CLOSED}), "supervision.handle_incident"
        ),
    },
)


class ChangeCategory(models.TextChoices):
    """What changed, by the headings of the EU AEO Guidelines' Annex 4, plus staff numbers."""

    LEGAL_NAME = "legal_name", _("General details: legal name")
    LEGAL_FORM = "legal_form", _("General details: legal form")
    ADDRESS = "address", _("General details: address")
    MANAGEMENT = "management", _("General details: management")
    OWNERSHIP = "ownership", _("General details: ownership")
    COMPLIANCE = "compliance", _("Customs compliance")
    RECORDS = "records", _("Accounting and logistical records")
    SOLVENCY = "solvency", _("Financial solvency")
    PREMISES = "premises", _("Security: premises")
    STAFF = "staff", _("Security: staff")
    PARTNERS = "partners", _("Security: business partners")
    EMPLOYEES = "employees", _("Number of employees and their roles")


# The registry facts a change notification may propose: they appear on the public register or
# decide SME status, so they change only when an official confirms the notification.
CONFIRMED_FACTS = {
    ChangeCategory.LEGAL_NAME: "legal_name",
    ChangeCategory.ADDRESS: "address",
    ChangeCategory.EMPLOYEES: "employee_count",
}


class ChangeStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Awaiting confirmation")
    CONFIRMED = "confirmed", _("Confirmed")
    REJECTED = "rejected", _("Rejected")


class ChangeEventType(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted")
    CONFIRMED = "confirmed", _("Confirmed")
    REJECTED = "rejected", _("Rejected")


_C, _CE = ChangeStatus, ChangeEventType
CHANGE_WORKFLOW = Workflow(
    name="change_notification",
    states=ChangeStatus,
    events=ChangeEventType,
    openings=frozenset({_CE.SUBMITTED}),
    moves={
        _CE.CONFIRMED: Move(
            frozenset({_C.SUBMITTED}), frozenset({_C.CONFIRMED}), "supervision.decide_change"
        ),
        _CE.REJECTED: Move(
            frozenset({_C.SUBMITTED}), frozenset({_C.REJECTED}), "supervision.decide_change"
        ),
    },
)
