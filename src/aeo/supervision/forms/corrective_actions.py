from django import forms
from django.utils.translation import gettext_lazy as _

from aeo.core.forms import UswdsForm
from aeo.supervision.constants import MAX_DUE_BUSINESS_DAYS, Verification


class ResponseForm(UswdsForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    response = forms.CharField(
        label=_("What you did"), max_length=10000, widget=forms.Textarea(attrs={"rows": 4})
    )
    file = forms.FileField(
        label=_("Evidence (PDF, PNG, JPEG, DOCX or XLSX)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"class": "usa-file-input"}),
    )


class VerificationForm(UswdsForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    decision = forms.ChoiceField(label=_("Decision"), choices=Verification.choices)
    note = forms.CharField(
        label=_("Note"), required=False, max_length=10000, widget=forms.Textarea(attrs={"rows": 2})
    )
    due_business_days = forms.IntegerField(
        label=_("New business days to respond (if reopened)"),
        required=False,
        min_value=1,
        max_value=MAX_DUE_BUSINESS_DAYS,
    )
