from django import forms
from django.utils.translation import gettext_lazy as _

from aeo.core.forms import UswdsForm
from aeo.supervision.constants import ReassessmentOutcome


class ConclusionForm(UswdsForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    outcome = forms.ChoiceField(label=_("Outcome"), choices=ReassessmentOutcome.choices)
    conclusion = forms.CharField(
        label=_("Conclusion"), max_length=10000, widget=forms.Textarea(attrs={"rows": 3})
    )
    conditions = forms.CharField(
        label=_("Conditions added"),
        required=False,
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
