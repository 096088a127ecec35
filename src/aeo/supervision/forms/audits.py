from django import forms
from django.utils.translation import gettext_lazy as _

from aeo.core.forms import UswdsForm
from aeo.supervision.constants import (
    MAX_DUE_BUSINESS_DAYS,
    CorrectiveActionKind,
    ReassessmentTrigger,
    Severity,
)


class VersionedForm(UswdsForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class PlanAuditForm(UswdsForm):
    planned_on = forms.DateField(
        label=_("Audit date"), widget=forms.DateInput(attrs={"type": "date"})
    )
    scope = forms.CharField(
        label=_("Scope and notes for the trader"),
        required=False,
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class NotifyForm(VersionedForm):
    comment = forms.CharField(label=_("Comment"), required=False, max_length=10000)


class FindingForm(VersionedForm):
    criterion = forms.CharField(
        label=_("Criterion code"), max_length=10, help_text=_("A code of the scope listed above.")
    )
    severity = forms.ChoiceField(label=_("Severity"), choices=Severity.choices)
    description = forms.CharField(
        label=_("Finding"), max_length=10000, widget=forms.Textarea(attrs={"rows": 3})
    )


class ReportForm(VersionedForm):
    report = forms.CharField(
        label=_("Report"), max_length=10000, widget=forms.Textarea(attrs={"rows": 5})
    )


class CloseForm(VersionedForm):
    comment = forms.CharField(label=_("Comment"), required=False, max_length=10000)


class CancelForm(VersionedForm):
    reason = forms.CharField(label=_("Reason"), max_length=10000)


class RaiseActionForm(UswdsForm):
    kind = forms.ChoiceField(label=_("Kind"), choices=CorrectiveActionKind.choices)
    description = forms.CharField(
        label=_("What must be done"), max_length=10000, widget=forms.Textarea(attrs={"rows": 2})
    )
    due_business_days = forms.IntegerField(
        label=_("Business days to respond"), min_value=1, max_value=MAX_DUE_BUSINESS_DAYS
    )


class SuspendForm(UswdsForm):
    reason = forms.CharField(label=_("Reason for the suspension"), max_length=10000)


class ReassessmentForm(UswdsForm):
    trigger = forms.ChoiceField(label=_("Trigger"), choices=ReassessmentTrigger.choices)
    reason = forms.CharField(
        label=_("Reason"), max_length=10000, widget=forms.Textarea(attrs={"rows": 2})
    )
