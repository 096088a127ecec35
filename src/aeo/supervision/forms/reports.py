"""Forms for incident reports and change notifications; the services hold the rules."""

from django import forms
from django.utils.translation import gettext_lazy as _

from aeo.core.forms import UswdsForm, VersionedForm
from aeo.supervision.constants import MAX_DUE_BUSINESS_DAYS, ChangeCategory, IncidentAssessment


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input; each is checked by the evidence store."""

    widget = MultipleFileInput

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data] if data else []
        return [super(MultipleFileField, self).clean(f, initial) for f in files]


class IncidentForm(UswdsForm):
    occurred_at = forms.DateTimeField(
        label=_("When did it happen?"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
    )
    summary = forms.CharField(label=_("What happened?"), max_length=200)
    details = forms.CharField(
        label=_("Details"),
        required=False,
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    declarations = forms.CharField(
        label=_("Declarations or goods concerned"),
        help_text=_("Declaration numbers, bills of lading, goods: one per line."),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    actions_taken = forms.CharField(
        label=_("What have you done about it?"),
        required=False,
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    attachments = MultipleFileField(
        label=_("Attachments"),
        help_text=_("PDF, PNG, JPEG, DOCX or XLSX, up to 10 files of 10 MB each."),
        required=False,
    )


class ChangeForm(UswdsForm):
    category = forms.ChoiceField(label=_("What changed?"), choices=ChangeCategory.choices)
    new_value = forms.CharField(
        label=_("New value"),
        help_text=_(
            "For a new legal name, address or number of employees: the new value, which "
            "replaces the registered one once customs confirms it."
        ),
        required=False,
        max_length=1000,
    )
    description = forms.CharField(
        label=_("Describe the change"), max_length=10000, widget=forms.Textarea(attrs={"rows": 4})
    )
    effective_on = forms.DateField(
        label=_("Effective on"), widget=forms.DateInput(attrs={"type": "date"})
    )


class CommentForm(VersionedForm):
    comment = forms.CharField(
        label=_("Comment"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class AssessForm(VersionedForm):
    assessment = forms.ChoiceField(
        label=_("Assessment"), choices=IncidentAssessment.choices, widget=forms.RadioSelect
    )
    comment = forms.CharField(
        label=_("Explanation to the operator"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    action_description = forms.CharField(
        label=_("What must be done"),
        help_text=_("For a corrective action: it is raised with the assessment."),
        required=False,
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    due_business_days = forms.IntegerField(
        label=_("Business days to respond"),
        help_text=_("For a corrective action."),
        required=False,
        min_value=1,
        max_value=MAX_DUE_BUSINESS_DAYS,
    )


class ConfirmChangeForm(CommentForm):
    adverse = forms.BooleanField(
        label=_("Adverse: the change weakens compliance or security"),
        required=False,
        help_text=_("An adverse change raises the operator's monitoring risk."),
    )


class RejectChangeForm(VersionedForm):
    comment = forms.CharField(
        label=_("Reason"), max_length=5000, widget=forms.Textarea(attrs={"rows": 3})
    )
