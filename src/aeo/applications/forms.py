from django import forms
from django.utils.translation import gettext_lazy as _

from aeo.applications.constants import Outcome, RefusalReason
from aeo.core.forms import ConfirmedForm, UswdsForm, VersionedForm


class ConsultationForm(UswdsForm):
    subject = forms.CharField(label=_("Subject"), max_length=200)
    message = forms.CharField(
        label=_("What would you like to discuss?"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=5000,
    )
    preferred_date = forms.DateField(
        label=_("Preferred date"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )


class CommentForm(VersionedForm):
    comment = forms.CharField(
        label=_("Comment"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=5000,
    )


class ReturnForm(VersionedForm):
    comment = forms.CharField(
        label=_("What is missing?"), widget=forms.Textarea(attrs={"rows": 3}), max_length=5000
    )


class InformationRequestForm(VersionedForm):
    request = forms.CharField(
        label=_("Information needed"), widget=forms.Textarea(attrs={"rows": 3}), max_length=5000
    )
    resume_by = forms.DateField(
        label=_("Respond by"), widget=forms.DateInput(attrs={"type": "date"})
    )


class ResponseForm(VersionedForm):
    response = forms.CharField(
        label=_("Your response"), widget=forms.Textarea(attrs={"rows": 4}), max_length=10000
    )


class VisitForm(VersionedForm):
    visited_on = forms.DateField(
        label=_("Visit date"), widget=forms.DateInput(attrs={"type": "date"})
    )
    findings = forms.CharField(
        label=_("Findings"), widget=forms.Textarea(attrs={"rows": 3}), max_length=10000
    )
    satisfactory = forms.BooleanField(label=_("Requirements met on site"), required=False)


class ExtendForm(VersionedForm):
    reason = forms.CharField(
        label=_("Reason for the extension"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=5000,
    )


class DecisionForm(ConfirmedForm, VersionedForm):
    outcome = forms.ChoiceField(
        label=_("Decision"), choices=Outcome.choices, widget=forms.RadioSelect
    )
    reasons = forms.MultipleChoiceField(
        label=_("Reasons for a refusal"),
        required=False,
        choices=RefusalReason.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    text = forms.CharField(
        label=_("Explanation to the applicant"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=10000,
    )

    def confirmation(self) -> object:
        if self.cleaned_data["outcome"] == Outcome.AUTHORIZED:
            return _(
                "You are authorizing this operator: its AEO authorization is issued now, the "
                "application is closed and the applicant is told at once. A decision cannot be "
                "changed afterwards."
            )
        return _(
            "You are refusing this application: it is closed as refused for the reasons you "
            "chose and the applicant is told at once. A decision cannot be changed afterwards."
        )


class ScheduleForm(VersionedForm):
    at = forms.DateTimeField(
        label=_("Meeting date and time"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
    )
    comment = forms.CharField(
        label=_("Message to the trader"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=2000,
    )


class HeldForm(VersionedForm):
    outcome = forms.CharField(
        label=_("What was discussed and advised"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=5000,
    )


class CloseForm(VersionedForm):
    comment = forms.CharField(
        label=_("Comment"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=2000,
    )
